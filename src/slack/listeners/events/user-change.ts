import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';

const changedUser = z.object({
  user: z.object({ id: z.string().regex(/^[UW][A-Z0-9]+$/), deleted: z.boolean().optional() }),
});

/**
 * `user_change`: a person deactivated (`deleted: true`) is offered to the admins for erasure
 * on their Home; nothing is erased until an admin confirms. Reactivated: the offer goes.
 */
export const handleUserChange =
  (deps: Pick<Deps, 'privacy' | 'logger' | 'clock'>) =>
  async ({ event, body, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'user_change'>) => {
    const teamId = context.teamId ?? (body as { team_id?: string }).team_id;
    const parsed = changedUser.safeParse(event);
    if (!teamId || !parsed.success) return;
    const { id, deleted } = parsed.data.user;
    try {
      if (deleted) await deps.privacy.personDeactivated(teamId, id, deps.clock());
      else await deps.privacy.personReactivated(teamId, id);
    } catch (err) {
      deps.logger.error({ err, teamId, userId: id }, 'recording a deactivated person failed');
    }
  };

import { fail, ok, type Result } from '../result.js';
import type { Authorizer, NotAllowed } from '../roles/permissions.js';
import type { WorkspaceService } from '../workspace/workspace-service.js';
import { normaliseEmoji, type ReactionEmoji } from './reaction.js';

export type ReactionEmojiProblem = 'invalid_emoji' | 'same_emoji';

/**
 * The reaction emoji of a workspace: read by the reaction listeners, changed by admins (`reaction.manage`, with
 * `/culture reactions`, and from the App Home). Both emoji must differ, or a reaction could
 * not say which moment it means.
 */
export function createReactionSettings(
  workspaces: Pick<WorkspaceService, 'get' | 'updateSettings'>,
  roles: Authorizer,
) {
  return {
    /** The praise and learning emoji of a workspace. */
    async get(teamId: string): Promise<ReactionEmoji> {
      return (await workspaces.get(teamId)).settings.reactionEmoji;
    },

    /** An admin changes one emoji or both (names with or without colons). */
    async set(
      teamId: string,
      actorId: string,
      change: Partial<ReactionEmoji>,
    ): Promise<Result<ReactionEmoji, ReactionEmojiProblem> | NotAllowed> {
      const allowed = await roles.authorize(teamId, actorId, 'reaction.manage');
      if (!allowed.ok) return allowed;
      const current = (await workspaces.get(teamId)).settings.reactionEmoji;
      const praise = change.praise === undefined ? current.praise : normaliseEmoji(change.praise);
      const complaint = change.complaint === undefined ? current.complaint : normaliseEmoji(change.complaint);
      if (!praise || !complaint) return fail('invalid_emoji');
      if (praise === complaint) return fail('same_emoji');
      const reactionEmoji = { praise, complaint };
      await workspaces.updateSettings(teamId, { reactionEmoji }, actorId);
      return ok(reactionEmoji);
    },
  };
}

export type ReactionSettings = ReturnType<typeof createReactionSettings>;

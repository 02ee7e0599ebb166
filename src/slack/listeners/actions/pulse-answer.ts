import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { effectiveThreshold } from '../../../domain/pulse/pulse.js';
import { MIN_ANONYMITY_THRESHOLD } from '../../../domain/workspace/workspace-service.js';
import { messages } from '../../../i18n/index.js';
import { pulseSpeech } from '../../blocks/pulse-common.js';
import { buildPulseAnswerModal, buildPulseNoticeModal } from '../../blocks/pulse-modal.js';
import { parsePulseId } from '../../parsers/pulse-command.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/**
 * The Answer button (on the card and on the reminder): opens the answer modal, prefilled for a
 * named pulse; or a modal saying the pulse is closed, or that this person already answered.
 */
export const handlePulseAnswerOpen =
  (deps: Pick<Deps, 'languages' | 'pulses' | 'workspaces' | 'clock' | 'logger'>) =>
  async ({ ack, body, client }: Args) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const userId = body.user.id;
    const action = body.actions[0];
    const pulseId = parsePulseId(action?.type === 'button' ? action.value : undefined);
    // The trigger_id dies 3 s after the click: only quick indexed reads (in parallel) come
    // before views.open; updating the card and the like happen on submission.
    const [locale, workspace, form] = await Promise.all([
      deps.languages.forUser(teamId, userId),
      deps.workspaces.get(teamId),
      pulseId
        ? deps.pulses.answerForm(teamId, pulseId, userId, deps.clock())
        : { kind: 'not_found' as const },
    ]);
    const s = pulseSpeech(locale, workspace.timezone);
    const m = messages(locale);
    let view: ReturnType<typeof buildPulseAnswerModal>;
    if (form.kind === 'form') {
      view = buildPulseAnswerModal(s, {
        pulseId: form.pulse.id,
        anonymous: form.pulse.anonymous,
        threshold: effectiveThreshold(workspace.settings.anonymityThreshold, MIN_ANONYMITY_THRESHOLD),
        prefill: form.prefill,
      });
    } else {
      const text = {
        not_found: m.pulseModalNotFound,
        closed: m.pulseModalClosed,
        already_answered: m.pulseAlreadyAnswered,
      }[form.kind];
      view = buildPulseNoticeModal(s, text);
    }
    try {
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (err) {
      deps.logger.warn({ err, teamId, pulseId }, 'could not open the pulse modal');
    }
  };

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import type { AnswerOutcome } from '../../../domain/pulse/pulse.js';
import type { Messages } from '../../../i18n/index.js';
import { pulseSpeech } from '../../blocks/pulse-common.js';
import { buildPulseNoticeModal } from '../../blocks/pulse-modal.js';
import { parsePulseAnswer } from '../../parsers/pulse-answer.js';
import { createCardRefresher } from '../../posts/pulse.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

function outcomeText(m: Messages, outcome: AnswerOutcome, anonymous: boolean | undefined): string {
  switch (outcome) {
    case 'recorded':
      return anonymous ? m.pulseThanksAnonymous : m.pulseThanksNamed;
    case 'updated':
      return m.pulseThanksUpdated;
    case 'already_answered':
      return m.pulseAlreadyAnswered;
    case 'closed':
      return m.pulseModalClosed;
    case 'not_found':
      return m.pulseModalNotFound;
  }
}

/**
 * The answer modal is submitted. Bad fields come back as field errors (the modal stays open
 * with everything typed). A valid answer is recorded before the ack, which is one short
 * transaction, so the modal itself can say "thank you", "already answered" or "closed"; the
 * card's live count is updated after the ack.
 *
 * Nothing here logs what was answered: logs must not pair a person with an answer either.
 */
export const handlePulseAnswerSubmit = (
  deps: Pick<Deps, 'languages' | 'pulses' | 'workspaces' | 'slack' | 'clock' | 'logger'>,
) => {
  const refreshCard = createCardRefresher(deps);
  return async ({ ack, body, view }: Args) => {
    const teamId = view.team_id || body.team?.id || '';
    const userId = body.user.id;
    const [locale, workspace] = await Promise.all([
      deps.languages.forUser(teamId, userId),
      deps.workspaces.get(teamId),
    ]);
    const s = pulseSpeech(locale, workspace.timezone);
    const parsed = parsePulseAnswer(view, locale);
    if (!parsed.ok) {
      if (parsed.errors) return ack({ response_action: 'errors', errors: parsed.errors });
      return ack({ response_action: 'update', view: buildPulseNoticeModal(s, s.m.pulseModalNotFound) });
    }
    const { pulseId, answer } = parsed.value;
    let outcome: AnswerOutcome;
    try {
      outcome = await deps.pulses.answer(teamId, pulseId, userId, answer, deps.clock());
    } catch (err) {
      deps.logger.error({ err, teamId, pulseId }, 'recording a pulse answer failed');
      return ack({ response_action: 'update', view: buildPulseNoticeModal(s, s.m.genericError) });
    }
    const pulse = outcome === 'not_found' ? undefined : await deps.pulses.find(teamId, pulseId);
    await ack({
      response_action: 'update',
      view: buildPulseNoticeModal(s, outcomeText(s.m, outcome, pulse?.anonymous)),
    });
    if (outcome === 'recorded') await refreshCard(teamId, pulseId);
  };
};

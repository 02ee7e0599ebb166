import type { types } from '@slack/bolt';
import { isErasedId } from '../../domain/privacy/erasure-hash.js';
import type { Pulse } from '../../domain/pulse/pulse.js';
import { ACTIONS } from '../ids.js';
import { type Block, context, header, section } from './common.js';
import { answersText, type PulseSpeech, pulseQuestions, slackDateTime } from './pulse-common.js';

function answerButton(s: PulseSpeech, pulseId: string): types.ActionsBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: ACTIONS.pulseAnswer,
        text: { type: 'plain_text', text: s.m.pulseAnswerButtonPlain, emoji: true },
        style: 'primary',
        value: pulseId,
      },
    ],
  };
}

/**
 * The pulse card posted in the channel: what it asks, anonymous or named, when it closes, the
 * live count and the Answer button; once closed, the count and a pointer to the results.
 */
export function buildPulseCard(
  s: PulseSpeech,
  input: { pulse: Pulse; count: number; threshold: number },
): { text: string; blocks: Block[] } {
  const { pulse, count, threshold } = input;
  const q = pulseQuestions(s.m);
  const blocks: Block[] = [
    header(s.m.pulseCardTitlePlain),
    section(
      `${s.m.pulseCardIntro}\n*1.* ${q.score}\n*2.* ${q.vision}\n*3.* ${q.motivation}\n*4.* ${q.human}`,
    ),
    context(pulse.anonymous ? s.m.pulseCardAnonymous({ threshold }) : s.m.pulseCardNamed),
  ];
  // A starter whose data was erased is a hash now: never shown as a mention.
  const origin =
    pulse.scheduleId !== null
      ? s.m.pulseCardRecurring
      : isErasedId(pulse.createdBy)
        ? s.m.pulseCardStartedByErased
        : s.m.pulseCardStartedBy({ user: pulse.createdBy });
  if (pulse.status === 'closed') {
    const when = slackDateTime(s, pulse.closedAt ?? pulse.closesAt);
    blocks.push(section(s.m.pulseCardClosed({ when, answers: answersText(s, count) })), context(origin));
    return { text: s.m.pulseCardClosedText, blocks };
  }
  const when = slackDateTime(s, pulse.closesAt);
  const soFar = count === 0 ? s.m.pulseCardNoAnswers : s.m.pulseCardSoFar({ answers: answersText(s, count) });
  blocks.push(
    context(`${s.m.pulseCardCloses({ when })} · *${soFar}* · ${origin}`),
    answerButton(s, pulse.id),
  );
  return { text: s.m.pulseCardText({ when }), blocks };
}

/** The channel reminder, a day before closing: to everyone, never to who has not answered. */
export function buildPulseReminder(
  s: PulseSpeech,
  input: { pulse: Pulse; count: number },
): { text: string; blocks: Block[] } {
  const when = slackDateTime(s, input.pulse.closesAt);
  return {
    text: s.m.pulseReminderText,
    blocks: [
      section(s.m.pulseReminder({ when, answers: answersText(s, input.count) })),
      answerButton(s, input.pulse.id),
    ],
  };
}

import type { types } from '@slack/bolt';
import { MAX_ANSWER_LENGTH, MAX_SCORE, MIN_SCORE, type PulseAnswer } from '../../domain/pulse/pulse.js';
import { BLOCKS, VIEWS } from '../ids.js';
import { pulseMetadata } from '../parsers/pulse-answer.js';
import { section } from './common.js';
import { type PulseSpeech, pulseQuestions } from './pulse-common.js';

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text, emoji: true });

function scoreOptions(s: PulseSpeech): types.PlainTextOption[] {
  return Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, i) => {
    const score = MIN_SCORE + i;
    const label =
      score === MIN_SCORE
        ? s.m.pulseScoreLowestPlain
        : score === MAX_SCORE
          ? s.m.pulseScoreHighestPlain
          : String(score);
    // The value is the number itself: the parser reads nothing else.
    return { text: plain(label), value: String(score) };
  });
}

function textInput(
  blockId: string,
  label: string,
  s: PulseSpeech,
  initial: string | null | undefined,
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: {
      type: 'plain_text_input',
      action_id: blockId,
      multiline: true,
      max_length: MAX_ANSWER_LENGTH,
      placeholder: plain(s.m.pulseTextPlaceholderPlain),
      ...(initial ? { initial_value: initial.slice(0, MAX_ANSWER_LENGTH) } : {}),
    },
  };
}

/**
 * The answer modal: the score (required, a static select whose values are 1…10) and the three
 * questions (optional). A named pulse opens prefilled with the person's earlier answer.
 */
export function buildPulseAnswerModal(
  s: PulseSpeech,
  input: { pulseId: string; anonymous: boolean; threshold: number; prefill: PulseAnswer | undefined },
): types.ModalView {
  const q = pulseQuestions(s.m);
  const options = scoreOptions(s);
  const initial = input.prefill ? options.find((o) => o.value === String(input.prefill?.score)) : undefined;
  const intro = input.anonymous
    ? s.m.pulseModalAnonymous({ threshold: input.threshold })
    : s.m.pulseModalNamed;
  return {
    type: 'modal',
    callback_id: VIEWS.pulseAnswer,
    private_metadata: pulseMetadata(input.pulseId),
    title: plain(s.m.pulseModalTitlePlain),
    submit: plain(s.m.pulseModalSubmitPlain),
    close: plain(s.m.pulseModalCancelPlain),
    blocks: [
      section(input.prefill ? `${intro}\n${s.m.pulseModalPrefilled}` : intro),
      {
        type: 'input',
        block_id: BLOCKS.pulseScore,
        label: plain(q.score),
        element: {
          type: 'static_select',
          action_id: BLOCKS.pulseScore,
          placeholder: plain(s.m.pulseScorePlaceholderPlain),
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      },
      textInput(BLOCKS.pulseVision, q.vision, s, input.prefill?.vision),
      textInput(BLOCKS.pulseMotivation, q.motivation, s, input.prefill?.motivation),
      textInput(BLOCKS.pulseHuman, q.human, s, input.prefill?.human),
    ],
  };
}

/** A modal that only says something (thanks, closed, already answered): a Close button, no submit. */
export function buildPulseNoticeModal(s: PulseSpeech, text: string): types.ModalView {
  return {
    type: 'modal',
    title: plain(s.m.pulseModalTitlePlain),
    close: plain(s.m.pulseModalClosePlain),
    blocks: [section(text)],
  };
}

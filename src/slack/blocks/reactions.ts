import type { Moment, MomentKind } from '../../domain/moments/moment.js';
import { STORY_MAX_LENGTH } from '../../domain/moments/moment.js';
import type { Messages } from '../../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { truncate } from '../mrkdwn.js';
import { type Block, context, section } from './common.js';
import { buildMomentConfirmation } from './moments.js';

/** The reactor's confirmation: the same as /praise's, plus how to undo and whether the story was cut. */
export function buildReactionConfirmation(m: Messages, moment: Moment, emoji: string, truncated: boolean) {
  const confirmation = buildMomentConfirmation(m, moment);
  const notes = [
    m.reactionsLoggedNote({ emoji }),
    ...(truncated ? [m.reactionsTruncated({ max: STORY_MAX_LENGTH })] : []),
  ];
  return { text: confirmation.text, blocks: [...confirmation.blocks, context(notes.join('\n'))] };
}

/** The button's value: which moment, and which message (so the modal keeps its permalink). */
export interface OpenFormValue {
  kind: MomentKind;
  channelId: string;
  ts: string;
  /** The message's author, prefilled as the colleague of a praise. */
  authorId?: string;
}

/** A reaction on a message with no text: nothing logged, the form offered instead. */
export function buildReactionNoText(m: Messages, emoji: string, value: OpenFormValue) {
  const text = m.reactionsNoText({ emoji });
  const blocks: Block[] = [
    section(text),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: truncate(m.reactionsOpenForm, 75), emoji: true },
          action_id: ACTIONS.reactionOpenForm,
          value: JSON.stringify(value),
          style: 'primary',
        },
      ],
    },
  ];
  return { text, blocks };
}

import type { types } from '@slack/bolt';
import type { ReactionEmoji } from '../../domain/reactions/reaction.js';
import type { Messages } from '../../i18n/index.js';
import { BLOCKS, HOME_ACTIONS, VIEWS } from '../ids.js';
import type { Block } from './common.js';
import { homeButton, item } from './home-common.js';
import { input, modal } from './home-modals.js';

/** For admins: the two emoji that log a moment by reaction (`/culture reactions`), and a form to change them. */
export function buildHomeReactionsSection(m: Messages, emoji: ReactionEmoji): Block[] {
  return [
    item(m.homeReactionsLine(emoji), homeButton(m.homeReactionsChange, HOME_ACTIONS.reactions, 'change')),
  ];
}

export function buildReactionsModal(m: Messages, emoji: ReactionEmoji): types.ModalView {
  const field = (label: string, id: string, current: string) =>
    input(
      label,
      id,
      { type: 'plain_text_input', action_id: id, initial_value: `:${current}:`, max_length: 100 },
      { hint: m.homeReactionHint },
    );
  return modal(m, VIEWS.homeReactions, m.homeReactionsModalTitle, { home: true }, [
    field(m.homeReactionPraiseField, BLOCKS.homeReactionPraise, emoji.praise),
    field(m.homeReactionComplaintField, BLOCKS.homeReactionComplaint, emoji.complaint),
  ]);
}

import type { types } from '@slack/bolt';
import type { Standard } from '../../domain/standards/standard.js';
import type { StandardWithCounts, UnknownCitations } from '../../domain/standards/standard-service.js';
import type { Messages } from '../../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { escapeUserText, truncate } from '../mrkdwn.js';
import { type Block, buildRefusalWithText, context, MESSAGE_BLOCKS_MAX, section } from './common.js';

/**
 * `#a, #b, #c`. Tags are checked to be lowercase letters, digits and hyphens before they are
 * stored, but unknown ones come straight from a story: those are shown inside `code`.
 */
export function tagList(tags: readonly string[], none: string): string {
  return tags.length ? tags.map((tag) => `#${tag}`).join(', ') : none;
}

function typedTags(tags: readonly string[]): string {
  return tags.map((tag) => `\`#${escapeUserText(tag).replace(/`/g, "'")}\``).join(', ');
}

/** "3. *#own-it* · the line", and how often it was honoured and missed lately. */
export function standardLine(m: Messages, { standard, honoured, missed }: StandardWithCounts): string {
  return m.standardsListLine({
    position: standard.position,
    tag: standard.tag,
    description: escapeUserText(standard.description),
    honoured,
    missed,
  });
}

/** `/culture standards`: the active standards in order with their last four weeks, then the archived. */
export function buildStandardsList(
  m: Messages,
  overview: { active: StandardWithCounts[]; archived: Standard[] },
  options: { adminHint: boolean },
): { text: string; blocks: Block[] } {
  const blocks: Block[] = [section(`*${m.standardsListTitle}*`)];
  if (overview.active.length === 0) blocks.push(section(m.standardsListEmpty));
  // 12 standards at most: one section each stays far below Slack's 50 blocks.
  for (const line of overview.active) blocks.push(section(standardLine(m, line)));
  const notes = [m.standardsListWindow];
  if (overview.archived.length) {
    notes.push(
      m.standardsListArchived({
        tags: tagList(
          overview.archived.map((s) => s.tag),
          m.standardNone,
        ),
      }),
    );
  }
  if (options.adminHint) notes.push(m.standardsListAdminHint);
  blocks.push(context(notes.join('\n')));
  return { text: m.standardsListTitle, blocks: blocks.slice(0, MESSAGE_BLOCKS_MAX) };
}

/** Adding an archived tag: the answer offers to restore it (the button is re-checked on the server). */
export function buildRestoreOffer(m: Messages, standard: Standard): { text: string; blocks: Block[] } {
  const text = m.standardArchivedAsk({
    tag: standard.tag,
    description: escapeUserText(standard.description),
  });
  const restore: types.Button = {
    type: 'button',
    style: 'primary',
    text: { type: 'plain_text', text: truncate(m.standardRestoreButton, 75) },
    action_id: ACTIONS.standardRestore,
    value: standard.tag,
  };
  return { text, blocks: [section(text), { type: 'actions', elements: [restore] }] };
}

/** "Honours #a, #b" / "Missed #a": what a moment cites, under its confirmation. */
export function citationLine(
  m: Messages,
  kind: 'praise' | 'complaint',
  tags: readonly string[],
): string | undefined {
  if (tags.length === 0) return undefined;
  const list = tagList(tags, '');
  return kind === 'praise' ? m.standardsHonours({ tags: list }) : m.standardsMissed({ tags: list });
}

/** Under a modal field: the unknown tags and the valid ones. */
export function unknownStandardsField(m: Messages, problem: UnknownCitations): string {
  return truncate(
    m.standardsUnknownField({
      unknown: typedTags(problem.unknown),
      valid: tagList(problem.valid, m.standardNone),
    }),
    2000,
  );
}

/**
 * An inline story citing an unknown `#tag`: nothing is stored; the answer names the tag, lists
 * the valid ones, gives the text back and, when `choose` fits in a button, offers the form
 * prefilled with the story and the known tags selected.
 */
export function buildUnknownStandards(
  m: Messages,
  problem: UnknownCitations,
  typed: string,
  choose: string | undefined,
): { text: string; blocks: Block[] } {
  const text = m.standardsUnknownInStory({
    unknown: typedTags(problem.unknown),
    valid: tagList(problem.valid, m.standardNone),
  });
  const refusal = buildRefusalWithText(m, text, typed);
  if (!choose) return refusal;
  const button: types.Button = {
    type: 'button',
    style: 'primary',
    text: { type: 'plain_text', text: truncate(m.standardsChoose, 75) },
    action_id: ACTIONS.momentChooseStandards,
    value: choose,
  };
  const blocks = [
    ...refusal.blocks.slice(0, MESSAGE_BLOCKS_MAX - 1),
    { type: 'actions', elements: [button] } as Block,
  ];
  return { text, blocks };
}

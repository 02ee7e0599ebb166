import type { types } from '@slack/bolt';
import type { HomeData } from '../../domain/home/home-service.js';
import {
  DESCRIPTION_MAX_LENGTH,
  MAX_STANDARDS,
  type Standard,
  TAG_MAX_LENGTH,
} from '../../domain/standards/standard.js';
import type { Messages } from '../../i18n/index.js';
import { BLOCKS, HOME_ACTIONS, VIEWS } from '../ids.js';
import { escapeUserText } from '../mrkdwn.js';
import { type Block, context, section } from './common.js';
import { homeButton, type Ids, item, overflow } from './home-common.js';
import { input, modal } from './home-modals.js';
import { option, plain } from './moments.js';
import { standardLine, tagList } from './standards.js';

/** A static select holds 100 options: the most recently archived standards are offered first. */
const RESTORE_OPTIONS_MAX = 100;

/**
 * For admins: the service standards (add, edit, move, archive, restore) as `/culture standards`
 * lists them, with how often each was honoured and missed lately. Twelve active at most, so the
 * list needs no paging: it costs at most 15 blocks.
 */
export function buildHomeStandardsSection(
  m: Messages,
  standards: NonNullable<HomeData['admin']>['standards'],
  ids: Ids,
): Block[] {
  const { active, archived } = standards;
  const blocks: Block[] = [
    item(
      m.homeStandardsTitle({ total: active.length, max: MAX_STANDARDS }),
      homeButton(m.homeStandardAdd, HOME_ACTIONS.standardAdd, 'add'),
    ),
  ];
  if (active.length === 0) blocks.push(context(m.homeStandardsNone));
  for (const line of active) {
    const { standard } = line;
    const choices = [
      { text: m.homeEdit, value: `edit:${standard.tag}` },
      ...(active.length > 1 ? [{ text: m.homeStandardMove, value: `move:${standard.tag}` }] : []),
      { text: m.homeStandardArchive, value: `archive:${standard.tag}` },
    ];
    blocks.push(item(standardLine(m, line), overflow(ids.next(HOME_ACTIONS.standard), choices)));
  }
  const notes = [m.standardsListWindow];
  if (archived.length > 0) {
    notes.push(
      m.standardsListArchived({
        tags: tagList(
          archived.map((s) => s.tag),
          m.standardNone,
        ),
      }),
    );
  }
  blocks.push(context(notes.join('\n')));
  if (archived.length > 0) {
    const newest = [...archived]
      .sort((a, b) => (b.archivedAt?.getTime() ?? 0) - (a.archivedAt?.getTime() ?? 0))
      .slice(0, RESTORE_OPTIONS_MAX);
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'static_select',
          action_id: HOME_ACTIONS.standardRestore,
          placeholder: plain(m.homeStandardRestorePlaceholder),
          options: newest.map((s) => option(`#${s.tag}`, s.tag)),
        },
      ],
    });
  }
  return blocks;
}

/** The standards form: a new standard (tag and line), a standard's new line, or its new place. */
export function buildStandardModal(
  m: Messages,
  target:
    | { action: 'add' }
    | { action: 'edit'; standard: Standard }
    | { action: 'move'; standard: Standard; count: number },
): types.ModalView {
  const descriptionInput = (initial?: string) =>
    input(m.homeStandardDescriptionField, BLOCKS.homeStandardDescription, {
      type: 'plain_text_input',
      action_id: BLOCKS.homeStandardDescription,
      max_length: DESCRIPTION_MAX_LENGTH,
      ...(initial ? { initial_value: initial } : {}),
    });
  switch (target.action) {
    case 'add':
      return modal(
        m,
        VIEWS.homeStandard,
        m.homeStandardAddTitle,
        { home: true, standard: { action: 'add' } },
        [
          input(
            m.homeStandardTagField,
            BLOCKS.homeStandardTag,
            { type: 'plain_text_input', action_id: BLOCKS.homeStandardTag, max_length: TAG_MAX_LENGTH + 1 },
            { hint: m.homeStandardTagHint },
          ),
          descriptionInput(),
        ],
      );
    case 'edit': {
      const { standard } = target;
      return modal(
        m,
        VIEWS.homeStandard,
        m.homeStandardEditTitle,
        { home: true, standard: { action: 'edit', tag: standard.tag } },
        [section(`*#${standard.tag}*`), descriptionInput(standard.description)],
      );
    }
    case 'move': {
      const { standard, count } = target;
      const places = Array.from({ length: count }, (_, i) => option(String(i + 1), String(i + 1)));
      return modal(
        m,
        VIEWS.homeStandard,
        m.homeStandardMoveTitle,
        { home: true, standard: { action: 'move', tag: standard.tag } },
        [
          section(`*#${standard.tag}* · ${escapeUserText(standard.description)}`),
          input(m.homeStandardPositionField({ tag: standard.tag }), BLOCKS.homeStandardPosition, {
            type: 'static_select',
            action_id: BLOCKS.homeStandardPosition,
            options: places,
            initial_option: places[standard.position - 1] ?? places[0],
          }),
        ],
      );
    }
  }
}

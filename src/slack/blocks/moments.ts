import type { types } from '@slack/bolt';
import type { Moment, MomentDraft } from '../../domain/moments/moment.js';
import {
  CUSTOMER_TYPES,
  IMPACTS,
  LESSON_MAX_LENGTH,
  MAX_COLLEAGUES,
  STORY_MAX_LENGTH,
  TOUCHPOINTS,
} from '../../domain/moments/moment.js';
import type { Standard } from '../../domain/standards/standard.js';
import type { UnknownCitations } from '../../domain/standards/standard-service.js';
import type { Messages } from '../../i18n/index.js';
import { ACTIONS, BLOCKS, VIEWS } from '../ids.js';
import { escapeUserText, mentionUser, quote, truncate } from '../mrkdwn.js';
import { type Block, context, SECTION_TEXT_MAX, section } from './common.js';
import { citationLine, unknownStandardsField } from './standards.js';

export const plain = (text: string): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, 75),
  emoji: true,
});
export const option = (text: string, value: string) => ({ text: plain(text), value });

/** `<@A>, <@B> and <@C>`: live mentions the bot builds itself. */
export function mentionList(userIds: string[], and: string): string {
  const mentions = userIds.map(mentionUser);
  if (mentions.length <= 1) return mentions.join('');
  return `${mentions.slice(0, -1).join(', ')} ${and} ${mentions.at(-1)}`;
}

/** "Praise · Phone · external customer · Small credit · Honours #surprise" */
export function momentFacts(
  m: Messages,
  moment: Pick<Moment, 'kind' | 'touchpoint' | 'customerType' | 'impact'> &
    Partial<Pick<Moment, 'standards'>>,
) {
  const impact = (moment.kind === 'praise' ? m.momentsImpactPraise : m.momentsImpactComplaint)[moment.impact];
  const cited = citationLine(m, moment.kind, moment.standards ?? []);
  return [
    m.momentsKind[moment.kind],
    m.momentsTouchpoint[moment.touchpoint],
    m.momentsCustomerShort[moment.customerType],
    impact,
    ...(cited ? [cited] : []),
  ].join(' · ');
}

/** The story as a quote, escaped, cut to fit a section. */
export function storyQuote(story: string): string {
  return quote(truncate(escapeUserText(story), SECTION_TEXT_MAX - 200));
}

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  return { type: 'button', text: plain(text), action_id: actionId, value, ...(style ? { style } : {}) };
}

/** The author's ephemeral confirmation, with the next useful step as buttons. */
export function buildMomentConfirmation(m: Messages, moment: Moment) {
  const text =
    moment.kind === 'praise'
      ? m.momentsPraiseLogged({ colleagues: mentionList(moment.colleagueIds, m.and) })
      : m.momentsComplaintLogged({ owner: mentionUser(moment.followUpUserId ?? moment.authorId) });
  const buttons =
    moment.kind === 'praise'
      ? [
          button(m.momentsAddDetails, ACTIONS.momentAddDetails, moment.id, 'primary'),
          button(m.momentsUndo, ACTIONS.momentUndo, moment.id),
        ]
      : [
          button(m.momentsAddLesson, ACTIONS.momentAddLesson, moment.id, 'primary'),
          button(m.momentsMarkResolved, ACTIONS.momentResolve, moment.id),
          button(m.momentsAddDetails, ACTIONS.momentAddDetails, moment.id),
          button(m.momentsUndo, ACTIONS.momentUndo, moment.id),
        ];
  const blocks: Block[] = [
    section(text),
    section(storyQuote(moment.story)),
    context(momentFacts(m, moment)),
    { type: 'actions', elements: buttons },
  ];
  return { text, blocks };
}

/** The DM a praised colleague (or a complaint's helper) receives, in their language. */
export function buildMomentDm(m: Messages, moment: Moment) {
  const text =
    moment.kind === 'praise'
      ? m.momentsPraiseDm({ author: moment.authorId })
      : m.momentsComplaintDm({ author: moment.authorId });
  const blocks: Block[] = [section(text), section(storyQuote(moment.story)), context(momentFacts(m, moment))];
  if (moment.permalink) blocks.push(context(`<${moment.permalink}|${m.momentsSource}>`));
  return { text, blocks };
}

/** The praise post in the recognition channel; the overflow lets the author or an admin edit or delete it. */
export function buildRecognitionPost(m: Messages, moment: Moment) {
  const text = m.momentsRecognitionPost({
    author: moment.authorId,
    colleagues: mentionList(moment.colleagueIds, m.and),
  });
  const manage: types.Overflow = {
    type: 'overflow',
    action_id: ACTIONS.momentManage,
    options: [option(m.momentsEdit, `edit:${moment.id}`), option(m.momentsDelete, `delete:${moment.id}`)],
  };
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text }, accessory: manage },
    section(storyQuote(moment.story)),
    context(`${momentFacts(m, moment)}  ·  ${m.momentsInviteNext}`),
  ];
  return { text, blocks };
}

/** "What we learned / what we changed": optional in the full modal, the point of the lesson modal. */
function lessonInput(m: Messages, lesson: string | null, optional: boolean): types.InputBlock {
  return {
    type: 'input',
    block_id: BLOCKS.momentLesson,
    optional,
    label: plain(m.momentsFieldLesson),
    hint: { type: 'plain_text', text: m.momentsFieldLessonHint },
    element: {
      type: 'plain_text_input',
      action_id: BLOCKS.momentLesson,
      multiline: true,
      max_length: LESSON_MAX_LENGTH,
      ...(lesson ? { initial_value: lesson } : {}),
    },
  };
}

type Prefill = Partial<Pick<MomentDraft, 'kind' | 'colleagueIds' | 'story' | 'standards'>> &
  Partial<Pick<Moment, 'customerType' | 'touchpoint' | 'impact' | 'lesson' | 'followUpUserId'>>;

/**
 * The standards a moment may pick: the active ones, and the archived ones it already cites
 * (Slack refuses a preselected option that is not among the options).
 */
function standardsInput(
  m: Messages,
  standards: Standard[],
  selected: string[],
): types.InputBlock | undefined {
  const choices = standards.filter((s) => s.archivedAt === null || selected.includes(s.tag));
  if (choices.length === 0) return undefined;
  const options = choices.map((s) => option(`#${s.tag} · ${s.description}`, s.tag));
  const initial = options.filter((o) => selected.includes(o.value));
  return {
    type: 'input',
    block_id: BLOCKS.momentStandards,
    optional: true,
    label: plain(m.standardsField),
    hint: { type: 'plain_text', text: m.standardsFieldHint },
    element: {
      type: 'multi_static_select',
      action_id: BLOCKS.momentStandards,
      placeholder: plain(m.standardsFieldPlaceholder),
      options,
      ...(initial.length ? { initial_options: initial } : {}),
    },
  };
}

/**
 * The full moment modal. Every input's block_id equals its action_id (BLOCKS), so field errors
 * and the parser share one name. Prefilled from a command, a shortcut or the moment being edited.
 */
export function buildMomentModal(
  m: Messages,
  prefill: Prefill,
  metadata: string,
  editing: boolean,
  standards: Standard[],
): types.ModalView {
  const kindOptions = [
    option(m.momentsKindPraiseOption, 'praise'),
    option(m.momentsKindComplaintOption, 'complaint'),
  ];
  const customerOptions = CUSTOMER_TYPES.map((type) => option(m.momentsCustomerType[type], type));
  const touchpointOptions = TOUCHPOINTS.map((tp) => option(m.momentsTouchpoint[tp], tp));
  const impactOptions = IMPACTS.map((impact) =>
    option(impact === 'small' ? m.momentsImpactSmallOption : m.momentsImpactBigOption, impact),
  );
  const pick = <T extends { value: string }>(options: T[], value: string | undefined) =>
    options.find((o) => o.value === value);
  const initial = <T>(value: T | undefined, key: string) => (value === undefined ? {} : { [key]: value });

  const blocks: types.InputBlock[] = [
    {
      type: 'input',
      block_id: BLOCKS.momentKind,
      label: plain(m.momentsFieldKind),
      element: {
        type: 'radio_buttons',
        action_id: BLOCKS.momentKind,
        options: kindOptions,
        ...initial(pick(kindOptions, prefill.kind), 'initial_option'),
      },
    },
    {
      type: 'input',
      block_id: BLOCKS.momentStory,
      label: plain(m.momentsFieldStory),
      element: {
        type: 'plain_text_input',
        action_id: BLOCKS.momentStory,
        multiline: true,
        max_length: STORY_MAX_LENGTH,
        placeholder: plain(m.momentsFieldStoryPlaceholder),
        ...initial(prefill.story ? prefill.story.slice(0, STORY_MAX_LENGTH) : undefined, 'initial_value'),
      },
    },
    {
      type: 'input',
      block_id: BLOCKS.momentColleagues,
      optional: true,
      label: plain(m.momentsFieldColleagues),
      hint: { type: 'plain_text', text: m.momentsFieldColleaguesHint },
      element: {
        type: 'multi_users_select',
        action_id: BLOCKS.momentColleagues,
        max_selected_items: MAX_COLLEAGUES,
        ...initial(
          prefill.colleagueIds?.length ? prefill.colleagueIds.slice(0, MAX_COLLEAGUES) : undefined,
          'initial_users',
        ),
      },
    },
    {
      type: 'input',
      block_id: BLOCKS.momentCustomerType,
      label: plain(m.momentsFieldCustomerType),
      element: {
        type: 'radio_buttons',
        action_id: BLOCKS.momentCustomerType,
        options: customerOptions,
        initial_option: pick(customerOptions, prefill.customerType ?? 'external'),
      },
    },
    {
      type: 'input',
      block_id: BLOCKS.momentTouchpoint,
      label: plain(m.momentsFieldTouchpoint),
      element: {
        type: 'static_select',
        action_id: BLOCKS.momentTouchpoint,
        options: touchpointOptions,
        initial_option: pick(touchpointOptions, prefill.touchpoint ?? 'other'),
      },
    },
    {
      type: 'input',
      block_id: BLOCKS.momentImpact,
      label: plain(m.momentsFieldImpact),
      element: {
        type: 'radio_buttons',
        action_id: BLOCKS.momentImpact,
        options: impactOptions,
        initial_option: pick(impactOptions, prefill.impact ?? 'small'),
      },
    },
    ...[standardsInput(m, standards, prefill.standards ?? [])].filter((b) => b !== undefined),
    lessonInput(m, prefill.lesson ?? null, true),
    {
      type: 'input',
      block_id: BLOCKS.momentFollowUp,
      optional: true,
      label: plain(m.momentsFieldFollowUp),
      hint: { type: 'plain_text', text: m.momentsFieldFollowUpHint },
      element: {
        type: 'users_select',
        action_id: BLOCKS.momentFollowUp,
        ...initial(prefill.followUpUserId ?? undefined, 'initial_user'),
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: VIEWS.momentModal,
    // Slack cuts nothing: a title over 24 characters is refused outright.
    title: {
      type: 'plain_text',
      text: truncate(editing ? m.momentsModalEditTitle : m.momentsModalTitle, 24),
    },
    submit: { type: 'plain_text', text: truncate(m.momentsModalSubmit, 24) },
    close: { type: 'plain_text', text: truncate(m.momentsModalCancel, 24) },
    private_metadata: metadata,
    blocks,
  };
}

/** "What we learned" for a complaint, with the option to resolve it at the same time. */
export function buildLessonModal(m: Messages, moment: Moment, metadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.momentLesson,
    title: { type: 'plain_text', text: truncate(m.momentsLessonTitle, 24) },
    submit: { type: 'plain_text', text: truncate(m.momentsModalSubmit, 24) },
    close: { type: 'plain_text', text: truncate(m.momentsModalCancel, 24) },
    private_metadata: metadata,
    blocks: [
      section(storyQuote(moment.story)),
      lessonInput(m, moment.lesson, false),
      {
        type: 'input',
        block_id: BLOCKS.momentResolveNow,
        optional: true,
        label: plain(m.momentsMarkResolved),
        element: {
          type: 'checkboxes',
          action_id: BLOCKS.momentResolveNow,
          options: [option(m.momentsLessonResolve, 'resolve')],
          ...(moment.status === 'resolved'
            ? { initial_options: [option(m.momentsLessonResolve, 'resolve')] }
            : {}),
        },
      },
    ],
  };
}

export type MomentProblem =
  | 'no_colleague'
  | 'too_many'
  | 'not_found'
  | 'not_allowed_edit'
  | 'not_allowed_follow_up'
  | 'not_allowed_delete'
  | 'not_a_complaint'
  | { reason: 'unknown_colleague' | 'bot_colleague'; userId: string }
  | UnknownCitations;

/** One wording per problem, so commands, buttons and modals explain it the same way. */
export function momentProblemText(m: Messages, problem: MomentProblem): string {
  if (typeof problem === 'object') {
    if (problem.reason === 'unknown_standards') return unknownStandardsField(m, problem);
    return problem.reason === 'unknown_colleague'
      ? m.momentsUnknownColleague({ user: problem.userId })
      : m.momentsBotColleague({ user: problem.userId });
  }
  return {
    no_colleague: m.momentsNoColleague,
    too_many: m.momentsTooMany({ max: MAX_COLLEAGUES }),
    not_found: m.momentsNotFound,
    not_allowed_edit: m.momentsNotAllowedEdit,
    not_allowed_follow_up: m.momentsNotAllowedFollowUp,
    not_allowed_delete: m.momentsNotAllowedDelete,
    not_a_complaint: m.momentsNotAComplaint,
  }[problem];
}

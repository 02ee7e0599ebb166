import { z } from 'zod';
import {
  CUSTOMER_TYPES,
  IMPACTS,
  LESSON_MAX_LENGTH,
  MAX_COLLEAGUES,
  MOMENT_KINDS,
  type MomentDraft,
  type MomentKind,
  STORY_MAX_LENGTH,
  STORY_MIN_LENGTH,
  TOUCHPOINTS,
} from '../../domain/moments/moment.js';
import { BLOCKS } from '../ids.js';
import { channelIdSchema, userIdSchema } from './slack-ids.js';

// Slack escapes a picked person as <@U123> or <@U123|name> depending on the client.
const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;
const LEADING_MENTIONS = /^(?:\s*(?:<@[UW][A-Z0-9]+(?:\|[^>]*)?>)[\s,;]*(?:(?:and|et|&amp;|&)\s+)?)+/i;

export type InlineProblem = 'story_too_short' | 'story_too_long' | 'too_many';

/**
 * What `/praise` or `/complaint` typed. `complete: false` means a part is missing (no colleague
 * for praise, or no story): the modal opens prefilled instead of failing.
 */
export type InlineMoment =
  | { complete: true; draft: MomentDraft }
  | { complete: false; prefill: Pick<MomentDraft, 'kind' | 'colleagueIds' | 'story'> }
  | { complete: 'invalid'; problem: InlineProblem; length: number };

const storySchema = z
  .string()
  .trim()
  .min(STORY_MIN_LENGTH, { message: 'story_too_short' })
  .max(STORY_MAX_LENGTH, { message: 'story_too_long' });

/**
 * Reads `/praise @a @b story` or `/complaint story`: every mentioned person is a colleague;
 * the mentions leading the text are not part of the story, the ones inside it stay.
 * An inline moment is an external customer, `other` touchpoint, small impact, until the
 * author changes it with "add details".
 */
export function parseInlineMoment(kind: MomentKind, text: string, authorId: string): InlineMoment {
  // Naming oneself is not praise: the author never counts as a colleague.
  const colleagueIds = [...new Set([...text.matchAll(MENTION)].map((match) => match[1] as string))].filter(
    (id) => id !== authorId,
  );
  const story = text.replace(LEADING_MENTIONS, '').trim();
  if (colleagueIds.length > MAX_COLLEAGUES)
    return { complete: 'invalid', problem: 'too_many', length: story.length };
  if ((kind === 'praise' && colleagueIds.length === 0) || story.length === 0) {
    return { complete: false, prefill: { kind, colleagueIds, story } };
  }
  const parsed = storySchema.safeParse(story);
  if (!parsed.success) {
    return {
      complete: 'invalid',
      problem: parsed.error.issues[0]?.message as InlineProblem,
      length: story.length,
    };
  }
  return {
    complete: true,
    draft: {
      kind,
      colleagueIds,
      story: parsed.data,
      customerType: 'external',
      touchpoint: 'other',
      impact: 'small',
    },
  };
}

/** Where a modal came from and what it edits, carried in private_metadata (3000 chars at most). */
export const momentModalMetadata = z.object({
  momentId: z.string().uuid().optional(),
  source: z.enum(['command', 'modal', 'shortcut']).default('modal'),
  channelId: channelIdSchema.optional(),
  messageTs: z.string().optional(),
  /** Opened from the App Home: the submission republishes the Home. */
  home: z.literal(true).optional(),
});
export type MomentModalMetadata = z.infer<typeof momentModalMetadata>;

export function parseModalMetadata(raw: string | undefined): MomentModalMetadata {
  try {
    return momentModalMetadata.parse(raw ? JSON.parse(raw) : {});
  } catch {
    return { source: 'modal' };
  }
}

export type ModalFieldError =
  | 'kind_missing'
  | 'story_too_short'
  | 'story_too_long'
  | 'no_colleague'
  | 'too_many'
  | 'lesson_too_long';

const selected = (options: readonly string[]) =>
  z.object({ selected_option: z.object({ value: z.enum(options as [string, ...string[]]) }).nullish() });

// view.state.values, as Slack sends it: { [block_id]: { [action_id]: element state } }
const stateSchema = z.object({
  [BLOCKS.momentKind]: z.object({ [BLOCKS.momentKind]: selected(MOMENT_KINDS) }),
  [BLOCKS.momentColleagues]: z.object({
    [BLOCKS.momentColleagues]: z.object({ selected_users: z.array(userIdSchema).nullish() }),
  }),
  [BLOCKS.momentCustomerType]: z.object({ [BLOCKS.momentCustomerType]: selected(CUSTOMER_TYPES) }),
  [BLOCKS.momentTouchpoint]: z.object({ [BLOCKS.momentTouchpoint]: selected(TOUCHPOINTS) }),
  [BLOCKS.momentImpact]: z.object({ [BLOCKS.momentImpact]: selected(IMPACTS) }),
  [BLOCKS.momentStory]: z.object({ [BLOCKS.momentStory]: z.object({ value: z.string().nullish() }) }),
  [BLOCKS.momentLesson]: z.object({ [BLOCKS.momentLesson]: z.object({ value: z.string().nullish() }) }),
  [BLOCKS.momentFollowUp]: z.object({
    [BLOCKS.momentFollowUp]: z.object({ selected_user: userIdSchema.nullish() }),
  }),
  // Absent when the workspace has no standard to pick.
  [BLOCKS.momentStandards]: z
    .object({
      [BLOCKS.momentStandards]: z.object({
        selected_options: z.array(z.object({ value: z.string().max(64) })).nullish(),
      }),
    })
    .optional(),
});

/**
 * The moment modal's state → a draft, or field errors keyed by block_id (Slack shows each
 * under its field and keeps everything the user typed).
 */
export function parseMomentModal(
  values: unknown,
): { ok: true; draft: MomentDraft } | { ok: false; errors: Partial<Record<string, ModalFieldError>> } {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: { [BLOCKS.momentKind]: 'kind_missing' } };
  const v = parsed.data;
  const kind = v[BLOCKS.momentKind][BLOCKS.momentKind].selected_option?.value as MomentKind | undefined;
  const story = (v[BLOCKS.momentStory][BLOCKS.momentStory].value ?? '').trim();
  const lesson = (v[BLOCKS.momentLesson][BLOCKS.momentLesson].value ?? '').trim();
  const colleagueIds = v[BLOCKS.momentColleagues][BLOCKS.momentColleagues].selected_users ?? [];
  const errors: Partial<Record<string, ModalFieldError>> = {};
  if (!kind) errors[BLOCKS.momentKind] = 'kind_missing';
  if (story.length < STORY_MIN_LENGTH) errors[BLOCKS.momentStory] = 'story_too_short';
  if (story.length > STORY_MAX_LENGTH) errors[BLOCKS.momentStory] = 'story_too_long';
  if (lesson.length > LESSON_MAX_LENGTH) errors[BLOCKS.momentLesson] = 'lesson_too_long';
  if (colleagueIds.length > MAX_COLLEAGUES) errors[BLOCKS.momentColleagues] = 'too_many';
  if (!kind || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      kind,
      colleagueIds,
      story,
      lesson: lesson || null,
      followUpUserId: v[BLOCKS.momentFollowUp][BLOCKS.momentFollowUp].selected_user ?? null,
      standards: (v[BLOCKS.momentStandards]?.[BLOCKS.momentStandards].selected_options ?? []).map(
        (o) => o.value,
      ),
      customerType: (v[BLOCKS.momentCustomerType][BLOCKS.momentCustomerType].selected_option?.value ??
        'external') as MomentDraft['customerType'],
      touchpoint: (v[BLOCKS.momentTouchpoint][BLOCKS.momentTouchpoint].selected_option?.value ??
        'other') as MomentDraft['touchpoint'],
      impact: (v[BLOCKS.momentImpact][BLOCKS.momentImpact].selected_option?.value ??
        'small') as MomentDraft['impact'],
    },
  };
}

const lessonSchema = z.object({
  [BLOCKS.momentLesson]: z.object({ [BLOCKS.momentLesson]: z.object({ value: z.string().nullish() }) }),
  [BLOCKS.momentResolveNow]: z
    .object({
      [BLOCKS.momentResolveNow]: z.object({
        selected_options: z.array(z.object({ value: z.string() })).nullish(),
      }),
    })
    .optional(),
});

/** The lesson modal: the lesson (required, ≤ 3000) and whether to resolve now. */
export function parseLessonModal(
  values: unknown,
):
  | { ok: true; lesson: string; resolve: boolean }
  | { ok: false; errors: Partial<Record<string, ModalFieldError>> } {
  const parsed = lessonSchema.safeParse(values);
  const lesson = parsed.success
    ? (parsed.data[BLOCKS.momentLesson][BLOCKS.momentLesson].value ?? '').trim()
    : '';
  if (!parsed.success || lesson.length < STORY_MIN_LENGTH) {
    return { ok: false, errors: { [BLOCKS.momentLesson]: 'story_too_short' } };
  }
  if (lesson.length > LESSON_MAX_LENGTH)
    return { ok: false, errors: { [BLOCKS.momentLesson]: 'lesson_too_long' } };
  const resolve =
    (parsed.data[BLOCKS.momentResolveNow]?.[BLOCKS.momentResolveNow].selected_options ?? []).length > 0;
  return { ok: true, lesson, resolve };
}

/**
 * "Choose standards" carries the refused draft in its value, so the form opens with the story
 * even though nothing was stored. Slack caps a button value at 2000 characters: a longer
 * draft gets no button (its text is given back in the message anyway).
 */
const chooseValue = z.object({
  k: z.enum(MOMENT_KINDS),
  c: z.array(z.string().regex(/^[UW][A-Z0-9]+$/)).max(MAX_COLLEAGUES),
  s: z.string().max(STORY_MAX_LENGTH),
});
const BUTTON_VALUE_MAX = 2000;

export function encodeChooseStandards(
  draft: Pick<MomentDraft, 'kind' | 'colleagueIds' | 'story'>,
): string | undefined {
  const value = JSON.stringify({ k: draft.kind, c: draft.colleagueIds, s: draft.story });
  return value.length <= BUTTON_VALUE_MAX ? value : undefined;
}

export function parseChooseStandards(
  raw: string | undefined,
): Pick<MomentDraft, 'kind' | 'colleagueIds' | 'story'> | undefined {
  try {
    const parsed = chooseValue.safeParse(JSON.parse(raw ?? ''));
    return parsed.success
      ? { kind: parsed.data.k, colleagueIds: parsed.data.c, story: parsed.data.s }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Button values carry the moment id; anything else is a forged or stale payload. */
export const momentIdValue = z.string().uuid();

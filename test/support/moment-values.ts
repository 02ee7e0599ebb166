import type { Moment } from '../../src/domain/moments/moment.js';
import { BLOCKS } from '../../src/slack/ids.js';

/** view.state.values of the moment modal, as Slack sends them on submission. */
export function momentModalValues(v: {
  kind?: 'praise' | 'complaint';
  colleagues?: string[];
  customerType?: 'external' | 'internal';
  touchpoint?: string;
  impact?: 'small' | 'big';
  story?: string;
  lesson?: string;
  followUp?: string;
  /** Tags picked in the standards multi-select; the block is left out when undefined. */
  standards?: string[];
}) {
  const option = (value: string | undefined) =>
    value ? { selected_option: { value } } : { selected_option: null };
  return {
    [BLOCKS.momentKind]: { [BLOCKS.momentKind]: { type: 'radio_buttons', ...option(v.kind) } },
    [BLOCKS.momentStory]: { [BLOCKS.momentStory]: { type: 'plain_text_input', value: v.story ?? null } },
    [BLOCKS.momentColleagues]: {
      [BLOCKS.momentColleagues]: { type: 'multi_users_select', selected_users: v.colleagues ?? [] },
    },
    [BLOCKS.momentCustomerType]: {
      [BLOCKS.momentCustomerType]: { type: 'radio_buttons', ...option(v.customerType ?? 'external') },
    },
    [BLOCKS.momentTouchpoint]: {
      [BLOCKS.momentTouchpoint]: { type: 'static_select', ...option(v.touchpoint ?? 'other') },
    },
    [BLOCKS.momentImpact]: {
      [BLOCKS.momentImpact]: { type: 'radio_buttons', ...option(v.impact ?? 'small') },
    },
    [BLOCKS.momentLesson]: { [BLOCKS.momentLesson]: { type: 'plain_text_input', value: v.lesson ?? null } },
    [BLOCKS.momentFollowUp]: {
      [BLOCKS.momentFollowUp]: { type: 'users_select', selected_user: v.followUp ?? null },
    },
    ...(v.standards
      ? {
          [BLOCKS.momentStandards]: {
            [BLOCKS.momentStandards]: {
              type: 'multi_static_select',
              selected_options: v.standards.map((value) => ({
                value,
                text: { type: 'plain_text', text: value },
              })),
            },
          },
        }
      : {}),
  };
}

export function lessonModalValues(lesson: string, resolve = false) {
  return {
    [BLOCKS.momentLesson]: { [BLOCKS.momentLesson]: { type: 'plain_text_input', value: lesson } },
    [BLOCKS.momentResolveNow]: {
      [BLOCKS.momentResolveNow]: {
        type: 'checkboxes',
        selected_options: resolve ? [{ value: 'resolve', text: { type: 'plain_text', text: 'x' } }] : [],
      },
    },
  };
}

/** A moment as the service returns it, for Block Kit builder tests. */
export function momentFixture(overrides: Partial<Moment> = {}): Moment {
  const at = new Date('2026-11-23T10:00:00Z');
  return {
    id: '6f1c2f0e-0000-4000-8000-000000000001',
    teamId: 'T1',
    kind: 'praise',
    authorId: 'UA',
    colleagueIds: ['U1', 'U2'],
    customerType: 'external',
    touchpoint: 'phone',
    impact: 'big',
    story: 'Stayed late <!channel> to fix it. '.repeat(200),
    lesson: null,
    followUpUserId: null,
    status: 'open',
    source: 'command',
    channelId: 'C1',
    permalink: 'https://example.slack.com/archives/C1/p1',
    sourceTs: null,
    standards: [],
    recognitionChannelId: null,
    recognitionTs: null,
    createdAt: at,
    updatedAt: at,
    resolvedAt: null,
    followedUpAt: null,
    ...overrides,
  };
}

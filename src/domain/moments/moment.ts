/** The words of a customer moment (see src/domain/README.md). */
export const MOMENT_KINDS = ['praise', 'complaint'] as const;
export const CUSTOMER_TYPES = ['external', 'internal'] as const;
export const TOUCHPOINTS = ['phone', 'email', 'chat', 'store', 'social', 'other'] as const;
export const IMPACTS = ['small', 'big'] as const;
export const MOMENT_SOURCES = ['command', 'modal', 'shortcut', 'reaction'] as const;

export type MomentKind = (typeof MOMENT_KINDS)[number];
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type Touchpoint = (typeof TOUCHPOINTS)[number];
export type Impact = (typeof IMPACTS)[number];
export type MomentSource = (typeof MOMENT_SOURCES)[number];

/** A story shorter than this says nothing a colleague could learn from. */
export const STORY_MIN_LENGTH = 10;
/** Slack's own limit for a section's text; a story must fit in one. */
export const STORY_MAX_LENGTH = 3000;
export const LESSON_MAX_LENGTH = 3000;
export const MAX_COLLEAGUES = 10;

export interface Moment {
  id: string;
  teamId: string;
  kind: MomentKind;
  authorId: string;
  colleagueIds: string[];
  customerType: CustomerType;
  touchpoint: Touchpoint;
  impact: Impact;
  story: string;
  lesson: string | null;
  followUpUserId: string | null;
  status: 'open' | 'resolved';
  source: MomentSource;
  channelId: string | null;
  permalink: string | null;
  /** The ts of the message it was logged from (shortcut, reaction), with `channelId`. */
  sourceTs: string | null;
  standards: string[];
  recognitionChannelId: string | null;
  recognitionTs: string | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  /** When the complaint first had both a lesson and its resolution; null until then. */
  followedUpAt: Date | null;
}

/** What someone logs; the rest (id, status, times) the service fills in. */
export interface MomentDraft {
  kind: MomentKind;
  colleagueIds: string[];
  customerType: CustomerType;
  touchpoint: Touchpoint;
  impact: Impact;
  story: string;
  lesson?: string | null;
  followUpUserId?: string | null;
  /** Standards picked in the modal (tags), cited along with the `#tags` of the text. */
  standards?: string[];
}

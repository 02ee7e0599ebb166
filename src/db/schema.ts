import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Every table carries the Slack team id so one deployment can serve many workspaces;
// every repository query filters on it.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Settings kept as JSON because each feature adds its own; validated by zod when read. */
export const workspaces = pgTable('workspaces', {
  teamId: text('team_id').primaryKey(),
  locale: text('locale').notNull(),
  timezone: text('timezone').notNull(),
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  /**
   * Set by `app_uninstalled` / `tokens_revoked`: schedules stop at once, and the workspace's
   * data is purged once the grace period has passed unless the app comes back first.
   */
  uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Roles granted inside the bot; Slack admins and owners are admins without a row. */
export const roles = pgTable(
  'roles',
  {
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    role: text('role', { enum: ['admin', 'manager'] }).notNull(),
    grantedBy: text('granted_by').notNull(),
    grantedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/** Slack retries an event it thinks we missed; the event id lets us drop the repeat. */
export const processedEvents = pgTable(
  'processed_events',
  {
    teamId: text('team_id').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.eventId] }),
    index('processed_events_received_idx').on(t.receivedAt),
  ],
);

/**
 * Signatures of the HTTP requests (and ids of the Socket Mode envelopes) already handled, so
 * the same signed bytes sent again run once. Slack refuses signatures older than five minutes,
 * so rows are forgotten after ten. No team id: the key is checked before the body is trusted.
 */
export const processedRequests = pgTable(
  'processed_requests',
  {
    key: text('key').primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('processed_requests_received_idx').on(t.receivedAt)],
);

export const moments = pgTable(
  'moments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull(),
    kind: text('kind', { enum: ['praise', 'complaint'] }).notNull(),
    authorId: text('author_id').notNull(),
    customerType: text('customer_type', { enum: ['external', 'internal'] }).notNull(),
    touchpoint: text('touchpoint', {
      enum: ['phone', 'email', 'chat', 'store', 'social', 'other'],
    }).notNull(),
    impact: text('impact', { enum: ['small', 'big'] }).notNull(),
    story: text('story').notNull(),
    lesson: text('lesson'),
    followUpUserId: text('follow_up_user_id'),
    status: text('status', { enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    source: text('source', { enum: ['command', 'modal', 'shortcut', 'reaction'] }).notNull(),
    /** Where the moment was logged from, and the source message's permalink (message shortcut). */
    channelId: text('channel_id'),
    permalink: text('permalink'),
    /** The source message's ts (shortcut, reaction): a reaction on it later seconds this moment. */
    sourceTs: text('source_ts'),
    /** The praise post in the recognition channel, so an edit or a deletion reaches it too. */
    recognitionChannelId: text('recognition_channel_id'),
    recognitionTs: text('recognition_ts'),
    /** Idempotency key: the same submission delivered twice (double click, Slack retry) is stored once. */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /**
     * When a complaint first had both its lesson and its resolution: the end of its follow-up.
     * Null while either is missing (the follow-up reminders look for exactly those).
     */
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
  },
  (t) => [
    index('moments_team_created_idx').on(t.teamId, t.createdAt),
    // The follow-up reminder job scans complaints not yet followed up, oldest first.
    index('moments_open_follow_up_idx')
      .on(t.createdAt)
      .where(sql`${t.kind} = 'complaint' and ${t.followedUpAt} is null`),
    // The digest counts the complaints followed up during its week.
    index('moments_team_followed_up_idx')
      .on(t.teamId, t.followedUpAt)
      .where(sql`${t.followedUpAt} is not null`),
    index('moments_team_author_idx').on(t.teamId, t.authorId, t.createdAt),
    uniqueIndex('moments_team_dedupe_idx').on(t.teamId, t.dedupeKey),
    // A reaction arrives with a channel and a ts only: find the moment logged from that message…
    index('moments_team_source_idx')
      .on(t.teamId, t.channelId, t.sourceTs)
      .where(sql`${t.sourceTs} is not null`),
    // …or the moment whose recognition post was reacted to.
    index('moments_team_recognition_idx')
      .on(t.teamId, t.recognitionChannelId, t.recognitionTs)
      .where(sql`${t.recognitionTs} is not null`),
  ],
);

/**
 * People who seconded a moment (the praise emoji on a story already logged): no new moment, one
 * row each; the primary key makes a redelivered reaction a no-op.
 */
export const momentSeconders = pgTable(
  'moment_seconders',
  {
    teamId: text('team_id').notNull(),
    momentId: uuid('moment_id')
      .notNull()
      .references(() => moments.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.momentId, t.userId] })],
);

/**
 * The service standards of a workspace: an ordered list of a few tags with a
 * one-line description. Never deleted: removing one archives it, so the moments that cited it
 * keep their citation and old digests still read right.
 */
export const standards = pgTable(
  'standards',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    tag: text('tag').notNull(),
    description: text('description').notNull(),
    /** 1-based order of the active standards; an archived one keeps its last position. */
    position: integer('position').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('standards_team_tag_idx').on(t.teamId, t.tag)],
);

/**
 * The standards a moment cites: honoured by praise, missed by complaints. The moment's kind and
 * time are copied here so the digest's weekly counts read one index range of this table.
 */
export const momentStandards = pgTable(
  'moment_standards',
  {
    teamId: text('team_id').notNull(),
    momentId: uuid('moment_id')
      .notNull()
      .references(() => moments.id, { onDelete: 'cascade' }),
    standardId: integer('standard_id')
      .notNull()
      .references(() => standards.id),
    kind: text('kind', { enum: ['praise', 'complaint'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.momentId, t.standardId] }),
    index('moment_standards_team_created_idx').on(t.teamId, t.createdAt),
    // A standard's history by kind: the newest praise that honoured it, its week's lessons.
    // With the kind in the key, "the newest praise" of a standard cited only in complaints
    // ends at once instead of walking every complaint that ever cited it (66 ms on a million).
    index('moment_standards_standard_kind_created_idx').on(t.standardId, t.kind, t.createdAt),
  ],
);

/** One row per colleague named in a moment, so "recognition I received" is an index range scan. */
export const momentColleagues = pgTable(
  'moment_colleagues',
  {
    teamId: text('team_id').notNull(),
    momentId: uuid('moment_id')
      .notNull()
      .references(() => moments.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.momentId, t.userId] }),
    index('moment_colleagues_team_user_idx').on(t.teamId, t.userId, t.createdAt),
    // The digest's "who was recognised this week" reads a week of links by this range.
    index('moment_colleagues_team_created_idx').on(t.teamId, t.createdAt),
  ],
);

export const mantras = pgTable(
  'mantras',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    text: text('text').notNull(),
    /** The built-in line a new workspace starts with; dropped once an admin adds their own. */
    isDefault: boolean('is_default').notNull().default(false),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('mantras_team_idx').on(t.teamId, t.id)],
);

/** Each mantra post, with the story that illustrated it, so rotation prefers unused lines and stories. */
export const mantraPosts = pgTable(
  'mantra_posts',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    mantraId: integer('mantra_id').references(() => mantras.id, { onDelete: 'set null' }),
    momentId: uuid('moment_id').references(() => moments.id, { onDelete: 'set null' }),
    channelId: text('channel_id').notNull(),
    messageTs: text('message_ts'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mantra_posts_team_posted_idx').on(t.teamId, t.postedAt)],
);

export const schedules = pgTable(
  'schedules',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    kind: text('kind', { enum: ['mantra', 'digest', 'pulse'] }).notNull(),
    channelId: text('channel_id').notNull(),
    cron: text('cron').notNull(),
    timezone: text('timezone').notNull(),
    options: jsonb('options').notNull().default(sql`'{}'::jsonb`),
    enabled: boolean('enabled').notNull().default(true),
    failing: boolean('failing').notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('schedules_team_idx').on(t.teamId)],
);

/**
 * A claimed fire time of a schedule. The unique (schedule, fire time) key is the referee between
 * replicas: only the replica whose insert wins posts.
 */
export const scheduleRuns = pgTable(
  'schedule_runs',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => schedules.id, { onDelete: 'cascade' }),
    fireAt: timestamp('fire_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['claimed', 'posted', 'failed', 'retrying', 'skipped'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    messageTs: text('message_ts'),
    error: text('error'),
    claimedBy: text('claimed_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('schedule_runs_schedule_fire_idx').on(t.scheduleId, t.fireAt),
    index('schedule_runs_retry_idx').on(t.status, t.nextAttemptAt),
  ],
);

/**
 * One run of the three-procedure survey in a channel. At most one is open per channel: the
 * partial unique index is the referee when two managers (or a manager and a schedule) start
 * one at the same moment.
 */
export const pulses = pgTable(
  'pulses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    anonymous: boolean('anonymous').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    createdBy: text('created_by').notNull(),
    scheduleId: integer('schedule_id').references(() => schedules.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** When the channel reminder is due; null when the pulse is too short for one. */
    remindAt: timestamp('remind_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** `deadline` or the user id of the manager who closed it. */
    closedBy: text('closed_by'),
    /** The pulse card in the channel (updated with the live count). */
    messageTs: text('message_ts'),
    /** The results post, threaded under the card; null until posted. */
    resultsTs: text('results_ts'),
    /** Claim on posting the results, so one replica posts them; a stale claim is retried. */
    resultsClaimedAt: timestamp('results_claimed_at', { withTimezone: true }),
    resultsAttempts: integer('results_attempts').notNull().default(0),
  },
  (t) => [
    uniqueIndex('pulses_one_open_per_channel_idx').on(t.teamId, t.channelId).where(sql`${t.status} = 'open'`),
    index('pulses_team_channel_opened_idx').on(t.teamId, t.channelId, t.openedAt),
    index('pulses_status_closes_idx').on(t.status, t.closesAt),
  ],
);

/**
 * Who took part in a pulse, and nothing else: no answer id, no time. Its primary key is what
 * makes "one answer per person" hold, even for two submissions arriving together.
 */
export const pulseParticipants = pgTable(
  'pulse_participants',
  {
    teamId: text('team_id').notNull(),
    pulseId: uuid('pulse_id')
      .notNull()
      .references(() => pulses.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pulseId, t.userId] })],
);

/**
 * What was answered. For an anonymous pulse a row carries no person and no time, and its id is
 * random; the repository also rewrites a pulse's answers in a random order on every insert,
 * so neither a value nor the physical row order pairs an answer with a participant.
 * `respondent_id` is set only for named pulses.
 */
export const pulseAnswers = pgTable(
  'pulse_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull(),
    pulseId: uuid('pulse_id')
      .notNull()
      .references(() => pulses.id, { onDelete: 'cascade' }),
    respondentId: text('respondent_id'),
    score: smallint('score').notNull(),
    vision: text('vision'),
    motivation: text('motivation'),
    human: text('human'),
  },
  (t) => [
    uniqueIndex('pulse_answers_pulse_respondent_idx').on(t.pulseId, t.respondentId),
    check('pulse_answers_score_range', sql`${t.score} between 1 and 10`),
  ],
);

/**
 * Who did which admin action, when. `actor_id` and `target` are Slack ids, except after an
 * erasure: then every id of the erased person here is replaced by a keyed one-way hash
 * (`erased:<hmac>`), so the log still proves what happened without naming them.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    /** The person, schedule or setting acted on. */
    target: text('target'),
    /** Small facts about the action (a role granted, a new value); never a story's text. */
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('audit_log_team_created_idx').on(t.teamId, t.createdAt)],
);

/**
 * People Slack reported deactivated (`user_change` with `deleted: true`): the admins' Home
 * offers to erase their data. Nothing is erased until an admin confirms.
 */
export const deactivatedPeople = pgTable(
  'deactivated_people',
  {
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/**
 * A follow-up reminder DM about a complaint: round 1 after the workspace's delay, round 2 a week
 * later. The (moment, round) primary key is the referee between replicas: only the replica whose
 * insert wins sends that round, so each round is sent once whatever the number of replicas.
 */
export const followUpReminders = pgTable(
  'follow_up_reminders',
  {
    teamId: text('team_id').notNull(),
    momentId: uuid('moment_id')
      .notNull()
      .references(() => moments.id, { onDelete: 'cascade' }),
    round: smallint('round').notNull(),
    ownerId: text('owner_id').notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    /** Null while the DM is on its way; a claim whose DM failed is deleted so a later pass retries. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.momentId, t.round] }),
    check('follow_up_reminders_round', sql`${t.round} in (1, 2)`),
  ],
);

/**
 * Notifications on their way to Slack (a colleague's DM, a recognition post): written before
 * the first attempt so none is lost to a Slack outage or a restart. A row is claimed by one
 * replica at a time (`claimed_until`), retried with back-off (`next_attempt_at`), deleted once
 * delivered, and dropped after a day. It holds the message's text and the people it names,
 * so it goes with the moment it announces (cascade) and with a person's erasure.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull(),
    kind: text('kind', { enum: ['moment_dm', 'recognition_post', 'dm'] }).notNull(),
    momentId: uuid('moment_id').references(() => moments.id, { onDelete: 'cascade' }),
    /** Who the message is for (a DM) or about; an erased person's pending notifications go. */
    recipientId: text('recipient_id'),
    /** chat.postMessage arguments: channel, text, blocks. */
    message: jsonb('message').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (t) => [index('notification_outbox_due_idx').on(t.nextAttemptAt)],
);

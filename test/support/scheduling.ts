import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Database, executeRows, openDatabase } from '../../src/db/client.js';
import { createStandardRepository } from '../../src/db/repositories/standard-repository.js';
import { momentColleagues, momentStandards, moments, scheduleRuns, standards } from '../../src/db/schema.js';
import { DEFAULT_STANDARDS } from '../../src/domain/standards/standard.js';
import type { SlackEmulator } from '../../src/sandbox/slack-emulator.js';
import type { DatabaseTarget } from './databases.js';
import type { TestBot } from './test-bot.js';

/**
 * A second, separate connection to the suite's database: on Postgres a new `openDatabase`
 * (its own pool, like another replica); on PGlite the same embedded instance, which is the
 * only way two engines can share it.
 */
export async function openSecondConnection(
  database: Database,
  target: DatabaseTarget,
): Promise<{ database: Database; close(): Promise<void> }> {
  if (target.name !== 'postgres') return { database, close: async () => {} };
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is needed for the postgres target');
  const rows = await executeRows<{ name: string }>(database.db, sql`select current_database() as name`);
  const url = new URL(adminUrl);
  url.pathname = `/${rows[0]?.name}`;
  const second = await openDatabase({ url: url.toString() });
  return { database: second, close: () => second.close() };
}

/** Seeds a praise moment (or a complaint), as the moments feature stores it, naming colleagues. */
export async function seedPraise(
  database: Database,
  praise: {
    teamId: string;
    story: string;
    colleagues: string[];
    createdAt: Date;
    author?: string;
    kind?: 'praise' | 'complaint';
    standards?: string[];
  },
): Promise<string> {
  const [row] = await database.db
    .insert(moments)
    .values({
      teamId: praise.teamId,
      kind: praise.kind ?? 'praise',
      authorId: praise.author ?? 'UAUTHOR',
      customerType: 'external',
      touchpoint: 'phone',
      impact: 'big',
      story: praise.story,
      source: 'command',
      createdAt: praise.createdAt,
      updatedAt: praise.createdAt,
    })
    .returning({ id: moments.id });
  if (!row) throw new Error('moment insert returned nothing');
  if (praise.standards?.length) {
    // The team's default standards, then a link to each cited one (as the moments feature stores it).
    await createStandardRepository(database.db).insertMissing(
      praise.teamId,
      DEFAULT_STANDARDS.map((d, i) => ({ tag: d.tag, description: d.description.en, position: i + 1 })),
    );
    const cited = await database.db
      .select({ id: standards.id })
      .from(standards)
      .where(and(eq(standards.teamId, praise.teamId), inArray(standards.tag, praise.standards)));
    await database.db.insert(momentStandards).values(
      cited.map((standard) => ({
        teamId: praise.teamId,
        momentId: row.id,
        standardId: standard.id,
        kind: praise.kind ?? 'praise',
        createdAt: praise.createdAt,
      })),
    );
  }
  if (praise.colleagues.length) {
    await database.db.insert(momentColleagues).values(
      praise.colleagues.map((userId) => ({
        teamId: praise.teamId,
        momentId: row.id,
        userId,
        createdAt: praise.createdAt,
      })),
    );
  }
  return row.id;
}

/** The successful channel posts (not DMs) the bot made in this emulator. */
export function channelPosts(emulator: SlackEmulator, channel?: string) {
  return emulator
    .callsTo('chat.postMessage')
    .filter((c) => c.ok && !String(c.response.channel).startsWith('D'))
    .filter((c) => channel === undefined || c.args.channel === channel);
}

/** Every run row, oldest fire time first. */
export async function allRuns(database: Database) {
  return database.db.select().from(scheduleRuns).orderBy(scheduleRuns.fireAt, scheduleRuns.id);
}

/** Wall-clock time of an instant in a zone (`2026-10-25 09:00`). */
export function wall(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** Sends a slash command and waits for the reply posted to its response_url. */
export async function command(
  t: TestBot,
  userId: string,
  commandName: string,
  text: string,
  channelId = 'C0GENERAL',
) {
  const res = await t.driver.command({ command: commandName, text, userId, channelId });
  const rid = res.responseUrl?.split('/response/')[1];
  return t.emulator.waitForResponse((r) => r.id === rid);
}

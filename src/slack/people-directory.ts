import type { webApi } from '@slack/bolt';
import type { PeopleDirectory, Person } from '../domain/people.js';
import { createReadCache } from '../domain/read-cache.js';
import { localeFromSlack } from '../i18n/index.js';

const TTL_MS = 5 * 60_000;

/**
 * Answers "who is this person" from users.info, cached briefly: admin status and language
 * change rarely, and users.info is rate-limited (Tier 4) while every command needs a role check.
 */
export function createSlackPeopleDirectory(client: webApi.WebClient, clock: () => Date): PeopleDirectory {
  const recent = createReadCache<Person | undefined>({ ttlMs: TTL_MS, clock });
  return {
    lookup: (teamId, userId) => recent.read(`${teamId}:${userId}`, () => fetchPerson(client, userId)),
  };
}

async function fetchPerson(client: webApi.WebClient, userId: string): Promise<Person | undefined> {
  try {
    const { user } = await client.users.info({ user: userId, include_locale: true });
    if (!user?.id) return undefined;
    return {
      id: user.id,
      isBot: Boolean(user.is_bot) || user.id === 'USLACKBOT',
      deleted: Boolean(user.deleted),
      isWorkspaceAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
      locale: localeFromSlack(user.locale),
      timezone: user.tz || undefined,
    };
  } catch (err) {
    if (slackErrorCode(err) === 'user_not_found') return undefined;
    throw err;
  }
}

/**
 * The `error` string of a Slack Web API platform error, if that is what `err` is. Matched as a
 * string on purpose: `@slack/web-api`'s `ErrorCode` only names the error's class (platform,
 * request, HTTP, rate-limited), not Slack's own codes (`not_in_channel`, `user_not_found`…),
 * and in the 8.x we use its coded-error interface is deprecated in favour of `instanceof`
 * checks on the error classes; the string is what Slack documents for each method.
 */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

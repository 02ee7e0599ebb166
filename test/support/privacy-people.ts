import { expect } from 'vitest';
import type { TestBot } from './test-bot.js';

/** The people of the privacy suites: an admin (a Slack workspace admin), four colleagues, a French speaker. */
export const ADMIN = 'U0ADMIN1';
export const SAM = 'U0SAM42X';
export const ANA = 'U0ANA77Y';
export const BEN = 'U0BEN55Z';
export const CAL = 'U0CAL66W';
export const ZOE = 'U0ZOE88V';
export const SUPPORT = 'C0SUPPORT';
export const KUDOS = 'C0KUDOS';

/** Adds the people to Slack's side; each suite adds its own channels. */
export function addPrivacyPeople(t: TestBot) {
  t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
  for (const [id, name] of [
    [SAM, 'sam'],
    [ANA, 'ana'],
    [BEN, 'ben'],
    [CAL, 'cal'],
  ] as const)
    t.emulator.addUser({ id, name, locale: 'en-US' });
  t.emulator.addUser({ id: ZOE, name: 'zoé', locale: 'fr-FR' });
}

/** A slash command typed in #support; resolves with its reply once the bot is idle. */
export async function commandInSupport(
  t: TestBot,
  command: string,
  text: string,
  userId: string,
  driver = t.driver,
) {
  const before = t.emulator.responses.length;
  const res = await driver.command({ command, text, userId, channelId: SUPPORT });
  expect(res.status).toBe(200);
  const reply = await t.emulator.waitForResponse((r) => t.emulator.responses.indexOf(r) >= before);
  await t.bot.whenIdle();
  return reply.body as { text: string; response_type: string };
}

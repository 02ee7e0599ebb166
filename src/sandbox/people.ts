import type { EmulatedChannel, EmulatedUser } from './slack-emulator.js';

/** The sandbox's own team id: its data can never be mistaken for a real workspace's. */
export const SANDBOX_TEAM = 'T0SANDBOX';
export const SANDBOX_BOT_USER = 'U0CULTURE';

export interface SamplePerson extends EmulatedUser {
  id: string;
  name: string;
  real_name: string;
  /** What the person is meant to be in the sandbox; the bot decides what they may do. */
  role: 'admin' | 'manager' | 'member';
}

/**
 * Five people: a Slack workspace admin (an admin of the bot by Slack's own flag), a manager (made
 * one by the admin's `/culture role manager` on the first start) and three members, Chloé with a
 * French Slack locale.
 */
export const SAMPLE_PEOPLE: readonly SamplePerson[] = [
  { id: 'U0ALEX', name: 'alex', real_name: 'Alex Martin', role: 'admin', is_admin: true, locale: 'en-US' },
  { id: 'U0MORGAN', name: 'morgan', real_name: 'Morgan Lee', role: 'manager', locale: 'en-GB' },
  { id: 'U0BOB', name: 'bob', real_name: 'Bob Carter', role: 'member', locale: 'en-US' },
  { id: 'U0CHLOE', name: 'chloe', real_name: 'Chloé Dubois', role: 'member', locale: 'fr-FR' },
  { id: 'U0SAM', name: 'sam', real_name: 'Sam Rivera', role: 'member', locale: 'en-US' },
];

export const SAMPLE_CHANNELS: readonly EmulatedChannel[] = [
  { id: 'C0GENERAL', name: 'general' },
  { id: 'C0SUPPORT', name: 'support' },
  { id: 'C0FLOOR', name: 'floor' },
].map((c) => ({ ...c, members: [...SAMPLE_PEOPLE.map((p) => p.id), SANDBOX_BOT_USER] }));

export function samplePerson(idOrName: string): SamplePerson {
  const person = SAMPLE_PEOPLE.find((p) => p.id === idOrName || p.name === idOrName);
  if (!person) throw new Error(`no sample person ${idOrName}`);
  return person;
}

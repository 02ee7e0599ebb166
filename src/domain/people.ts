import type { Locale } from './locale.js';

/** What the domain needs to know about a Slack user; the Slack layer answers from users.info. */
export interface Person {
  id: string;
  isBot: boolean;
  deleted: boolean;
  /** Slack workspace admins and owners are admins of the bot without any grant. */
  isWorkspaceAdmin: boolean;
  /** The person's Slack language when it is one we speak. */
  locale: Locale | undefined;
  /** The person's IANA time zone as Slack reports it (quiet hours are theirs, not the workspace's). */
  timezone?: string | undefined;
}

export interface PeopleDirectory {
  /** undefined when Slack does not know the user. */
  lookup(teamId: string, userId: string): Promise<Person | undefined>;
}

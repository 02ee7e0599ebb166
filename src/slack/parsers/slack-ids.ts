import { z } from 'zod';

/**
 * The shapes of Slack's identifiers. Every id read from a payload goes through one of these
 * before it is stored or rendered: a forged `U0BOB><!channel>` would otherwise reach a
 * message as a live @channel.
 */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{1,20}$/;
export const SLACK_CHANNEL_ID = /^[CDG][A-Z0-9]{1,20}$/;
export const SLACK_TEAM_ID = /^[TE][A-Z0-9]{1,20}$/;

export const userIdSchema = z.string().regex(SLACK_USER_ID);
export const channelIdSchema = z.string().regex(SLACK_CHANNEL_ID);
export const teamIdSchema = z.string().regex(SLACK_TEAM_ID);

export const isUserId = (value: unknown): value is string =>
  typeof value === 'string' && SLACK_USER_ID.test(value);
export const isChannelId = (value: unknown): value is string =>
  typeof value === 'string' && SLACK_CHANNEL_ID.test(value);

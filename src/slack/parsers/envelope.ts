import { z } from 'zod';
import { channelIdSchema, teamIdSchema, userIdSchema } from './slack-ids.js';

/**
 * The least every request must carry before a listener sees it: who sent it, from which
 * workspace and channel, and for views their state, each id in Slack's shape. Slack always
 * sends these; a payload without them is forged or broken and is refused at the door (HTTP 400)
 * instead of failing deep in Bolt. Kinds not listed here pass through to Bolt unchecked.
 */
const person = z.object({ id: userIdSchema });
const interactive = {
  user: person,
  team: z.object({ id: teamIdSchema }).nullish(),
  channel: z.object({ id: channelIdSchema }).nullish(),
  container: z.object({ channel_id: channelIdSchema.optional() }).nullish(),
};
const view = {
  callback_id: z.string(),
  team_id: teamIdSchema.optional(),
};

const envelopeSchema = z.union([
  z.object({ type: z.literal('block_actions'), ...interactive, actions: z.array(z.object({})).min(1) }),
  z.object({
    type: z.literal('view_submission'),
    ...interactive,
    view: z.object({ ...view, state: z.object({ values: z.record(z.string(), z.unknown()) }) }),
  }),
  z.object({ type: z.literal('view_closed'), ...interactive, view: z.object(view) }),
  z.object({ type: z.enum(['shortcut', 'message_action', 'block_suggestion']), ...interactive }),
  z.object({
    type: z.literal('event_callback'),
    team_id: teamIdSchema,
    event: z.object({ type: z.string() }),
  }),
  z.object({
    command: z.string(),
    user_id: userIdSchema,
    team_id: teamIdSchema,
    channel_id: channelIdSchema,
  }),
]);

const CHECKED_TYPES = new Set([
  'block_actions',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'block_suggestion',
  'event_callback',
]);

/**
 * Control characters other than newline and tab. Postgres refuses a NUL in text outright (the
 * whole row is lost), and the others are invisible tricks, never something a person meant.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is removed.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function removeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

function cleanDeep(value: unknown): unknown {
  if (typeof value === 'string') return removeControlCharacters(value);
  if (Array.isArray(value)) return value.map(cleanDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v)]));
  }
  return value;
}

/**
 * A request body as it arrives → the body listeners see: checked against the shapes above and
 * with control characters removed from every text in it (commands, modal inputs, shortcut
 * messages), so no listener has to remember to. Undefined when it is not a Slack payload.
 */
export function parseEnvelope(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const claims = body as { type?: unknown; command?: unknown };
  const checked = typeof claims.command === 'string' || CHECKED_TYPES.has(String(claims.type));
  if (checked && !envelopeSchema.safeParse(body).success) return undefined;
  return cleanDeep(body) as Record<string, unknown>;
}

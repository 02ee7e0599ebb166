/**
 * A local stand-in for the Slack Web API: the test bench's and the sandbox's Slack.
 *
 * Point a WebClient (or Bolt's `clientOptions.slackApiUrl`) at `emulator.url`. Every call is recorded with
 * its arguments decoded the way the app meant them, answered with a minimal but realistic Slack response,
 * and, where Slack would refuse the payload (Block Kit limits, expired trigger ids, not_in_channel...),
 * refused the same way.
 * Refusals are also collected in `emulator.rejections` so a test can end with
 * `expect(emulator.rejections).toEqual([])`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { URL } from 'node:url';
import { slackFileIds, validateMessageBlocks, validateView } from './block-kit-rules.js';
import { attachSocketMode, type SocketModeStandIn } from './socket-mode.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded Slack payloads are deep JSON that tests drill into.
export type SlackArgs = Record<string, any>;

export interface RecordedCall {
  method: string;
  /** Arguments, JSON-string fields (blocks, view, attachments, metadata, files) decoded; `token` removed. */
  args: SlackArgs;
  token: string | undefined;
  /** Emulator clock (ms) when the call arrived. */
  at: number;
  /** HTTP status the emulator answered with (200 unless a 429/5xx fault was injected). */
  status: number;
  ok: boolean;
  error?: string;
  /** The JSON body the emulator answered with. */
  response: SlackArgs;
}

export interface EmulatedUser {
  id: string;
  name?: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
  deleted?: boolean;
  locale?: string;
  tz?: string;
  team_id?: string;
}

export interface EmulatedChannel {
  id: string;
  name: string;
  is_private?: boolean;
  is_im?: boolean;
  members?: string[];
  /** `false` makes chat.postMessage answer not_in_channel until conversations.join is called. */
  botIsMember?: boolean;
}

export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { error: string }
  /** The call reaches Slack this late (a slow network): handled then, as Slack would, trigger expiry included. */
  | { delayMs: number }
  /** The call is held until the promise settles (a Slack that answers when the test says so). */
  | { until: Promise<void> };

export interface Rejection {
  method: string;
  error: string;
  errors: string[];
}

export interface Upload {
  fileId: string;
  filename?: string;
  content: Buffer;
}

/** Slack shows png, jpg, jpeg and gif files in image blocks; it tells them by their type. */
const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

function mimetypeOf(filename: string | undefined): string {
  const extension = filename?.split('.').pop()?.toLowerCase() ?? '';
  return IMAGE_TYPES[extension] ?? (extension === 'csv' ? 'text/csv' : 'application/octet-stream');
}

export interface EmulatedResponse {
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: response_url bodies are arbitrary JSON.
  body: any;
  at: number;
  /** Where the interaction that minted the response_url happened, when the caller said so. */
  context?: ResponseContext;
}

/** Where an interaction happened: a response_url posts there, for that person. */
export interface ResponseContext {
  channel: string;
  userId: string;
  /** The message the interaction came from (block actions, shortcuts): replace_original targets it. */
  messageTs?: string;
}

/** Serves requests outside the emulator's own paths; answers false to let the emulator say 404. */
export type ExtraRoutes = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  raw: Buffer,
) => Promise<boolean>;

/**
 * A message in a conversation (current state, after chat.update; removed by chat.delete): the
 * ones the bot posted, and the ones people (or other bots) wrote, seeded with `seedMessage`.
 */
export interface EmulatedMessage {
  channel: string;
  ts: string;
  text?: string;
  // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON.
  blocks?: any[];
  user: string;
  thread_ts?: string;
  /** Set for chat.postEphemeral: the only user who sees it. */
  ephemeralTo?: string;
  /** Epoch ms when chat.update last changed it. */
  editedAt?: number;
  /** Set for a message another app or integration posted (Slack's `bot_message`). */
  bot_id?: string;
  /** Files shared with the message (a file or an image alone has no text). */
  files?: { id: string; name: string }[];
}

/** What a test (or the sandbox page) says a person wrote; the emulator gives it a ts. */
export interface SeededMessage {
  channel: string;
  user: string;
  text?: string;
  /** A reply in the thread of this message. */
  thread_ts?: string;
  bot_id?: string;
  files?: { id: string; name: string }[];
}

/** A view the app opened, pushed, updated or published (current state). */
export type EmulatedView = SlackArgs & { id: string; type: string; hash: string };

export interface SlackEmulatorOptions {
  teamId?: string;
  botUserId?: string;
  /** Clock in epoch milliseconds; inject one to test trigger-id expiry without fake timers. */
  now?: () => number;
  /** Keep every refused call in `rejections` (default true). Injected faults are never rejections. */
  recordRejections?: boolean;
  /** Port to listen on (default 0: any free port) on 127.0.0.1. */
  port?: number;
  /** Other pages served by the same server (the sandbox's page). */
  routes?: ExtraRoutes;
  /**
   * Keep `messages` as a Slack client shows them (default false: tests read response_url posts in
   * `responses` and files in `uploads`): a response_url post is ephemeral to the person by default, in
   * the channel with `response_type: in_channel`, in place of (or instead of) the original message with
   * `replace_original` / `delete_original` (only posts whose response_url was minted with a context can
   * be placed); a file shared in a conversation is a message there, downloadable at `/files/<id>`.
   */
  clientView?: boolean;
  /**
   * Enforce Slack's limit on posting: one `chat.postMessage` a second per channel; a faster one
   * is answered 429 with `Retry-After` (default false: tests post as fast as they like).
   */
  channelRateLimit?: boolean;
}

export interface SlackEmulator {
  /** Web API base URL ending with `/api/`; pass it as WebClient `slackApiUrl`. */
  readonly url: string;
  /** Server root, e.g. http://127.0.0.1:PORT/ */
  readonly baseUrl: string;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  /** Slack's Socket Mode side: `apps.connections.open` hands out its URL. */
  readonly socketMode: SocketModeStandIn;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  readonly responses: EmulatedResponse[];
  readonly rejections: Rejection[];
  readonly uploads: Upload[];
  readonly messages: EmulatedMessage[];
  readonly views: EmulatedView[];
  /**
   * A message someone wrote in a channel (or a thread): conversations.history and
   * conversations.replies answer from it. Returns its ts.
   */
  seedMessage(message: SeededMessage): string;
  /** A response_url; with a context, `clientView` can show what is posted to it. */
  responseUrl(context?: ResponseContext): string;
  /** A trigger_id; with the person's id, the modals it opens are that person's (`modalStack`). */
  issueTriggerId(userId?: string): string;
  addUser(user: EmulatedUser): void;
  addChannel(channel: EmulatedChannel): void;
  getUser(id: string): EmulatedUser | undefined;
  getChannel(idOrName: string): EmulatedChannel | undefined;
  readonly users: EmulatedUser[];
  readonly channels: EmulatedChannel[];
  /** The modals open for a person, bottom first (views.open starts a stack, views.push adds to it). */
  modalStack(userId: string): EmulatedView[];
  /**
   * What Slack does with a view_submission or view_closed answer: `clear` closes the stack, `update`
   * replaces the view, `push` adds one, anything else closes the submitted view.
   */
  resolveModal(userId: string, viewId: string, answer?: SlackArgs): void;
  /** The Home tab the app published for a person. */
  homeView(userId: string): EmulatedView | undefined;
  /** Shows an interaction's answer that did not go through the Web API (a slash command's ack body). */
  deliverResponse(context: ResponseContext, body: SlackArgs): void;
  /** Calls `listener` after every change a client would see (calls, responses, messages); returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  failNext(method: string, fault: Fault, times?: number): void;
  waitFor(
    method: string,
    predicate?: (c: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  waitForResponse(
    predicate?: (r: EmulatedResponse) => boolean,
    timeoutMs?: number,
  ): Promise<EmulatedResponse>;
  reset(): void;
  close(): Promise<void>;
}

/** Errors meaning "the app sent something Slack refuses": a test should never see one. */
const PAYLOAD_REFUSALS = new Set([
  'invalid_blocks',
  'invalid_arguments',
  'msg_too_long',
  'no_text',
  'expired_trigger_id',
  'invalid_trigger_id',
  'exchanged_trigger_id',
  'hash_conflict',
  'not_authed',
  'invalid_auth',
  'unknown_method',
]);

/** Slack's rules for the one-off URLs and ids it hands to interactions. */
export const TRIGGER_TTL_MS = 3_000;
export const RESPONSE_URL_TTL_MS = 30 * 60_000;
export const RESPONSE_URL_MAX_USES = 5;
export const MAX_TEXT_LENGTH = 40_000;

/** The DM channel id the emulator assigns to a user (chat.postMessage to a user id, conversations.open). */
export const dmChannelId = (userId: string): string => `D${userId}`;

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata', 'files'];

type Reply = { status: number; body: SlackArgs; headers?: Record<string, string>; fault?: boolean };
type Handler = (args: SlackArgs) => SlackArgs;

const ok = (body: SlackArgs = {}): SlackArgs => ({ ok: true, ...body });
const fail = (error: string, extra: SlackArgs = {}): SlackArgs => ({ ok: false, error, ...extra });
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A request Slack would answer with HTTP 200 and `{ok:false, error: message}` before reaching the method. */
class RequestError extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parse a Web API request body the way Slack does: form, JSON or multipart, plus the query string. */
async function parseArgs(
  req: IncomingMessage,
  raw: Buffer,
  url: URL,
): Promise<{ args: SlackArgs; json: boolean }> {
  const args: SlackArgs = Object.fromEntries(url.searchParams);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0) return { args, json: false };
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new RequestError('invalid_json');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new RequestError('invalid_json');
    return { args: { ...args, ...parsed }, json: true };
  }
  if (type === 'multipart/form-data') {
    const form = await new Response(raw, {
      headers: { 'content-type': String(req.headers['content-type']) },
    }).formData();
    for (const [k, v] of form) args[k] = typeof v === 'string' ? v : Buffer.from(await v.arrayBuffer());
    return { args, json: false };
  }
  // application/x-www-form-urlencoded is what WebClient sends; Slack also treats a missing type as form data.
  for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) args[k] = v;
  return { args, json: false };
}

function decodeJsonFields(args: SlackArgs): void {
  for (const key of JSON_FIELDS) {
    const v = args[key];
    if (typeof v !== 'string') continue;
    try {
      args[key] = JSON.parse(v);
    } catch {
      // Left as the raw string: the method handler refuses it like Slack does (invalid_blocks_format etc).
    }
  }
}

function tzOffsetSeconds(tz: string, at: number): number {
  try {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!m) return 0;
    const secs = Number(m[2]) * 3600 + Number(m[3]) * 60;
    return m[1] === '-' ? -secs : secs;
  } catch {
    return 0;
  }
}

interface Waiter<T> {
  match: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** Listens on 127.0.0.1 only: the emulator (and the sandbox page it serves) is for this machine. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startSlackEmulator(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
  const teamId = options.teamId ?? 'T0EMULATED';
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = 'B0BOT';
  const appId = 'A0EMULATED';
  const teamDomain = 'emulated';
  const now = options.now ?? Date.now;
  const recordRejections = options.recordRejections ?? true;

  const calls: RecordedCall[] = [];
  const responses: EmulatedResponse[] = [];
  const rejections: Rejection[] = [];
  const uploads: Upload[] = [];
  const messages: EmulatedMessage[] = [];
  const views = new Map<string, EmulatedView>();
  const users = new Map<string, EmulatedUser>();
  const channels = new Map<string, EmulatedChannel>();
  const faults = new Map<string, Fault[]>();
  /** Per channel, when its last message was posted (only with `channelRateLimit`). */
  const lastPostAt = new Map<string, number>();
  const triggers = new Map<string, { issuedAt: number; used: boolean; userId?: string }>();
  const responseUrls = new Map<string, { issuedAt: number; uses: number; context?: ResponseContext }>();
  const stacks = new Map<string, string[]>();
  const changeListeners = new Set<() => void>();
  const changed = () => {
    for (const listener of changeListeners) listener();
  };
  const pendingFiles = new Map<
    string,
    { filename?: string; title?: string; length?: number; uploaded: boolean; completed: boolean }
  >();
  const callWaiters = new Set<Waiter<RecordedCall>>();
  const responseWaiters = new Set<Waiter<EmulatedResponse>>();

  let baseUrl = '';
  let seq = 0;
  let lastTsMicros = 0;
  const id = (prefix: string) => `${prefix}${(++seq).toString(36).toUpperCase().padStart(8, '0')}`;

  const usedTs = new Set<number>();
  /**
   * Slack message ts: epoch seconds + 6-digit suffix, strictly increasing even if the clock stands still.
   * A client view follows the clock instead, even when it is moved back (the sandbox's sample week):
   * unique, so a message still has one ts, and in time order once sorted, as Slack shows them.
   */
  function nextTs(): string {
    if (options.clientView) {
      let micros = Math.floor(now()) * 1000;
      while (usedTs.has(micros)) micros += 100;
      usedTs.add(micros);
      return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
    }
    lastTsMicros = Math.max(lastTsMicros + 100, Math.floor(now()) * 1000);
    return `${Math.floor(lastTsMicros / 1e6)}.${String(lastTsMicros % 1e6).padStart(6, '0')}`;
  }

  const findChannel = (idOrName: string): EmulatedChannel | undefined =>
    channels.get(idOrName) ?? [...channels.values()].find((c) => c.name === idOrName.replace(/^#/, ''));

  /**
   * Slack posts to a user id by opening (or reusing) the bot's DM with that user, so the answer carries a
   * D… id. Channels the test registered with botIsMember:false refuse until conversations.join; unknown ids
   * are treated as channels the bot is already in, so tests only register the channels they make claims
   * about.
   */
  function resolvePostTarget(channel: unknown): { channel: string } | { error: string } {
    const target = str(channel);
    if (!target) return { error: 'channel_not_found' };
    if (/^[UW]/.test(target)) {
      const user = users.get(target);
      if (user?.deleted) return { error: 'user_disabled' };
      return { channel: openDm(target) };
    }
    const known = findChannel(target);
    if (known) return known.botIsMember === false ? { error: 'not_in_channel' } : { channel: known.id };
    if (target.startsWith('#')) return { error: 'channel_not_found' };
    return { channel: target };
  }

  function openDm(userId: string): string {
    const dm = dmChannelId(userId);
    if (!channels.has(dm)) {
      channels.set(dm, {
        id: dm,
        name: userId,
        is_im: true,
        members: [userId, botUserId],
        botIsMember: true,
      });
    }
    return dm;
  }

  /** Checks shared by the chat.* methods that carry message content. */
  function checkMessageContent(args: SlackArgs, requireContent: boolean): SlackArgs | undefined {
    if (args.blocks !== undefined) {
      if (!Array.isArray(args.blocks)) return fail('invalid_blocks_format');
      const errors = validateMessageBlocks(args.blocks);
      if (errors.length === 0) errors.push(...checkSlackFiles(args.blocks, '/blocks'));
      if (errors.length > 0)
        return fail('invalid_blocks', { errors, response_metadata: { messages: errors } });
    }
    if (typeof args.text === 'string' && args.text.length > MAX_TEXT_LENGTH) return fail('msg_too_long');
    if (args.attachments !== undefined && !Array.isArray(args.attachments))
      return fail('invalid_attachments');
    const hasContent =
      (typeof args.text === 'string' && args.text.length > 0) ||
      (Array.isArray(args.blocks) && args.blocks.length > 0) ||
      (Array.isArray(args.attachments) && args.attachments.length > 0);
    if (requireContent && !hasContent) return fail('no_text');
    return undefined;
  }

  function checkView(view: unknown, surface: 'modal' | 'home'): SlackArgs | undefined {
    const problems = validateView(view);
    if (problems.length === 0) problems.push(...checkSlackFiles((view as SlackArgs).blocks, '/view/blocks'));
    const type = (view as SlackArgs | undefined)?.type;
    if (problems.length === 0 && type !== surface) {
      problems.push(
        `${surface === 'home' ? 'views.publish' : 'this method'} requires a ${surface} view ` +
          '[json-pointer:/view/type]',
      );
    }
    if (problems.length === 0) return undefined;
    // Slack prefixes each entry with its severity; WebClient logs the [ERROR] ones.
    return fail('invalid_arguments', {
      response_metadata: { messages: problems.map((m) => `[ERROR] ${m}`) },
    });
  }

  function checkTrigger(triggerId: unknown): SlackArgs | undefined {
    const t = str(triggerId) ? triggers.get(triggerId as string) : undefined;
    if (!t) return fail('invalid_trigger_id');
    if (t.used) return fail('exchanged_trigger_id');
    if (now() - t.issuedAt >= TRIGGER_TTL_MS) return fail('expired_trigger_id');
    return undefined;
  }

  function storeView(view: SlackArgs, extra: SlackArgs, viewId = id('V')): EmulatedView {
    const stored: EmulatedView = {
      id: viewId,
      team_id: teamId,
      type: view.type,
      callback_id: '',
      private_metadata: '',
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
      root_view_id: viewId,
      previous_view_id: null,
      app_id: appId,
      app_installed_team_id: teamId,
      bot_id: botId,
      ...view,
      state: { values: {} },
      hash: `${Math.floor(now() / 1000)}.${randomBytes(4).toString('hex')}`,
      ...extra,
    };
    views.delete(viewId); // re-insert so `views` stays in "most recently touched last" order
    views.set(viewId, stored);
    return stored;
  }

  function userInfo(u: EmulatedUser, includeLocale: boolean): SlackArgs {
    const name = u.name ?? u.id.toLowerCase();
    const realName = u.real_name ?? name;
    const tz = u.tz ?? 'America/Los_Angeles';
    return {
      id: u.id,
      team_id: u.team_id ?? teamId,
      name,
      real_name: realName,
      deleted: u.deleted ?? false,
      is_admin: u.is_admin ?? false,
      is_owner: u.is_owner ?? false,
      is_bot: u.is_bot ?? false,
      is_app_user: false,
      tz,
      tz_label: tz,
      tz_offset: tzOffsetSeconds(tz, now()),
      // Slack only includes `locale` when the caller asks with include_locale=true.
      ...(includeLocale ? { locale: u.locale ?? 'en-US' } : {}),
      profile: { display_name: u.name ?? '', real_name: realName, team: u.team_id ?? teamId },
    };
  }

  function channelInfo(c: EmulatedChannel): SlackArgs {
    return {
      id: c.id,
      name: c.name,
      is_channel: !c.is_private && !c.is_im,
      is_group: Boolean(c.is_private),
      is_im: Boolean(c.is_im),
      is_private: Boolean(c.is_private || c.is_im),
      is_archived: false,
      is_member: c.botIsMember !== false,
      ...(c.is_im
        ? { user: c.members?.find((m) => m !== botUserId) }
        : { num_members: c.members?.length ?? 0 }),
    };
  }

  /** Slack ts order: seconds, then the six-digit suffix (never compared as floats). */
  const tsKey = (ts: string) => {
    const [sec = '0', frac = '0'] = ts.split('.');
    return Number(sec) * 1e6 + Number(frac.padEnd(6, '0').slice(0, 6));
  };

  /** The messages of a conversation between `oldest` and `latest`, as conversations.* list them. */
  function inRange(list: EmulatedMessage[], args: SlackArgs): EmulatedMessage[] {
    const inclusive = String(args.inclusive) === 'true' || args.inclusive === true || args.inclusive === 1;
    const latest = str(args.latest) ? tsKey(args.latest) : Number.POSITIVE_INFINITY;
    const oldest = str(args.oldest) ? tsKey(args.oldest) : Number.NEGATIVE_INFINITY;
    return list.filter((m) => {
      const key = tsKey(m.ts);
      return inclusive ? key >= oldest && key <= latest : key > oldest && key < latest;
    });
  }

  function messageJson(m: EmulatedMessage): SlackArgs {
    const fromBot = m.user === botUserId || m.bot_id !== undefined;
    return {
      type: 'message',
      ts: m.ts,
      text: m.text ?? '',
      user: m.user,
      ...(fromBot ? { bot_id: m.bot_id ?? botId } : {}),
      ...(m.bot_id ? { subtype: 'bot_message' } : {}),
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
      ...(m.blocks ? { blocks: m.blocks } : {}),
      ...(m.files ? { files: m.files, upload: true } : {}),
    };
  }

  /** Reading a conversation needs the bot in it (channels:history / groups:history). */
  function readable(channel: unknown): { id: string } | { error: string } {
    const target = str(channel);
    if (!target) return { error: 'channel_not_found' };
    const known = findChannel(target);
    if (known?.botIsMember === false) return { error: 'not_in_channel' };
    return { id: known?.id ?? target };
  }

  const limitOf = (args: SlackArgs, fallback: number) =>
    Math.min(Math.max(Number(args.limit) || fallback, 1), 999);

  const handlers: Record<string, Handler> = {
    // Called with the app-level token by a Socket Mode client, before every (re)connection.
    'apps.connections.open': () => ok({ url: socketMode.url }),

    'auth.test': () =>
      ok({
        url: `https://${teamDomain}.slack.com/`,
        team: 'Emulated',
        user: 'culturebot',
        team_id: teamId,
        user_id: botUserId,
        bot_id: botId,
        is_enterprise_install: false,
      }),

    'chat.postMessage': (args) => {
      const bad = checkMessageContent(args, true);
      if (bad) return bad;
      const target = resolvePostTarget(args.channel);
      if ('error' in target) return fail(target.error);
      const ts = nextTs();
      const message: EmulatedMessage = {
        channel: target.channel,
        ts,
        text: args.text,
        blocks: args.blocks,
        user: botUserId,
      };
      if (str(args.thread_ts)) message.thread_ts = args.thread_ts;
      messages.push(message);
      return ok({
        channel: target.channel,
        ts,
        message: {
          type: 'message',
          text: args.text ?? '',
          blocks: args.blocks,
          ts,
          user: botUserId,
          bot_id: botId,
        },
      });
    },

    'chat.postEphemeral': (args) => {
      if (!str(args.user)) return fail('user_not_found');
      const bad = checkMessageContent(args, true);
      if (bad) return bad;
      const target = resolvePostTarget(args.channel);
      if ('error' in target) return fail(target.error);
      const known = channels.get(target.channel);
      // Slack can only show an ephemeral message to someone who is in the channel.
      if (known?.members && !known.is_im && !known.members.includes(args.user))
        return fail('user_not_in_channel');
      const ts = nextTs();
      messages.push({
        channel: target.channel,
        ts,
        text: args.text,
        blocks: args.blocks,
        user: botUserId,
        ephemeralTo: args.user,
      });
      return ok({ message_ts: ts });
    },

    'chat.update': (args) => {
      if (!str(args.channel)) return fail('channel_not_found');
      if (!str(args.ts)) return fail('message_not_found');
      const bad = checkMessageContent(args, true);
      if (bad) return bad;
      const existing = messages.find((m) => m.ts === args.ts && m.channel === args.channel);
      if (existing) {
        if (args.text !== undefined) existing.text = args.text;
        if (args.blocks !== undefined) existing.blocks = args.blocks;
        existing.editedAt = now();
      }
      return ok({
        channel: args.channel,
        ts: args.ts,
        text: args.text ?? '',
        message: { text: args.text, blocks: args.blocks },
      });
    },

    'chat.delete': (args) => {
      if (!str(args.channel)) return fail('channel_not_found');
      if (!str(args.ts)) return fail('message_not_found');
      const i = messages.findIndex((m) => m.ts === args.ts && m.channel === args.channel);
      if (i >= 0) messages.splice(i, 1);
      return ok({ channel: args.channel, ts: args.ts });
    },

    'chat.getPermalink': (args) => {
      if (!str(args.channel)) return fail('channel_not_found');
      if (!str(args.message_ts)) return fail('message_not_found');
      const ts = String(args.message_ts);
      return ok({
        channel: args.channel,
        permalink: `https://${teamDomain}.slack.com/archives/${args.channel}/p${ts.replace('.', '')}`,
      });
    },

    'views.open': (args) => {
      const bad = checkView(args.view, 'modal') ?? checkTrigger(args.trigger_id);
      if (bad) return bad;
      const owner = consumeTrigger(args.trigger_id);
      const view = storeView(args.view, {});
      if (owner) stacks.set(owner, [view.id]);
      return ok({ view });
    },

    'views.push': (args) => {
      const bad = checkView(args.view, 'modal') ?? checkTrigger(args.trigger_id);
      if (bad) return bad;
      const owner = consumeTrigger(args.trigger_id);
      const newId = id('V');
      const ownStack = owner ? stacks.get(owner) : undefined;
      const previous = ownStack?.length ? views.get(ownStack.at(-1) as string) : [...views.values()].at(-1);
      const view = storeView(
        args.view,
        {
          root_view_id: previous?.root_view_id ?? newId,
          previous_view_id: previous?.id ?? null,
        },
        newId,
      );
      if (owner) stacks.set(owner, [...(ownStack ?? []), view.id]);
      return ok({ view });
    },

    'views.update': (args) => {
      const viewId = str(args.view_id);
      const externalId = str(args.external_id);
      if (!viewId && !externalId) {
        return fail('invalid_arguments', {
          response_metadata: { messages: ['[ERROR] view_id or external_id is required'] },
        });
      }
      const existing = viewId
        ? views.get(viewId)
        : [...views.values()].find((v) => v.external_id === externalId);
      if (!existing && !viewId) return fail('not_found');
      // An update keeps the surface: a modal stays a modal, a home tab stays a home tab.
      const surface = (existing?.type ?? args.view?.type) === 'home' ? 'home' : 'modal';
      const bad = checkView(args.view, surface);
      if (bad) return bad;
      // Slack's optimistic locking: a stale hash means someone else updated the view first.
      if (existing && str(args.hash) && args.hash !== existing.hash) return fail('hash_conflict');
      return ok({
        view: storeView(
          args.view,
          {
            root_view_id: existing?.root_view_id ?? viewId,
            previous_view_id: existing?.previous_view_id ?? null,
          },
          existing?.id ?? viewId,
        ),
      });
    },

    'views.publish': (args) => {
      if (!str(args.user_id)) {
        return fail('invalid_arguments', {
          response_metadata: { messages: ['[ERROR] missing required field: user_id'] },
        });
      }
      const bad = checkView(args.view, 'home');
      if (bad) return bad;
      const existing = [...views.values()].find((v) => v.type === 'home' && v.user_id === args.user_id);
      if (existing && str(args.hash) && args.hash !== existing.hash) return fail('hash_conflict');
      return ok({ view: storeView(args.view, { user_id: args.user_id }, existing?.id) });
    },

    'users.info': (args) => {
      const u = str(args.user) ? users.get(args.user) : undefined;
      if (!u) return fail('user_not_found');
      return ok({ user: userInfo(u, String(args.include_locale) === 'true') });
    },

    'conversations.open': (args) => {
      const list = String(args.users ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (str(args.channel)) {
        const c = findChannel(args.channel);
        return c ? ok({ channel: { id: c.id } }) : fail('channel_not_found');
      }
      if (list.length === 0) return fail('users_list_not_supplied');
      if (list.some((u) => users.get(u)?.deleted)) return fail('user_disabled');
      if (list.length === 1) return ok({ channel: { id: openDm(list[0] as string) } });
      const mpim = `G${list
        .join('')
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 10)}`;
      if (!channels.has(mpim)) {
        channels.set(mpim, {
          id: mpim,
          name: `mpdm-${list.join('--')}`,
          is_private: true,
          members: [...list, botUserId],
        });
      }
      return ok({ channel: { id: mpim } });
    },

    'conversations.history': (args) => {
      const channel = readable(args.channel);
      if ('error' in channel) return fail(channel.error);
      // Channel messages only: thread replies are read with conversations.replies.
      const top = messages.filter(
        (m) => m.channel === channel.id && !m.ephemeralTo && (!m.thread_ts || m.thread_ts === m.ts),
      );
      const found = inRange(top, args).sort((a, b) => tsKey(b.ts) - tsKey(a.ts));
      const limit = limitOf(args, 100);
      return ok({
        messages: found.slice(0, limit).map(messageJson),
        has_more: found.length > limit,
        pin_count: 0,
        response_metadata: { next_cursor: '' },
      });
    },

    'conversations.replies': (args) => {
      const channel = readable(args.channel);
      if ('error' in channel) return fail(channel.error);
      const inChannel = messages.filter((m) => m.channel === channel.id && !m.ephemeralTo);
      const asked = inChannel.find((m) => m.ts === args.ts);
      if (!asked) return fail('thread_not_found');
      const rootTs = asked.thread_ts ?? asked.ts;
      const parent = inChannel.find((m) => m.ts === rootTs);
      const replies = inRange(
        inChannel.filter((m) => m.thread_ts === rootTs && m.ts !== rootTs),
        args,
      ).sort((a, b) => tsKey(a.ts) - tsKey(b.ts));
      const limit = limitOf(args, 1000);
      // Slack lists the parent first, whatever the range, then the replies in it.
      return ok({
        messages: [...(parent ? [parent] : []), ...replies.slice(0, limit)].map(messageJson),
        has_more: replies.length > limit,
        response_metadata: { next_cursor: '' },
      });
    },

    'conversations.info': (args) => {
      const c = str(args.channel) ? findChannel(args.channel) : undefined;
      return c ? ok({ channel: channelInfo(c) }) : fail('channel_not_found');
    },

    'conversations.members': (args) => {
      const c = str(args.channel) ? findChannel(args.channel) : undefined;
      if (!c) return fail('channel_not_found');
      const members = c.members ?? [];
      // Cursor pagination like Slack's (opaque base64 cursor, '' on the last page).
      const limit = Math.min(Math.max(Number(args.limit) || 100, 1), 1000);
      const offset = str(args.cursor)
        ? Number(Buffer.from(args.cursor, 'base64').toString('utf8').split(':')[1])
        : 0;
      if (!Number.isInteger(offset) || offset < 0) return fail('invalid_cursor');
      const page = members.slice(offset, offset + limit);
      const next =
        offset + limit < members.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
      return ok({ members: page, response_metadata: { next_cursor: next } });
    },

    'conversations.join': (args) => {
      const target = str(args.channel);
      if (!target) return fail('channel_not_found');
      const c = findChannel(target);
      if (!c) {
        if (!target.startsWith('C')) return fail('channel_not_found');
        const created: EmulatedChannel = { id: target, name: target.toLowerCase(), botIsMember: true };
        channels.set(target, created);
        return ok({ channel: channelInfo(created) });
      }
      // Bots cannot invite themselves into private channels or DMs; someone has to /invite them.
      if (c.is_private || c.is_im) return fail('method_not_supported_for_channel_type');
      const wasMember = c.botIsMember !== false;
      c.botIsMember = true;
      if (c.members && !c.members.includes(botUserId)) c.members.push(botUserId);
      const warning = {
        warning: 'already_in_channel',
        response_metadata: { warnings: ['already_in_channel'] },
      };
      return ok({ channel: channelInfo(c), ...(wasMember ? warning : {}) });
    },

    'files.getUploadURLExternal': (args) => {
      if (!str(args.filename) || !str(String(args.length ?? ''))) {
        return fail('invalid_arguments', {
          response_metadata: { messages: ['[ERROR] filename and length are required'] },
        });
      }
      const fileId = id('F');
      pendingFiles.set(fileId, {
        filename: args.filename,
        length: Number(args.length),
        uploaded: false,
        completed: false,
      });
      return ok({ upload_url: `${baseUrl}upload/${fileId}`, file_id: fileId });
    },

    'files.info': (args) => {
      const file = fileInfo(String(args.file ?? ''));
      return file ? ok({ file }) : fail('file_not_found');
    },

    'files.completeUploadExternal': (args) => {
      if (!Array.isArray(args.files) || args.files.length === 0) return fail('invalid_arguments');
      for (const f of args.files as SlackArgs[]) {
        if (!pendingFiles.get(String(f?.id))?.uploaded) return fail('file_not_found');
      }
      if (str(args.channel_id)) {
        const target = resolvePostTarget(args.channel_id);
        if ('error' in target) return fail(target.error);
        if (options.clientView) {
          messages.push({
            channel: target.channel,
            ts: nextTs(),
            text: str(args.initial_comment) ?? '',
            user: botUserId,
            ...(str(args.thread_ts) ? { thread_ts: args.thread_ts } : {}),
            files: (args.files as SlackArgs[]).map((f) => ({
              id: String(f.id),
              name: pendingFiles.get(String(f.id))?.filename ?? str(f.title) ?? String(f.id),
            })),
          });
        }
      }
      return ok({
        files: (args.files as SlackArgs[]).map((f) => {
          const pending = pendingFiles.get(String(f.id));
          if (pending) {
            pending.completed = true;
            pending.title = f.title ?? pending.filename;
          }
          return {
            id: f.id,
            title: f.title ?? pending?.filename,
            name: pending?.filename,
            size: pending?.length,
          };
        }),
      });
    },
  };

  /** A file the bot uploaded and completed, as files.info describes it. */
  function fileInfo(fileId: string): SlackArgs | undefined {
    const file = pendingFiles.get(fileId);
    if (!file?.completed) return undefined;
    return {
      id: fileId,
      name: file.filename,
      title: file.title,
      mimetype: mimetypeOf(file.filename),
      filetype: file.filename?.split('.').pop()?.toLowerCase() ?? '',
      size: file.length,
      user: botUserId,
      url_private: `${baseUrl}files/${fileId}`,
    };
  }

  /**
   * Image blocks that name a file by id must name an image this app uploaded, as Slack checks
   * (it answers `invalid_blocks` with "invalid slack file" otherwise).
   */
  function checkSlackFiles(blocks: unknown, pointer: string): string[] {
    return slackFileIds(blocks, pointer)
      .filter(({ id: fileId }) => !fileInfo(fileId)?.mimetype.startsWith('image/'))
      .map(({ pointer: at }) => `invalid slack file [json-pointer:${at}]`);
  }

  /** Marks the trigger used; returns the person it was issued for, if known. */
  function consumeTrigger(triggerId: unknown): string | undefined {
    const t = triggers.get(String(triggerId));
    if (t) t.used = true;
    return t?.userId;
  }

  function takeFault(method: string): Fault | undefined {
    const queue = faults.get(method);
    const fault = queue?.shift();
    if (queue && queue.length === 0) faults.delete(method);
    return fault;
  }

  function reject(method: string, body: SlackArgs): void {
    // Lookups that miss (user_not_found, channel_not_found, not_in_channel…) are answers the app
    // is expected to handle; `rejections` keeps only payloads Slack would refuse as malformed.
    if (!recordRejections || !PAYLOAD_REFUSALS.has(String(body.error))) return;
    const errors: string[] = Array.isArray(body.errors)
      ? body.errors
      : Array.isArray(body.response_metadata?.messages)
        ? body.response_metadata.messages
        : [String(body.error)];
    rejections.push({ method, error: String(body.error), errors });
  }

  function record(call: RecordedCall): void {
    calls.push(call);
    changed();
    for (const w of callWaiters) {
      if (w.match(call)) {
        callWaiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(call);
      }
    }
  }

  /** How long a post to this channel must wait (ms); 0 when it may go now, and it is counted. */
  function postingWait(args: SlackArgs): number {
    const channel = str(args.channel);
    if (!channel) return 0;
    const last = lastPostAt.get(channel);
    if (last !== undefined && now() - last < 1000) return 1000 - (now() - last);
    lastPostAt.set(channel, now());
    return 0;
  }

  function apiReply(method: string, args: SlackArgs, token: string | undefined): Reply {
    const fault = takeFault(method);
    if (fault && !('delayMs' in fault) && !('until' in fault)) {
      if ('error' in fault) return { status: 200, body: fail(fault.error), fault: true };
      if (fault.status === 429) {
        return {
          status: 429,
          body: fail('ratelimited'),
          headers: { 'retry-after': String(fault.retryAfter) },
          fault: true,
        };
      }
      return { status: fault.status, body: fail('fatal_error'), fault: true };
    }
    if (!token) return { status: 200, body: fail('not_authed') };
    const wait = options.channelRateLimit && method === 'chat.postMessage' ? postingWait(args) : 0;
    if (wait > 0) {
      const headers = { 'retry-after': String(Math.ceil(wait / 1000)) };
      return { status: 429, body: fail('ratelimited'), headers, fault: true };
    }
    const handler = handlers[method];
    return { status: 200, body: handler ? handler(args) : fail('unknown_method') };
  }

  async function handleApi(method: string, req: IncomingMessage, raw: Buffer, url: URL, res: ServerResponse) {
    let reply: Reply;
    let args: SlackArgs = {};
    let token: string | undefined;
    try {
      const parsed = await parseArgs(req, raw, url);
      args = parsed.args;
      const auth = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
      // Slack ignores a `token` field inside JSON bodies: JSON callers must use the Authorization header.
      token = auth ?? (parsed.json ? undefined : str(args.token));
      delete args.token;
      decodeJsonFields(args);
      const slow = faults.get(method)?.[0];
      if (slow && 'delayMs' in slow) {
        takeFault(method);
        await new Promise((resolve) => setTimeout(resolve, slow.delayMs).unref());
      } else if (slow && 'until' in slow) {
        takeFault(method);
        await slow.until;
      }
      reply = apiReply(method, args, token);
    } catch (err) {
      const error = err instanceof RequestError ? err.message : 'invalid_form_data';
      reply = { status: 200, body: fail(error) };
    }
    if (reply.body.ok === false && !reply.fault) reject(method, reply.body);
    record({
      method,
      args,
      token,
      at: now(),
      status: reply.status,
      ok: reply.body.ok === true,
      ...(reply.body.ok === true ? {} : { error: String(reply.body.error) }),
      response: reply.body,
    });
    send(res, reply.status, JSON.stringify(reply.body), {
      'content-type': 'application/json; charset=utf-8',
      ...reply.headers,
    });
  }

  function handleResponseUrl(rid: string, raw: Buffer, res: ServerResponse) {
    const refuse = (status: number, error: string, errors: string[] = [error]) => {
      if (recordRejections) rejections.push({ method: 'response_url', error, errors });
      send(res, status, error, { 'content-type': 'text/plain' });
    };
    const entry = responseUrls.get(rid);
    if (!entry) return refuse(404, 'no_service');
    // Slack: a response_url works up to 5 times within 30 minutes.
    if (now() - entry.issuedAt > RESPONSE_URL_TTL_MS) return refuse(404, 'expired_url');
    if (entry.uses >= RESPONSE_URL_MAX_USES) return refuse(404, 'used_url');
    let body: SlackArgs;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(400, 'invalid_payload');
    }
    if (typeof body !== 'object' || body === null) return refuse(400, 'invalid_payload');
    if (body.blocks !== undefined) {
      const errors = Array.isArray(body.blocks)
        ? validateMessageBlocks(body.blocks)
        : ['blocks must be an array'];
      if (errors.length > 0) return refuse(400, 'invalid_blocks', errors);
    }
    if (typeof body.text === 'string' && body.text.length > MAX_TEXT_LENGTH)
      return refuse(400, 'msg_too_long');
    const hasContent =
      Boolean(body.text) || Boolean(body.blocks?.length) || Boolean(body.attachments?.length);
    if (!hasContent && body.delete_original !== true) return refuse(400, 'no_text');
    entry.uses += 1;
    const response: EmulatedResponse = {
      id: rid,
      body,
      at: now(),
      ...(entry.context ? { context: entry.context } : {}),
    };
    responses.push(response);
    if (options.clientView && entry.context) applyResponse(entry.context, body);
    changed();
    for (const w of responseWaiters) {
      if (w.match(response)) {
        responseWaiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(response);
      }
    }
    send(res, 200, JSON.stringify({ ok: true }), { 'content-type': 'application/json' });
  }

  /** A file's bytes at its `url_private`, so a page can draw the images the bot uploaded. */
  function serveFile(fileId: string, res: ServerResponse): void {
    const upload = uploads.find((u) => u.fileId === fileId);
    const info = fileInfo(fileId);
    if (!upload || !info) {
      send(res, 404, 'file_not_found', { 'content-type': 'text/plain' });
      return;
    }
    res.writeHead(200, { 'content-type': String(info.mimetype), 'cache-control': 'private, max-age=3600' });
    res.end(upload.content);
  }

  async function handleUpload(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse) {
    const pending = pendingFiles.get(fileId);
    if (!pending) return send(res, 404, 'file_not_found', { 'content-type': 'text/plain' });
    let content = raw;
    let filename = pending.filename;
    const type = String(req.headers['content-type'] ?? '');
    // WebClient's files.uploadV2 posts the bytes as multipart; curl-style callers post them raw: Slack takes
    // both.
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const file = [...form.values()].find((v) => typeof v !== 'string');
      if (file && typeof file !== 'string') {
        content = Buffer.from(await file.arrayBuffer());
        filename ??= file.name;
      }
    }
    pending.uploaded = true;
    uploads.push({ fileId, ...(filename ? { filename } : {}), content });
    send(res, 200, `OK - ${content.length}`, { 'content-type': 'text/plain' });
  }

  /** A response_url post as Slack shows it: ephemeral unless in_channel; replacing or deleting the original. */
  function applyResponse(context: ResponseContext, body: SlackArgs): void {
    const original = context.messageTs
      ? messages.find((m) => m.ts === context.messageTs && m.channel === context.channel)
      : undefined;
    if (body.delete_original === true) {
      if (original) messages.splice(messages.indexOf(original), 1);
      return;
    }
    if (body.replace_original === true && original) {
      original.text = body.text;
      original.blocks = body.blocks;
      original.editedAt = now();
      return;
    }
    const ephemeral = body.response_type !== 'in_channel';
    messages.push({
      channel: context.channel,
      ts: nextTs(),
      text: body.text,
      blocks: body.blocks,
      user: botUserId,
      ...(str(body.thread_ts) ? { thread_ts: body.thread_ts } : {}),
      ...(ephemeral ? { ephemeralTo: context.userId } : {}),
    });
  }

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
    res.writeHead(status, headers);
    res.end(body);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', baseUrl);
      const raw = await readBody(req);
      const [, kind, rest] = /^\/(api|response|upload|files)\/(.+)$/.exec(url.pathname) ?? [];
      if (kind === 'api' && rest) return handleApi(rest, req, raw, url, res);
      if (kind === 'files' && rest && req.method === 'GET') return serveFile(rest, res);
      if (!kind && options.routes && (await options.routes(req, res, url, raw))) return;
      if (req.method !== 'POST')
        return send(res, 405, 'method_not_allowed', { 'content-type': 'text/plain' });
      if (kind === 'response' && rest) return handleResponseUrl(rest, raw, res);
      if (kind === 'upload' && rest) return handleUpload(rest, req, raw, res);
      send(res, 404, 'not_found', { 'content-type': 'text/plain' });
    })().catch((err: unknown) => {
      // Surface emulator bugs in the test instead of hanging the client.
      rejections.push({ method: req.url ?? '?', error: 'emulator_internal_error', errors: [String(err)] });
      if (!res.headersSent) send(res, 500, String(err), { 'content-type': 'text/plain' });
    });
  });

  const socketMode = attachSocketMode(server, () => baseUrl, appId);
  await listen(server, options.port ?? 0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator failed to bind a TCP port');
  baseUrl = `http://127.0.0.1:${address.port}/`;

  function describeCalls(): string {
    // The latest calls only: after a load of thousands, the whole list would bury the message.
    const shown = calls.slice(-30);
    const list = shown.map((c) => (c.ok ? c.method : `${c.method}(${c.error ?? c.status})`));
    const earlier = calls.length > shown.length ? `(${calls.length - shown.length} earlier) … ` : '';
    const lines = [`Recorded calls (${calls.length}): ${earlier}${list.join(', ') || 'none'}`];
    if (rejections.length > 0) {
      lines.push(
        `Rejections: ${rejections.map((r) => `${r.method}: ${r.error} ${r.errors.join('; ')}`).join(' | ')}`,
      );
    }
    return lines.join('\n');
  }

  function wait<T>(
    existing: readonly T[],
    waiters: Set<Waiter<T>>,
    match: (item: T) => boolean,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    const found = existing.find(match);
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(describe()));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  return {
    url: `${baseUrl}api/`,
    baseUrl,
    teamId,
    teamDomain,
    botUserId,
    botId,
    appId,
    socketMode,
    calls,
    responses,
    rejections,
    uploads,
    messages,
    get views() {
      return [...views.values()];
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    responseUrl(context) {
      const rid = `${teamId}/${++seq}/${randomBytes(12).toString('hex')}`;
      responseUrls.set(rid, { issuedAt: now(), uses: 0, ...(context ? { context } : {}) });
      return `${baseUrl}response/${rid}`;
    },
    issueTriggerId(userId) {
      const trigger = `${Math.floor(now())}.${++seq}.${randomBytes(16).toString('hex')}`;
      triggers.set(trigger, { issuedAt: now(), used: false, ...(userId ? { userId } : {}) });
      return trigger;
    },
    get users() {
      return [...users.values()];
    },
    get channels() {
      return [...channels.values()];
    },
    modalStack(userId) {
      return (stacks.get(userId) ?? []).flatMap((viewId) => views.get(viewId) ?? []);
    },
    resolveModal(userId, viewId, answer) {
      const stack = stacks.get(userId) ?? [];
      const at = stack.indexOf(viewId);
      if (at < 0) return;
      const action = answer?.response_action;
      if (action === 'clear') stack.length = 0;
      else if (action === 'update' && answer?.view) {
        const current = views.get(viewId);
        storeView(
          answer.view,
          {
            root_view_id: current?.root_view_id ?? viewId,
            previous_view_id: current?.previous_view_id ?? null,
          },
          viewId,
        );
      } else if (action === 'push' && answer?.view) {
        const pushed = storeView(answer.view, {
          root_view_id: views.get(viewId)?.root_view_id ?? viewId,
          previous_view_id: viewId,
        });
        stack.push(pushed.id);
      } else if (action !== 'errors') stack.splice(at, 1);
      stacks.set(userId, stack);
      changed();
    },
    deliverResponse(context, body) {
      applyResponse(context, body);
      changed();
    },
    homeView(userId) {
      return [...views.values()].find((v) => v.type === 'home' && v.user_id === userId);
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    addUser: (user) => {
      users.set(user.id, { ...user });
    },
    seedMessage(seed) {
      const ts = nextTs();
      messages.push({
        channel: seed.channel,
        ts,
        user: seed.user,
        ...(seed.text !== undefined ? { text: seed.text } : {}),
        ...(seed.thread_ts ? { thread_ts: seed.thread_ts } : {}),
        ...(seed.bot_id ? { bot_id: seed.bot_id } : {}),
        ...(seed.files ? { files: seed.files } : {}),
      });
      changed();
      return ts;
    },
    addChannel: (channel) => {
      channels.set(channel.id, { ...channel, members: channel.members ? [...channel.members] : undefined });
    },
    getUser: (userId) => users.get(userId),
    getChannel: (idOrName) => findChannel(idOrName),
    failNext(method, fault, times = 1) {
      const queue = faults.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      faults.set(method, queue);
    },
    waitFor(method, predicate = () => true, timeoutMs = 5000) {
      return wait(
        calls,
        callWaiters,
        (c) => c.method === method && predicate(c),
        timeoutMs,
        () =>
          `Timed out after ${timeoutMs}ms waiting for a ${method} call` +
          `${predicate.length > 0 ? ' matching the predicate' : ''}.\n${describeCalls()}`,
      );
    },
    waitForResponse(predicate = () => true, timeoutMs = 5000) {
      return wait(responses, responseWaiters, predicate, timeoutMs, () => {
        const got = responses.map((r) => JSON.stringify(r.body).slice(0, 120));
        return (
          `Timed out after ${timeoutMs}ms waiting for a response_url post. ` +
          `Responses (${responses.length}): ${got.join(', ') || 'none'}\n${describeCalls()}`
        );
      });
    },
    reset() {
      calls.length = 0;
      responses.length = 0;
      rejections.length = 0;
      uploads.length = 0;
      messages.length = 0;
      views.clear();
      stacks.clear();
      faults.clear();
      lastPostAt.clear();
      changed();
    },
    async close() {
      for (const waiters of [callWaiters, responseWaiters] as Set<Waiter<unknown>>[]) {
        for (const w of waiters) {
          clearTimeout(w.timer);
          w.reject(new Error('Slack emulator closed while waiting'));
        }
        waiters.clear();
      }
      await socketMode.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

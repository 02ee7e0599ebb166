/**
 * Plays the part of Slack towards the app under test: builds the payloads Slack would send (slash commands,
 * interactivity, events), signs them with the app's signing secret and POSTs them to Bolt's HTTP receiver.
 *
 * Trigger ids and response_urls come from the emulator, so whatever the app does with them (views.open,
 * respond()) lands in the emulator and is subject to Slack's rules (3-second trigger expiry, 5 uses per
 * response_url).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { EmulatedMessage, EmulatedView, SlackArgs, SlackEmulator } from './slack-emulator.js';

/** Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function signSlackRequest(
  secret: string,
  body: string,
  timestampSec: number,
): { 'x-slack-signature': string; 'x-slack-request-timestamp': string } {
  const digest = createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestampSec) };
}

export interface DriverResponse {
  status: number;
  body: string;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: ack bodies are arbitrary JSON (response_action, errors...).
  json(): any;
  /** The payload the driver sent (the event envelope, the interaction payload or the command fields). */
  sent: SlackArgs;
  /** trigger_id / response_url minted for this request, when Slack would have included one. */
  triggerId?: string;
  responseUrl?: string;
}

export interface SlackDriverOptions {
  /** App origin, e.g. http://127.0.0.1:3000; requests go to `${appUrl}${path}`. */
  appUrl: string;
  signingSecret: string;
  emulator: SlackEmulator;
  teamId?: string;
  /** Receiver path, default `/slack/events` (Bolt's HTTPReceiver default). */
  path?: string;
  /**
   * Clock in epoch milliseconds used for signatures and payload timestamps. Defaults to Date.now, not the
   * emulator's clock: Bolt refuses signatures more than 5 minutes away from its own (real) clock.
   */
  now?: () => number;
  /** Give up on a request after this long, as Slack does after 3 s (default: wait). */
  timeoutMs?: number;
  /**
   * Deliver over Socket Mode instead of signed HTTP: each request becomes an envelope on the
   * emulator's socket (`slash_commands`, `interactive`, `events_api`), answered by the ack.
   */
  transport?: 'http' | 'socket';
}

export interface CommandArgs {
  command: string;
  text?: string;
  userId: string;
  channelId?: string;
  userName?: string;
}

export interface BlockActionArgs {
  userId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  channelId?: string;
  messageTs?: string;
  /** Act inside this view (modal / home tab) instead of a message. */
  view?: SlackArgs;
  selectedOption?: { value: string };
  /** Fields added to the action as a client sends them (selected_user, selected_users, selected_options…). */
  action?: SlackArgs;
  /** The view's input values at the time of the action (`view.state.values`). */
  values?: Record<string, Record<string, unknown>>;
}

export interface ViewSubmissionArgs {
  userId: string;
  callbackId: string;
  /** `view.state.values`: { [blockId]: { [actionId]: { type, value | selected_option | ... } } } */
  values: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  viewId?: string;
}

export interface ShortcutArgs {
  userId: string;
  callbackId: string;
  channelId: string;
  message: { ts: string; text: string; user?: string };
}

export interface ReactionArgs {
  /** `added` (default) or `removed`. */
  type?: 'added' | 'removed';
  userId: string;
  /** The emoji name without colons, as Slack reports it (`star2`, `+1::skin-tone-2`). */
  reaction: string;
  channelId: string;
  ts: string;
}

export interface SlackDriver {
  command(cmd: CommandArgs): Promise<DriverResponse>;
  interact(payload: Record<string, unknown>): Promise<DriverResponse>;
  blockAction(args: BlockActionArgs): Promise<DriverResponse>;
  viewSubmission(args: ViewSubmissionArgs): Promise<DriverResponse>;
  viewClosed(args: { userId: string; callbackId: string; viewId?: string }): Promise<DriverResponse>;
  shortcut(args: ShortcutArgs): Promise<DriverResponse>;
  globalShortcut(args: { userId: string; callbackId: string }): Promise<DriverResponse>;
  event(
    event: Record<string, unknown>,
    opts?: { eventId?: string; retryNum?: number; retryReason?: string },
  ): Promise<DriverResponse>;
  /**
   * `reaction_added` / `reaction_removed` on a message, as Slack sends it: the channel, the ts,
   * the message's author when Slack knows it, and nothing of the text.
   */
  reaction(
    args: ReactionArgs,
    opts?: { eventId?: string; retryNum?: number; retryReason?: string },
  ): Promise<DriverResponse>;
  urlVerification(challenge?: string): Promise<DriverResponse>;
  /** Alias of urlVerification, named after the Slack payload type. */
  url_verification(challenge?: string): Promise<DriverResponse>;
  /** Signed POST of an arbitrary body (e.g. to test a stale timestamp via `timestampSec`). */
  post(
    body: string,
    contentType: string,
    opts?: { timestampSec?: number; headers?: Record<string, string> },
  ): Promise<DriverResponse>;
  /** Unsigned/forged request: body and headers are sent exactly as given. */
  raw(body: string, headers: Record<string, string>): Promise<DriverResponse>;
}

const FORM = 'application/x-www-form-urlencoded';
/** The legacy verification token Slack still puts in every payload; Bolt ignores it (signatures win). */
const VERIFICATION_TOKEN = 'emulated-verification-token';

type Json = Record<string, unknown>;

function findActionElement(
  blocks: unknown,
  actionId: string,
): { blockId?: string; element: Json } | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as Json[]) {
    const candidates = [
      ...(Array.isArray(block.elements) ? (block.elements as Json[]) : []),
      ...(block.accessory ? [block.accessory as Json] : []),
      ...(block.element ? [block.element as Json] : []),
    ];
    const element = candidates.find((el) => el && el.action_id === actionId);
    if (element) return { blockId: block.block_id as string | undefined, element };
  }
  return undefined;
}

export function createSlackDriver(opts: SlackDriverOptions): SlackDriver {
  const { emulator, signingSecret } = opts;
  const teamId = opts.teamId ?? emulator.teamId;
  const team = { id: teamId, domain: emulator.teamDomain };
  const endpoint = new URL(opts.path ?? '/slack/events', opts.appUrl).toString();
  const now = opts.now ?? Date.now;
  let eventSeq = 0;

  const nowSec = () => Math.floor(now() / 1000);
  /** Slack's action_ts / event_ts style: seconds with a 6-digit fraction. */
  const slackTs = () => (now() / 1000).toFixed(6);
  const randomId = (prefix: string, n = 8) =>
    `${prefix}${randomBytes(n).toString('hex').toUpperCase().slice(0, n)}`;

  function userRef(userId: string) {
    const name = emulator.getUser(userId)?.name ?? userId.toLowerCase();
    return { id: userId, username: name, name, team_id: teamId };
  }

  /** Slack names DMs 'directmessage' and sends a private channel's real name only if the app is in it. */
  function channelRef(channelId: string) {
    const known = emulator.getChannel(channelId);
    const name = channelId.startsWith('D') ? 'directmessage' : (known?.name ?? channelId.toLowerCase());
    return { id: channelId, name };
  }

  async function send(
    body: string,
    headers: Record<string, string>,
    extra: Partial<DriverResponse> & { sent: SlackArgs },
  ) {
    if (opts.transport === 'socket') return deliver(extra);
    const signal = opts.timeoutMs ? AbortSignal.timeout(opts.timeoutMs) : undefined;
    const res = await fetch(endpoint, { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
    const text = await res.text();
    return {
      status: res.status,
      body: text,
      headers: res.headers,
      json: () => JSON.parse(text),
      ...extra,
    } satisfies DriverResponse;
  }

  /** Socket Mode: the same payload as an envelope; the ack stands for the HTTP response. */
  async function deliver(extra: Partial<DriverResponse> & { sent: SlackArgs }): Promise<DriverResponse> {
    const { sent } = extra;
    if ('body' in sent && Object.keys(sent).length === 1) {
      throw new Error('raw and post send bytes over HTTP; Socket Mode carries only Slack payloads');
    }
    const type =
      typeof sent.command === 'string'
        ? 'slash_commands'
        : sent.type === 'event_callback'
          ? 'events_api'
          : 'interactive';
    const ack = await emulator.socketMode.deliver(type, sent);
    const text = ack.payload === undefined ? '' : JSON.stringify(ack.payload);
    return { status: 200, body: text, headers: new Headers(), json: () => JSON.parse(text), ...extra };
  }

  function signedHeaders(body: string, contentType: string, timestampSec = nowSec()): Record<string, string> {
    return { 'content-type': contentType, ...signSlackRequest(signingSecret, body, timestampSec) };
  }

  function interact(payload: Record<string, unknown>): Promise<DriverResponse> {
    const full: SlackArgs = {
      team,
      api_app_id: emulator.appId,
      token: VERIFICATION_TOKEN,
      is_enterprise_install: false,
      enterprise: null,
      ...payload,
    };
    // Interactivity arrives as a form with a single `payload` field holding JSON.
    const body = new URLSearchParams({ payload: JSON.stringify(full) }).toString();
    return send(body, signedHeaders(body, FORM), {
      sent: full,
      ...(typeof full.trigger_id === 'string' ? { triggerId: full.trigger_id } : {}),
      ...(typeof full.response_url === 'string' ? { responseUrl: full.response_url } : {}),
    });
  }

  function latestView(callbackId: string): EmulatedView | undefined {
    return emulator.views.filter((v) => v.callback_id === callbackId).at(-1);
  }

  /** Most recent message (or view) the app produced that has an element with this action_id. */
  interface Located {
    view?: SlackArgs;
    message?: EmulatedMessage;
    hit: ReturnType<typeof findActionElement>;
  }

  function locateAction(args: BlockActionArgs): Located {
    if (args.view) {
      return { view: args.view, hit: findActionElement(args.view.blocks, args.actionId) };
    }
    const candidates: EmulatedMessage[] = args.messageTs
      ? emulator.messages.filter((m) => m.ts === args.messageTs)
      : emulator.messages.filter(
          (m) =>
            (!args.channelId || m.channel === args.channelId) && !!findActionElement(m.blocks, args.actionId),
        );
    const message = candidates.at(-1);
    if (message) return { message, hit: findActionElement(message.blocks, args.actionId) };
    if (!args.messageTs && !args.channelId) {
      const view = emulator.views.filter((v) => !!findActionElement(v.blocks, args.actionId)).at(-1);
      if (view) return { view, hit: findActionElement(view.blocks, args.actionId) };
    }
    return { hit: undefined };
  }

  function actionFor(args: BlockActionArgs, hit: ReturnType<typeof findActionElement>, blockId: string) {
    const element = hit?.element;
    const type = (element?.type as string | undefined) ?? (args.selectedOption ? 'static_select' : 'button');
    const base = { action_id: args.actionId, block_id: blockId, type, action_ts: slackTs() };
    if (args.selectedOption || type.endsWith('select') || type === 'overflow' || type === 'radio_buttons') {
      const wanted = args.selectedOption?.value ?? args.value;
      const options = [
        ...((element?.options as Json[] | undefined) ?? []),
        ...((element?.option_groups as Json[] | undefined) ?? []).flatMap((g) => (g.options as Json[]) ?? []),
      ];
      const option = options.find((o) => o.value === wanted) ?? {
        text: { type: 'plain_text', text: String(wanted), emoji: true },
        value: wanted,
      };
      return { ...base, selected_option: option };
    }
    return {
      ...base,
      text: (element?.text as Json | undefined) ?? { type: 'plain_text', text: args.actionId, emoji: true },
      value: args.value ?? (element?.value as string | undefined),
      ...(element?.style ? { style: element.style } : {}),
    };
  }

  function urlVerification(challenge = randomBytes(16).toString('hex')): Promise<DriverResponse> {
    const payload = { token: VERIFICATION_TOKEN, challenge, type: 'url_verification' };
    const body = JSON.stringify(payload);
    return send(body, signedHeaders(body, 'application/json'), { sent: payload });
  }

  function sendEvent(
    event: Record<string, unknown>,
    eventOpts: { eventId?: string; retryNum?: number; retryReason?: string } = {},
  ): Promise<DriverResponse> {
    const eventTs = (event.event_ts as string | undefined) ?? (event.ts as string | undefined) ?? slackTs();
    const envelope = {
      token: VERIFICATION_TOKEN,
      team_id: teamId,
      context_team_id: teamId,
      api_app_id: emulator.appId,
      event: { ...event, event_ts: eventTs },
      type: 'event_callback',
      event_id: eventOpts.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}${++eventSeq}`,
      event_time: nowSec(),
      authorizations: [
        {
          enterprise_id: null,
          team_id: teamId,
          user_id: emulator.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    };
    const body = JSON.stringify(envelope);
    const headers = signedHeaders(body, 'application/json');
    // Slack redelivers an event it did not see acked within 3 seconds, numbering the attempts.
    if (eventOpts.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(eventOpts.retryNum);
      headers['x-slack-retry-reason'] = eventOpts.retryReason ?? 'http_timeout';
    }
    return send(body, headers, { sent: envelope });
  }

  return {
    command(cmd) {
      const channelId = cmd.channelId ?? 'C0GENERAL';
      const triggerId = emulator.issueTriggerId(cmd.userId);
      const responseUrl = emulator.responseUrl({ channel: channelId, userId: cmd.userId });
      // Field order and names follow a real slash-command POST.
      const fields: Record<string, string> = {
        token: VERIFICATION_TOKEN,
        team_id: teamId,
        team_domain: team.domain,
        channel_id: channelId,
        channel_name: channelRef(channelId).name,
        user_id: cmd.userId,
        user_name: cmd.userName ?? userRef(cmd.userId).name,
        command: cmd.command,
        text: cmd.text ?? '',
        api_app_id: emulator.appId,
        is_enterprise_install: 'false',
        response_url: responseUrl,
        trigger_id: triggerId,
      };
      const body = new URLSearchParams(fields).toString();
      return send(body, signedHeaders(body, FORM), { sent: fields, triggerId, responseUrl });
    },

    interact,

    blockAction(args) {
      const located = locateAction(args);
      const blockId = args.blockId ?? located.hit?.blockId ?? randomBytes(3).toString('hex');
      const action = { ...actionFor(args, located.hit, blockId), ...args.action };
      const common = {
        type: 'block_actions',
        user: userRef(args.userId),
        trigger_id: emulator.issueTriggerId(args.userId),
        actions: [action],
        state: { values: {} },
      };
      if (located.view) {
        // Actions inside a modal or home tab carry the view and no response_url: Slack only gives one for
        // messages.
        const view: SlackArgs = {
          state: { values: {} },
          ...located.view,
          ...(args.values ? { state: { values: args.values } } : {}),
        };
        return interact({ ...common, container: { type: 'view', view_id: view.id }, view });
      }
      const message = located.message;
      const channelId = args.channelId ?? message?.channel ?? 'C0GENERAL';
      const ts = args.messageTs ?? message?.ts ?? slackTs();
      return interact({
        ...common,
        container: {
          type: 'message',
          message_ts: ts,
          channel_id: channelId,
          is_ephemeral: !!message?.ephemeralTo,
        },
        channel: channelRef(channelId),
        // Slack omits `message` for ephemeral messages: the app never gets their content back.
        ...(message?.ephemeralTo
          ? {}
          : {
              message: {
                type: 'message',
                ts,
                text: message?.text ?? '',
                user: message?.user ?? emulator.botUserId,
                bot_id: emulator.botId,
                ...(message?.blocks ? { blocks: message.blocks } : {}),
                ...(message?.thread_ts ? { thread_ts: message.thread_ts } : {}),
              },
            }),
        response_url: emulator.responseUrl({ channel: channelId, userId: args.userId, messageTs: ts }),
      });
    },

    viewSubmission(args) {
      // Prefer the view the app really opened, so private_metadata / blocks round-trip like they do in Slack.
      const opened = args.viewId
        ? emulator.views.find((v) => v.id === args.viewId)
        : latestView(args.callbackId);
      const viewId = args.viewId ?? opened?.id ?? randomId('V', 10);
      const view = {
        type: 'modal',
        title: { type: 'plain_text', text: 'Modal' },
        blocks: [],
        private_metadata: '',
        hash: `${nowSec()}.${randomBytes(4).toString('hex')}`,
        root_view_id: viewId,
        previous_view_id: null,
        app_id: emulator.appId,
        bot_id: emulator.botId,
        team_id: teamId,
        ...opened,
        id: viewId,
        callback_id: args.callbackId,
        ...(args.privateMetadata !== undefined ? { private_metadata: args.privateMetadata } : {}),
        state: { values: args.values },
      };
      return interact({
        type: 'view_submission',
        user: userRef(args.userId),
        trigger_id: emulator.issueTriggerId(args.userId),
        view,
        response_urls: [],
      });
    },

    viewClosed(args) {
      const opened = args.viewId
        ? emulator.views.find((v) => v.id === args.viewId)
        : latestView(args.callbackId);
      const viewId = args.viewId ?? opened?.id ?? randomId('V', 10);
      const view = {
        type: 'modal',
        state: { values: {} },
        ...opened,
        id: viewId,
        callback_id: args.callbackId,
      };
      return interact({ type: 'view_closed', user: userRef(args.userId), view, is_cleared: false });
    },

    shortcut(args) {
      return interact({
        type: 'message_action',
        callback_id: args.callbackId,
        action_ts: slackTs(),
        trigger_id: emulator.issueTriggerId(args.userId),
        response_url: emulator.responseUrl({
          channel: args.channelId,
          userId: args.userId,
          messageTs: args.message.ts,
        }),
        user: userRef(args.userId),
        channel: channelRef(args.channelId),
        message_ts: args.message.ts,
        message: {
          type: 'message',
          ts: args.message.ts,
          text: args.message.text,
          user: args.message.user ?? args.userId,
        },
      });
    },

    globalShortcut(args) {
      return interact({
        type: 'shortcut',
        callback_id: args.callbackId,
        action_ts: slackTs(),
        trigger_id: emulator.issueTriggerId(args.userId),
        user: userRef(args.userId),
      });
    },

    event: sendEvent,

    reaction(args, eventOpts) {
      const item = emulator.messages.find((m) => m.channel === args.channelId && m.ts === args.ts);
      return sendEvent(
        {
          type: args.type === 'removed' ? 'reaction_removed' : 'reaction_added',
          user: args.userId,
          reaction: args.reaction,
          item: { type: 'message', channel: args.channelId, ts: args.ts },
          ...(item ? { item_user: item.user } : {}),
          event_ts: slackTs(),
        },
        eventOpts,
      );
    },

    urlVerification,
    url_verification: urlVerification,

    post(body, contentType, postOpts = {}) {
      const headers = { ...signedHeaders(body, contentType, postOpts.timestampSec), ...postOpts.headers };
      return send(body, headers, { sent: { body } });
    },

    raw(body, headers) {
      return send(body, headers, { sent: { body } });
    },
  };
}

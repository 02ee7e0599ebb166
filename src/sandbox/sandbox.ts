/**
 * The sandbox: the real bot, in this process, against a Slack stand-in that also serves a page
 * where people use it as they would use Slack. Nothing here reaches into the bot: it is composed
 * like a deployment (config, `startBot`), its Web API client points at the stand-in through
 * SLACK_API_URL, and everything people do reaches it as signed requests on its HTTP receiver.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config, loadConfig } from '../config.js';
import { DataDirLocked, lockDataDir } from '../db/data-dir-lock.js';
import type { Deps } from '../deps.js';
import { createLogger, type Logger } from '../logger.js';
import { type AppManifest, readManifest } from './manifest.js';
import { SAMPLE_CHANNELS, SAMPLE_PEOPLE, SANDBOX_BOT_USER, SANDBOX_TEAM, samplePerson } from './people.js';
import { createSlackDriver, type DriverResponse, type SlackDriver } from './slack-driver.js';
import {
  dmChannelId,
  type EmulatedView,
  type ExtraRoutes,
  type ResponseContext,
  type SlackArgs,
  type SlackEmulator,
  startSlackEmulator,
} from './slack-emulator.js';

/** A problem the person starting the sandbox can fix; printed as one line. */
export class SandboxStartError extends Error {
  override readonly name = 'SandboxStartError';
}

export type Outcome = { ok: true } | { ok: false; error: string };
export type SubmitOutcome = Outcome | { ok: false; errors: Record<string, string> };

export interface ActArgs {
  actionId: string;
  blockId?: string;
  /** A message's action: where the message is. */
  channel?: string;
  ts?: string;
  /** A modal's or the Home tab's action. */
  viewId?: string;
  /** The fields a client adds for the element (value, selected_option, selected_user…). */
  action?: SlackArgs;
  values?: Record<string, Record<string, unknown>>;
}

export interface Sandbox {
  /** The page's address, e.g. http://127.0.0.1:3000/ */
  readonly url: string;
  readonly emulator: SlackEmulator;
  readonly manifest: AppManifest;
  /** The sandbox clock (the bot's): real time plus the jumps made from the page. */
  now(): Date;
  setClock(at: Date): Promise<void>;
  timezone(): Promise<string>;
  /** What the sandbox is busy doing (filling a sample week, resetting), for the page. */
  busy(): string | undefined;
  setBusy(text: string | undefined): void;
  /** Runs a long task (sample week, reset) unless one is running; the page shows `label` meanwhile. */
  exclusive(label: string, work: () => Promise<unknown>): Promise<Outcome>;
  /** The schedules the bot has (read through its own service). */
  schedules(): Promise<{ kind: string; channelId: string }[]>;
  onChange(listener: () => void): () => void;
  send(as: string, channel: string, text: string): Promise<Outcome>;
  act(as: string, args: ActArgs): Promise<Outcome>;
  submit(as: string, viewId: string, values: Record<string, Record<string, unknown>>): Promise<SubmitOutcome>;
  closeModal(as: string, viewId: string): Promise<Outcome>;
  shortcut(as: string, callbackId: string, channel: string, ts: string): Promise<Outcome>;
  /** The emoji a person may react with (the bot's praise and learning emoji), when it hears reactions. */
  reactionEmoji(): Promise<string[]>;
  /** Who reacted with what on a message. */
  reactionsOf(channel: string, ts: string): { name: string; users: string[] }[];
  /** Adds the person's reaction, or takes it back when they had it: reaction_added / _removed. */
  react(as: string, channel: string, ts: string, reaction: string): Promise<Outcome>;
  openHome(as: string): Promise<Outcome>;
  runScheduler(): Promise<void>;
  jumpToNextMonday(): Promise<Date>;
  /** Waits until the bot has finished the work its last requests started. */
  whenIdle(): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** What the sandbox needs of the bot start-bot.ts starts (passed in: the composition root stays start-bot.ts). */
export interface SandboxBot {
  readonly port: number;
  readonly deps: Pick<Deps, 'roles' | 'workspaces' | 'cron' | 'schedules' | 'reactionSettings'>;
  readonly scheduler: { sweep(): Promise<void> } | undefined;
  whenIdle(timeoutMs?: number): Promise<boolean>;
  stop(): Promise<void>;
}
export type StartBot = (
  config: Config,
  options: { logger: Logger; clock: () => Date },
) => Promise<SandboxBot>;

export interface SandboxOptions {
  env: NodeJS.ProcessEnv;
  /** start-bot.ts's startBot: the real bot, composed as in any deployment. */
  startBot: StartBot;
  /** The bot's logger; default: JSON on stdout at LOG_LEVEL, or warnings only when it is not set. */
  logger?: Logger;
  /** The page's routes, given the sandbox (page-routes.ts). */
  routes?: (sandbox: Sandbox) => ExtraRoutes;
}

const NOT_A_COMMAND =
  'is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.';

/** Slack's client escapes what people type: &, <, > as entities, then @name and #channel as links. */
export function escapeTyped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|[\s(])@([a-z0-9._-]+)/gi, (whole, before: string, name: string) => {
      const person = SAMPLE_PEOPLE.find((p) => p.name === name.toLowerCase());
      return person ? `${before}<@${person.id}|${person.name}>` : whole;
    })
    .replace(/(^|[\s(])#([a-z0-9_-]+)/gi, (whole, before: string, name: string) => {
      const channel = SAMPLE_CHANNELS.find((c) => c.name === name.toLowerCase());
      return channel ? `${before}<#${channel.id}|${channel.name}>` : whole;
    });
}

/** What Slack shows when a request to the app failed: the app's error stays visible, never hidden. */
function failureText(res: DriverResponse | Error, what: string): string {
  if (res instanceof Error) {
    return res.name === 'TimeoutError'
      ? `${what} failed with the error "operation_timeout"`
      : `${what} failed with the error "dispatch_failed"`;
  }
  return `${what} failed with the error "http_error_${res.status}"`;
}

async function request(work: () => Promise<DriverResponse>): Promise<DriverResponse | Error> {
  try {
    return await work();
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/**
 * One sandbox per data directory: a second one would open the same embedded database and share
 * the clock file. The same lock as the bot's on DATA_DIR, worded for the person starting it.
 */
async function lockSandboxDir(dir: string, logger: Logger): Promise<() => Promise<void>> {
  try {
    return await lockDataDir(dir, (err) => logger.error({ err }, 'the lock on the sandbox data was lost'));
  } catch (err) {
    if (!(err instanceof DataDirLocked)) throw err;
    const holder = err.holder ? `process ${err.holder.pid} on ${err.holder.host}` : 'another process';
    throw new SandboxStartError(
      `another sandbox (${holder}) is using ${dir}: stop it, or start with another DATA_DIR`,
    );
  }
}

function ackBody(res: DriverResponse): SlackArgs | undefined {
  if (!res.body.trim()) return undefined;
  try {
    const body = res.json();
    return typeof body === 'object' && body !== null ? body : { text: String(body) };
  } catch {
    return { text: res.body };
  }
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { env } = options;
  // The deployment's own validation of PORT, DATA_DIR, LOG_LEVEL…: placeholders stand for Slack.
  const base = loadConfig({ ...env, SLACK_BOT_TOKEN: 'xoxb-sandbox', SLACK_SIGNING_SECRET: 'sandbox' });
  const logger = options.logger ?? createLogger(env.LOG_LEVEL ? base.logLevel : 'warn');
  // Never the deployment's database: the sandbox keeps its data to itself, under DATA_DIR/sandbox.
  const sandboxDir = join(base.dataDir, 'sandbox');
  const clockFile = join(sandboxDir, 'clock.json');
  const databaseDir = join(sandboxDir, 'db');
  const manifest = await readManifest();
  const unlock = await lockSandboxDir(sandboxDir, logger);

  let offsetMs = await readFile(clockFile, 'utf8').then(
    (text) => Number(JSON.parse(text).offsetMs) || 0,
    () => 0,
  );
  const now = () => new Date(Date.now() + offsetMs);
  let busyText: string | undefined;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  /** Reactions people added in the page: `channel:ts` → emoji → who. */
  const reactions = new Map<string, Map<string, Set<string>>>();

  let sandbox: Sandbox | undefined;
  let emulator: SlackEmulator;
  try {
    emulator = await startSlackEmulator({
      teamId: SANDBOX_TEAM,
      botUserId: SANDBOX_BOT_USER,
      port: base.port,
      now: () => now().getTime(),
      clientView: true,
      recordRejections: false,
      routes: (req, res, url, raw) =>
        sandbox && options.routes ? options.routes(sandbox)(req, res, url, raw) : Promise.resolve(false),
    });
  } catch (err) {
    await unlock();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new SandboxStartError(
        `Port ${base.port} is already in use (another sandbox?): start with another port, e.g. PORT=${base.port + 1} npm start`,
      );
    }
    throw err;
  }
  emulator.onChange(changed);
  for (const person of SAMPLE_PEOPLE) emulator.addUser({ ...person, tz: base.defaultTimezone });
  emulator.addUser({ id: SANDBOX_BOT_USER, name: 'culture', real_name: 'Service Culture', is_bot: true });
  for (const channel of SAMPLE_CHANNELS) emulator.addChannel(channel);

  interface Running {
    bot: SandboxBot;
    driver: SlackDriver;
  }

  async function startRunning(): Promise<Running> {
    await mkdir(sandboxDir, { recursive: true });
    const signingSecret = randomBytes(16).toString('hex');
    const config = loadConfig({
      ...env,
      SLACK_BOT_TOKEN: `xoxb-sandbox-${randomBytes(6).toString('hex')}`,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: emulator.url,
      DATABASE_URL: '',
      DATA_DIR: databaseDir,
      // The bot's receiver: a free port on this machine only; people use the page.
      PORT: '0',
      HOST: '127.0.0.1',
    });
    const bot = await options.startBot(config, { logger, clock: now });
    const driver = createSlackDriver({
      appUrl: `http://127.0.0.1:${bot.port}`,
      signingSecret,
      emulator,
      teamId: SANDBOX_TEAM,
      // Slack gives up on an app after 3 seconds and tells the person so.
      timeoutMs: 3_000,
    });
    // First start of this data: the admin makes Morgan a manager, as anyone would, with a command.
    const manager = samplePerson('morgan');
    if ((await bot.deps.roles.roleOf(SANDBOX_TEAM, manager.id)) !== 'manager') {
      const admin = samplePerson('alex');
      await driver.command({
        command: '/culture',
        text: `role manager <@${manager.id}|${manager.name}>`,
        userId: admin.id,
        channelId: dmChannelId(admin.id),
      });
      await bot.whenIdle(10_000);
    }
    return { bot, driver };
  }

  let running: Running | undefined;
  /** The bot starts (and a reset swaps it) behind this: every operation waits for it. */
  let ready: Promise<void> = Promise.resolve();
  const current = async (): Promise<Running> => {
    await ready;
    if (!running) throw new Error('the sandbox bot is not running');
    return running;
  };

  async function saveClock() {
    await mkdir(sandboxDir, { recursive: true });
    await writeFile(clockFile, JSON.stringify({ offsetMs }));
  }

  function showFailure(context: ResponseContext, text: string) {
    emulator.deliverResponse(context, { text: `:warning: ${text}` });
  }

  async function runScheduler() {
    const { bot } = await current();
    await bot.scheduler?.sweep();
    await bot.whenIdle(10_000);
  }

  async function timezone() {
    const { bot } = await current();
    return (await bot.deps.workspaces.get(SANDBOX_TEAM)).timezone;
  }

  const api: Sandbox = {
    url: emulator.baseUrl,
    emulator,
    manifest,
    now,
    async setClock(at) {
      offsetMs = at.getTime() - Date.now();
      await saveClock();
      changed();
    },
    timezone,
    busy: () => busyText,
    setBusy(text) {
      busyText = text;
      changed();
    },
    async exclusive(label, work) {
      if (busyText) return { ok: false, error: `Busy: ${busyText}` };
      api.setBusy(label);
      try {
        await work();
        return { ok: true };
      } finally {
        api.setBusy(undefined);
      }
    },
    async schedules() {
      const { bot } = await current();
      return (await bot.deps.schedules.listEnabled()).filter((s) => s.teamId === SANDBOX_TEAM);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async send(as, channel, text) {
      const { bot, driver } = await current();
      const typed = text.trim();
      const context = { channel, userId: as };
      if (typed.startsWith('/')) {
        const [, command = '', rest = ''] = /^(\S+)\s*([\s\S]*)$/.exec(typed) ?? [];
        if (!manifest.commands.some((c) => c.command === command)) {
          return { ok: false, error: `${command} ${NOT_A_COMMAND}` };
        }
        const res = await request(() =>
          driver.command({ command, text: escapeTyped(rest), userId: as, channelId: channel }),
        );
        if (res instanceof Error || res.status !== 200) showFailure(context, failureText(res, command));
        else {
          // A command's answer in the ack itself is shown like a response_url post.
          const body = ackBody(res);
          if (body) emulator.deliverResponse(context, body);
        }
        await bot.whenIdle(10_000);
        return { ok: true };
      }
      const written = escapeTyped(typed);
      const ts = emulator.seedMessage({ channel, user: as, text: written });
      const dm = channel.startsWith('D');
      if (manifest.botEvents.includes(dm ? 'message.im' : 'message.channels')) {
        await request(() =>
          driver.event({
            type: 'message',
            channel,
            user: as,
            text: written,
            ts,
            channel_type: dm ? 'im' : 'channel',
          }),
        );
      }
      await bot.whenIdle(10_000);
      return { ok: true };
    },

    async act(as, args) {
      const { bot, driver } = await current();
      const view = args.viewId
        ? [...emulator.modalStack(as), emulator.homeView(as)].find((v) => v?.id === args.viewId)
        : undefined;
      if (args.viewId && !view) return { ok: false, error: 'This view is closed.' };
      const res = await request(() =>
        driver.blockAction({
          userId: as,
          actionId: args.actionId,
          ...(args.blockId ? { blockId: args.blockId } : {}),
          ...(view
            ? { view: view as SlackArgs, ...(args.values ? { values: args.values } : {}) }
            : { channelId: args.channel, messageTs: args.ts }),
          ...(args.action ? { action: args.action } : {}),
        }),
      );
      await bot.whenIdle(10_000);
      if (res instanceof Error || res.status !== 200) {
        return { ok: false, error: failureText(res, 'This action') };
      }
      return { ok: true };
    },

    async submit(as, viewId, values) {
      const { bot, driver } = await current();
      const view = emulator.modalStack(as).find((v) => v.id === viewId);
      if (!view) return { ok: false, error: 'This form is closed.' };
      const res = await request(() =>
        driver.viewSubmission({ userId: as, callbackId: String(view.callback_id), values, viewId }),
      );
      if (res instanceof Error || res.status !== 200) {
        await bot.whenIdle(10_000);
        return { ok: false, error: 'We had some trouble connecting. Try again?' };
      }
      const answer = ackBody(res);
      if (answer?.response_action === 'errors') {
        await bot.whenIdle(10_000);
        return { ok: false, errors: (answer.errors ?? {}) as Record<string, string> };
      }
      emulator.resolveModal(as, viewId, answer);
      await bot.whenIdle(10_000);
      return { ok: true };
    },

    async closeModal(as, viewId) {
      const { bot, driver } = await current();
      const view: EmulatedView | undefined = emulator.modalStack(as).find((v) => v.id === viewId);
      if (!view) return { ok: true };
      emulator.resolveModal(as, viewId);
      if (view.notify_on_close) {
        await request(() => driver.viewClosed({ userId: as, callbackId: String(view.callback_id), viewId }));
        await bot.whenIdle(10_000);
      }
      return { ok: true };
    },

    async shortcut(as, callbackId, channel, ts) {
      const { bot, driver } = await current();
      const message = emulator.messages.find((m) => m.ts === ts && m.channel === channel);
      if (!message) return { ok: false, error: 'This message is gone.' };
      const res = await request(() =>
        driver.shortcut({
          userId: as,
          callbackId,
          channelId: channel,
          message: { ts, text: message.text ?? '', user: message.user },
        }),
      );
      await bot.whenIdle(10_000);
      if (res instanceof Error || res.status !== 200) {
        return { ok: false, error: failureText(res, 'This shortcut') };
      }
      return { ok: true };
    },

    async reactionEmoji() {
      if (!manifest.botEvents.includes('reaction_added')) return [];
      const { bot } = await current();
      const emoji = await bot.deps.reactionSettings.get(SANDBOX_TEAM);
      return [emoji.praise, emoji.complaint];
    },

    reactionsOf(channel, ts) {
      return [...(reactions.get(`${channel}:${ts}`) ?? new Map<string, Set<string>>())]
        .filter(([, users]) => users.size > 0)
        .map(([name, users]) => ({ name, users: [...users] }));
    },

    async react(as, channel, ts, reaction) {
      const { bot, driver } = await current();
      if (!emulator.messages.some((m) => m.ts === ts && m.channel === channel)) {
        return { ok: false, error: 'This message is gone.' };
      }
      const key = `${channel}:${ts}`;
      const onMessage = reactions.get(key) ?? new Map<string, Set<string>>();
      reactions.set(key, onMessage);
      const users = onMessage.get(reaction) ?? new Set<string>();
      onMessage.set(reaction, users);
      const removing = users.has(as);
      if (removing) users.delete(as);
      else users.add(as);
      changed();
      // Slack tells the bot about reactions only in channels it is in, as events it subscribed to.
      const res = await request(() =>
        driver.reaction({
          type: removing ? 'removed' : 'added',
          userId: as,
          reaction,
          channelId: channel,
          ts,
        }),
      );
      await bot.whenIdle(10_000);
      if (res instanceof Error || res.status !== 200)
        return { ok: false, error: failureText(res, 'This reaction') };
      return { ok: true };
    },

    async openHome(as) {
      const { bot, driver } = await current();
      if (!manifest.botEvents.includes('app_home_opened')) return { ok: true };
      const home = emulator.homeView(as);
      await request(() =>
        driver.event({
          type: 'app_home_opened',
          user: as,
          channel: dmChannelId(as),
          tab: 'home',
          ...(home ? { view: home } : {}),
        }),
      );
      await bot.whenIdle(10_000);
      return { ok: true };
    },

    runScheduler,

    async jumpToNextMonday() {
      const { bot } = await current();
      const zone = await timezone();
      const [monday] = bot.deps.cron.next('0 9 * * 1', zone, now(), 1);
      if (!monday) throw new Error('no next Monday 09:00');
      await api.setClock(monday);
      await runScheduler();
      return monday;
    },

    async whenIdle() {
      const { bot } = await current();
      await bot.whenIdle(10_000);
    },

    async reset() {
      const swap = (async () => {
        await running?.bot.stop();
        running = undefined;
        await rm(databaseDir, { recursive: true, force: true });
        await rm(clockFile, { force: true });
        emulator.reset();
        offsetMs = 0;
        running = await startRunning();
        changed();
      })();
      ready = swap.catch(() => {});
      await swap;
    },

    async stop() {
      await ready;
      await running?.bot.stop();
      await emulator.close();
      await unlock();
    },
  };
  // The page is served from here on; what it asks of the bot waits for the bot to be up.
  sandbox = api;
  busyText = 'Starting the bot…';
  const starting = startRunning().then((started) => {
    running = started;
    busyText = undefined;
    changed();
  });
  ready = starting.catch(() => {});
  try {
    await starting;
  } catch (err) {
    await emulator.close();
    await unlock();
    throw err;
  }
  return api;
}

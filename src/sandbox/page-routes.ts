import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { SAMPLE_CHANNELS, SAMPLE_PEOPLE, SANDBOX_BOT_USER } from './people.js';
import { fillSampleWeek } from './sample-week.js';
import type { Sandbox } from './sandbox.js';
import { dmChannelId, type EmulatedMessage, type ExtraRoutes } from './slack-emulator.js';

/** The page's files, next to this module (the build copies them into dist). */
const PUBLIC = new URL('./public/', import.meta.url);
const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/sandbox/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox/blocks.js': { file: 'blocks.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

const personId = z.enum(SAMPLE_PEOPLE.map((p) => p.id) as [string, ...string[]]);
const values = z.record(z.string(), z.record(z.string(), z.unknown()));

const bodies = {
  message: z.object({ as: personId, channel: z.string().min(1), text: z.string().min(1).max(40_000) }),
  action: z.object({
    as: personId,
    actionId: z.string().min(1),
    blockId: z.string().optional(),
    channel: z.string().optional(),
    ts: z.string().optional(),
    viewId: z.string().optional(),
    action: z.record(z.string(), z.unknown()).optional(),
    values: values.optional(),
  }),
  submit: z.object({ as: personId, viewId: z.string().min(1), values }),
  close: z.object({ as: personId, viewId: z.string().min(1) }),
  shortcut: z.object({
    as: personId,
    callbackId: z.string().min(1),
    channel: z.string().min(1),
    ts: z.string().min(1),
  }),
  react: z.object({
    as: personId,
    channel: z.string().min(1),
    ts: z.string().min(1),
    reaction: z.string().regex(/^[a-z0-9_+'-]{1,64}$/),
  }),
  home: z.object({ as: personId }),
  none: z.object({}),
};

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** What one person's Slack client shows: their channels, their DM with the bot, their modals and Home. */
async function stateFor(sandbox: Sandbox, me: string) {
  const { emulator, manifest } = sandbox;
  const dm = dmChannelId(me);
  const publicChannels = SAMPLE_CHANNELS.map((c) => ({ id: c.id, name: c.name }));
  // A channel the bot joined on its own (a schedule to a channel nobody listed) shows up too.
  for (const m of emulator.messages) {
    if (!/^[CG]/.test(m.channel) || publicChannels.some((c) => c.id === m.channel)) continue;
    publicChannels.push({ id: m.channel, name: emulator.getChannel(m.channel)?.name ?? m.channel });
  }
  const visible = (m: EmulatedMessage) =>
    (m.channel === dm || publicChannels.some((c) => c.id === m.channel)) &&
    (!m.ephemeralTo || m.ephemeralTo === me);
  const home = emulator.homeView(me);
  return {
    me,
    bot: { id: SANDBOX_BOT_USER, name: 'culture' },
    people: SAMPLE_PEOPLE.map(({ id, name, real_name, role, locale }) => ({
      id,
      name,
      real_name,
      role,
      locale,
    })),
    channels: publicChannels,
    dm: { id: dm, name: 'culture' },
    // In time order, as Slack lists them (a sample week posts into the past).
    messages: [...emulator.messages]
      .filter(visible)
      .sort((a, b) => Number(a.ts) - Number(b.ts))
      .map((m) => ({
        channel: m.channel,
        ts: m.ts,
        user: m.user,
        text: m.text ?? '',
        blocks: m.blocks ?? null,
        thread_ts: m.thread_ts ?? null,
        ephemeral: Boolean(m.ephemeralTo),
        edited: Boolean(m.editedAt),
        files: m.files ?? [],
        reactions: sandbox.reactionsOf(m.channel, m.ts),
      })),
    modals: emulator.modalStack(me),
    home: home ?? null,
    homeTab: manifest.homeTabEnabled || Boolean(home),
    commands: manifest.commands,
    shortcuts: manifest.messageShortcuts,
    reactionEmoji: await sandbox.reactionEmoji(),
    clock: sandbox.now().toISOString(),
    timezone: await sandbox.timezone(),
    busy: sandbox.busy() ?? null,
  };
}

/** Server-sent "changed" pings: the page then asks for its state again. */
function events(sandbox: Sandbox, res: ServerResponse) {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write('retry: 1000\n\n');
  let pending: NodeJS.Timeout | undefined;
  const unsubscribe = sandbox.onChange(() => {
    pending ??= setTimeout(() => {
      pending = undefined;
      res.write('data: changed\n\n');
    }, 50);
  });
  res.on('close', () => {
    clearTimeout(pending);
    unsubscribe();
  });
}

/** The page and the JSON endpoints it calls; every body is checked with zod like a Slack payload. */
export function pageRoutes(sandbox: Sandbox): ExtraRoutes {
  return async (req, res, url, raw) => {
    const asset = req.method === 'GET' ? ASSETS[url.pathname] : undefined;
    if (asset) {
      const content = await readFile(new URL(asset.file, PUBLIC));
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
      res.end(content);
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/sandbox/state') {
      const me = personId.safeParse(url.searchParams.get('as'));
      json(
        res,
        me.success ? 200 : 400,
        me.success ? await stateFor(sandbox, me.data) : { error: 'unknown person' },
      );
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/sandbox/events') {
      events(sandbox, res);
      return true;
    }
    const [, name] = /^\/sandbox\/([a-z-]+)$/.exec(url.pathname) ?? [];
    if (req.method !== 'POST' || !name) return false;
    let input: unknown;
    try {
      input = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      json(res, 400, { ok: false, error: 'The request body is not JSON.' });
      return true;
    }
    const handle = async (): Promise<unknown> => {
      switch (name) {
        case 'message': {
          const b = bodies.message.parse(input);
          return sandbox.send(b.as, b.channel, b.text);
        }
        case 'action': {
          const { as, ...args } = bodies.action.parse(input);
          return sandbox.act(as, args);
        }
        case 'submit': {
          const b = bodies.submit.parse(input);
          return sandbox.submit(b.as, b.viewId, b.values);
        }
        case 'close': {
          const b = bodies.close.parse(input);
          return sandbox.closeModal(b.as, b.viewId);
        }
        case 'shortcut': {
          const b = bodies.shortcut.parse(input);
          return sandbox.shortcut(b.as, b.callbackId, b.channel, b.ts);
        }
        case 'react': {
          const b = bodies.react.parse(input);
          return sandbox.react(b.as, b.channel, b.ts, b.reaction);
        }
        case 'home':
          return sandbox.openHome(bodies.home.parse(input).as);
        case 'scheduler':
          bodies.none.parse(input);
          await sandbox.runScheduler();
          return { ok: true };
        case 'jump':
          bodies.none.parse(input);
          return { ok: true, clock: (await sandbox.jumpToNextMonday()).toISOString() };
        case 'seed':
          bodies.none.parse(input);
          return sandbox.exclusive('Filling a sample week…', () => fillSampleWeek(sandbox));
        case 'reset':
          bodies.none.parse(input);
          return sandbox.exclusive('Resetting the sandbox…', () => sandbox.reset());
        default:
          return undefined;
      }
    };
    try {
      const result = await handle();
      if (result === undefined) return false;
      json(res, 200, result);
    } catch (err) {
      if (err instanceof z.ZodError) {
        json(res, 400, {
          ok: false,
          error: err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
      } else {
        json(res, 500, { ok: false, error: err instanceof Error ? err.message : String(err) });
      }
    }
    return true;
  };
}

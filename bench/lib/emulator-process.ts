/**
 * The Slack emulator in a process of its own, for `npm run bench` (started by `emulator.ts`).
 * Every answer the apps send back through a response_url, and every DM, lands here instead of
 * in the bench's process, so the load generator has that process to itself while it measures.
 *
 * It talks to the bench over the IPC channel: `{ id, op, args }` in, `{ id, result }` or
 * `{ id, error }` out; the operations are `ops` below, the few things the rows need. Times it
 * reports are `monotonicMs()`, the system's monotonic clock, which the bench reads too.
 */
import { createSlackDriver } from '../../src/sandbox/slack-driver.js';
import {
  type EmulatedChannel,
  type EmulatedUser,
  type SeededMessage,
  type SlackEmulatorOptions,
  startSlackEmulator,
} from '../../src/sandbox/slack-emulator.js';
import { monotonicMs } from './clock.js';

const options: SlackEmulatorOptions = JSON.parse(process.argv[2] ?? '{}');
const emulator = await startSlackEmulator(options);

// When each call and response_url post arrived, stamped as it is recorded: a wait that starts
// after the arrival (the request to wait crosses the IPC channel) still reports the true time.
const arrivedAt = new WeakMap<object, number>();
let stampedCalls = 0;
let stampedResponses = 0;
emulator.onChange(() => {
  const now = monotonicMs();
  // reset() empties the lists.
  stampedCalls = Math.min(stampedCalls, emulator.calls.length);
  stampedResponses = Math.min(stampedResponses, emulator.responses.length);
  for (; stampedCalls < emulator.calls.length; stampedCalls++) {
    const call = emulator.calls[stampedCalls];
    if (call) arrivedAt.set(call, now);
  }
  for (; stampedResponses < emulator.responses.length; stampedResponses++) {
    const response = emulator.responses[stampedResponses];
    if (response) arrivedAt.set(response, now);
  }
});
const arrival = (item: object) => arrivedAt.get(item) ?? monotonicMs();

const ops = {
  addUser: (user: EmulatedUser) => emulator.addUser(user),
  addChannel: (channel: EmulatedChannel) => emulator.addChannel(channel),
  seedMessage: (message: SeededMessage) => emulator.seedMessage(message),
  /** Fresh response_urls, minted in batches: a signed command needs one synchronously. */
  responseUrls: (count: number) => Array.from({ length: count }, () => emulator.responseUrl()),
  /** Calls and response_url posts recorded since the last reset: unchanged means quiet. */
  activity: () => emulator.calls.length + emulator.responses.length,
  reset: () => emulator.reset(),
  /** When the post to the response_url `id` (the path after `/response/`) arrived. */
  async responseAt(args: { id: string; timeoutMs: number }) {
    return arrival(await emulator.waitForResponse((r) => r.id === args.id, args.timeoutMs));
  },
  /** When a chat.postMessage to `channel` whose blocks contain `marker` arrived. */
  async postAt(args: { channel: string; marker: string; timeoutMs: number }) {
    const call = await emulator.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === args.channel && JSON.stringify(c.args.blocks).includes(args.marker),
      args.timeoutMs,
    );
    return arrival(call);
  },
  /** Slack sending a signed `reaction_added` to the app; `sentAt` is just before the POST. */
  async reaction(args: {
    appUrl: string;
    signingSecret: string;
    teamId: string;
    userId: string;
    reaction: string;
    channelId: string;
    ts: string;
  }) {
    const driver = createSlackDriver({
      appUrl: args.appUrl,
      signingSecret: args.signingSecret,
      emulator,
      teamId: args.teamId,
    });
    const sentAt = monotonicMs();
    const res = await driver.reaction(args);
    return { status: res.status, sentAt };
  },
  /** chat.postMessage calls to channels starting with `prefix`: channels posted in, calls answered 429. */
  postsTo(args: { prefix: string }) {
    const posts = emulator
      .callsTo('chat.postMessage')
      .filter((c) => String(c.args.channel).startsWith(args.prefix));
    return {
      channels: new Set(posts.filter((c) => c.ok).map((c) => String(c.args.channel))).size,
      limited: posts.filter((c) => c.status === 429).length,
    };
  },
};

export type EmulatorOps = typeof ops;
export interface EmulatorInfo {
  url: string;
  baseUrl: string;
  teamId: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
}

const send = (message: unknown) => process.send?.(message);
process.on('message', async (message: { id: number; op: keyof EmulatorOps; args: unknown }) => {
  try {
    const op = ops[message.op] as (args: unknown) => unknown;
    send({ id: message.id, result: await op(message.args) });
  } catch (error) {
    send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
// The bench is done with it (or went away): nothing is left to serve.
process.on('disconnect', () => {
  void emulator.close().finally(() => process.exit(0));
});
const { url, baseUrl, teamId, teamDomain, appId, botUserId } = emulator;
send({ ready: { url, baseUrl, teamId, teamDomain, appId, botUserId } satisfies EmulatorInfo });

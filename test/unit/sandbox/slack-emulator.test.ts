import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import { App, type Logger, LogLevel, verifySlackRequest, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateMessageBlocks, validateView } from '../../../src/sandbox/block-kit-rules.js';
import { createSlackDriver, signSlackRequest } from '../../../src/sandbox/slack-driver.js';
import { dmChannelId, type SlackEmulator, startSlackEmulator } from '../../../src/sandbox/slack-emulator.js';

const { WebClient, ErrorCode } = webApi;

const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** Built loosely on purpose: several tests send payloads the typed WebClient would refuse to compile. */
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Payload = any;

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const modal = (title: string, extra: Record<string, unknown> = {}): Payload => ({
  type: 'modal',
  callback_id: 'kudos_modal',
  title: { type: 'plain_text', text: title },
  blocks: [section('hello')],
  ...extra,
});

const input = (element: Record<string, unknown>) => ({
  type: 'input',
  label: { type: 'plain_text', text: 'Label' },
  element,
});
const button = (actionId: string, extra: Record<string, unknown> = {}): Payload => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text: 'Go' },
  ...extra,
});
const options = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: { type: 'plain_text', text: `o${i}` }, value: `v${i}` }));

/** Resolve with whatever the promise rejects with (fails the test if it resolves). */
// biome-ignore lint/suspicious/noExplicitAny: WebClient errors carry untyped `data`.
async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

let clock: number;
let emulator: SlackEmulator;
let client: InstanceType<typeof WebClient>;

beforeEach(async () => {
  clock = 1_800_000_000_000;
  emulator = await startSlackEmulator({ teamId: 'T0TEST', botUserId: 'U0BOT', now: () => clock });
  client = new WebClient('xoxb-test', {
    slackApiUrl: emulator.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: silentLogger,
  });
});

afterEach(async () => {
  await emulator.close();
});

describe('slack emulator: Web API', () => {
  it('answers auth.test with the bot identity', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' });
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('records chat.postMessage with blocks decoded from the form-encoded JSON string', async () => {
    const blocks = [section('*Kudos* to <@U1>'), { type: 'divider' }];
    const res = await client.chat.postMessage({ channel: 'C123', text: 'Kudos', blocks });

    expect(res.ok).toBe(true);
    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(res.message).toMatchObject({ text: 'Kudos', blocks, user: 'U0BOT' });
    const [call] = emulator.callsTo('chat.postMessage');
    expect(call?.args.blocks).toEqual(blocks);
    expect(call?.token).toBe('xoxb-test');
    expect(call?.args).not.toHaveProperty('token');
    expect(emulator.rejections).toEqual([]);
  });

  it('issues unique, increasing message timestamps even when the clock stands still', async () => {
    const a = await client.chat.postMessage({ channel: 'C1', text: 'a' });
    const b = await client.chat.postMessage({ channel: 'C1', text: 'b' });
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
  });

  it('posts to a user id through a DM channel', async () => {
    const res = await client.chat.postMessage({ channel: 'U42', text: 'hi' });
    expect(res.channel).toBe(dmChannelId('U42'));
    expect(res.channel).toMatch(/^D/);
    const opened = await client.conversations.open({ users: 'U42' });
    expect(opened.channel?.id).toBe(res.channel);
  });

  it('accepts application/json bodies with a Bearer token, and refuses a missing token', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${emulator.url}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          channel: 'C1',
          text: 'json',
          blocks: [section('json')],
          token: 'xoxb-in-body',
        }),
      }).then((r) => r.json());

    expect(await post({ authorization: 'Bearer xoxb-test' })).toMatchObject({ ok: true });
    expect(emulator.calls[0]?.args.blocks).toEqual([section('json')]);
    // Slack ignores `token` inside a JSON body.
    expect(await post({})).toEqual({ ok: false, error: 'not_authed' });
    expect(emulator.rejections).toEqual([
      { method: 'chat.postMessage', error: 'not_authed', errors: ['not_authed'] },
    ]);
  });

  it('rejects more than 50 blocks with invalid_blocks and keeps the rejection', async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => section(`line ${i}`));
    const err = await rejectionOf(client.chat.postMessage({ channel: 'C1', text: 'many', blocks }));

    expect(err.code).toBe(ErrorCode.PlatformError);
    expect(err.data.error).toBe('invalid_blocks');
    expect(err.data.errors[0]).toMatch(/at most 50 item/);
    expect(emulator.rejections).toEqual([
      { method: 'chat.postMessage', error: 'invalid_blocks', errors: [expect.stringMatching(/at most 50/)] },
    ]);
    // Failed calls are recorded too.
    expect(emulator.callsTo('chat.postMessage')).toMatchObject([{ ok: false, error: 'invalid_blocks' }]);
  });

  it('refuses empty messages and over-long text', async () => {
    expect((await rejectionOf(client.chat.postMessage({ channel: 'C1', text: '' }))).data.error).toBe(
      'no_text',
    );
    const long = 'x'.repeat(40_001);
    expect((await rejectionOf(client.chat.postMessage({ channel: 'C1', text: long }))).data.error).toBe(
      'msg_too_long',
    );
  });

  it('answers chat.postEphemeral, chat.update, chat.delete and chat.getPermalink', async () => {
    const eph = await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' });
    expect(eph.message_ts).toMatch(/^\d+\.\d{6}$/);
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'v1' });
    const ts = posted.ts as string;
    expect(await client.chat.update({ channel: 'C1', ts, text: 'v2' })).toMatchObject({
      ok: true,
      ts,
      text: 'v2',
    });
    expect(emulator.messages.find((m) => m.ts === ts)?.text).toBe('v2');
    const link = await client.chat.getPermalink({ channel: 'C1', message_ts: ts });
    expect(link.permalink).toBe(`https://emulated.slack.com/archives/C1/p${ts.replace('.', '')}`);
    expect(await client.chat.delete({ channel: 'C1', ts })).toMatchObject({ ok: true, channel: 'C1', ts });
    expect(emulator.messages.find((m) => m.ts === ts)).toBeUndefined();
  });

  it('opens a modal with a fresh trigger id and rejects a title over 24 characters', async () => {
    const ok = await client.views.open({ trigger_id: emulator.issueTriggerId(), view: modal('Give kudos') });
    expect(ok.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      callback_id: 'kudos_modal',
      hash: expect.any(String),
    });

    const err = await rejectionOf(
      client.views.open({
        trigger_id: emulator.issueTriggerId(),
        view: modal('This title is far too long for Slack'),
      }),
    );
    expect(err.data.error).toBe('invalid_arguments');
    expect(err.data.response_metadata.messages).toEqual([
      expect.stringMatching(
        /^\[ERROR\] must be at most 24 characters .*\[json-pointer:\/view\/title\/text\]$/,
      ),
    ]);
    expect(emulator.rejections.map((r) => r.error)).toEqual(['invalid_arguments']);
  });

  it('enforces Slack trigger_id rules: unknown, expired after 3 seconds, single use', async () => {
    const unknown = await rejectionOf(client.views.open({ trigger_id: '123.456.abc', view: modal('Hi') }));
    expect(unknown.data.error).toBe('invalid_trigger_id');

    const stale = emulator.issueTriggerId();
    clock += 3_001;
    const expired = await rejectionOf(client.views.open({ trigger_id: stale, view: modal('Hi') }));
    expect(expired.data.error).toBe('expired_trigger_id');

    const fresh = emulator.issueTriggerId();
    clock += 2_000;
    await client.views.open({ trigger_id: fresh, view: modal('Hi') });
    const reused = await rejectionOf(client.views.push({ trigger_id: fresh, view: modal('Again') }));
    expect(reused.data.error).toBe('exchanged_trigger_id');
  });

  it('validates views.publish and keeps one home view per user', async () => {
    const home: Payload = { type: 'home', blocks: [section('Welcome')] };
    const first = await client.views.publish({ user_id: 'U1', view: home });
    const second = await client.views.publish({ user_id: 'U1', view: home });
    expect(second.view?.id).toBe(first.view?.id);
    const err = await rejectionOf(client.views.publish({ user_id: 'U1', view: modal('Not a home tab') }));
    expect(err.data.error).toBe('invalid_arguments');
  });

  it('answers a 429 fault with Retry-After and still records the call', async () => {
    emulator.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const err = await rejectionOf(client.chat.postMessage({ channel: 'C1', text: 'hi' }));
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(7);
    expect(emulator.callsTo('chat.postMessage')).toMatchObject([
      { status: 429, ok: false, error: 'ratelimited' },
    ]);
    // Injected faults are the test's doing, not the app's: they are not rejections.
    expect(emulator.rejections).toEqual([]);
    // The fault is consumed: the next call succeeds.
    expect((await client.chat.postMessage({ channel: 'C1', text: 'hi' })).ok).toBe(true);

    emulator.failNext('auth.test', { status: 429, retryAfter: 2 });
    const raw = await fetch(`${emulator.url}auth.test`, {
      method: 'POST',
      headers: { authorization: 'Bearer x' },
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('2');
    expect(await raw.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('limits posting to one message a second per channel when asked, answering 429 with Retry-After', async () => {
    const limited = await startSlackEmulator({ now: () => clock, channelRateLimit: true });
    const to = new WebClient('xoxb-test', {
      slackApiUrl: limited.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: silentLogger,
    });
    try {
      expect((await to.chat.postMessage({ channel: 'C1', text: 'one' })).ok).toBe(true);
      clock += 400;
      const err = await rejectionOf(to.chat.postMessage({ channel: 'C1', text: 'two' }));
      expect(err.code).toBe(ErrorCode.RateLimitedError);
      expect(err.retryAfter).toBe(1);
      // Another channel is not held up, and the refused post was not counted.
      expect((await to.chat.postMessage({ channel: 'C2', text: 'elsewhere' })).ok).toBe(true);
      clock += 600;
      expect((await to.chat.postMessage({ channel: 'C1', text: 'two' })).ok).toBe(true);
      expect(limited.callsTo('chat.postMessage').map((c) => c.status)).toEqual([200, 429, 200, 200]);
      expect(limited.rejections).toEqual([]);
    } finally {
      await limited.close();
    }
    // Off by default: the suite's emulator takes posts as fast as they come.
    await client.chat.postMessage({ channel: 'C1', text: 'a' });
    expect((await client.chat.postMessage({ channel: 'C1', text: 'b' })).ok).toBe(true);
  });

  it('injects 5xx and ok:false faults, `times` in a row', async () => {
    emulator.failNext('users.info', { status: 503 });
    expect((await rejectionOf(client.users.info({ user: 'U1' }))).code).toBe(ErrorCode.HTTPError);
    emulator.failNext('chat.postMessage', { error: 'channel_not_found' }, 2);
    for (let i = 0; i < 2; i++) {
      expect((await rejectionOf(client.chat.postMessage({ channel: 'C1', text: 'x' }))).data.error).toBe(
        'channel_not_found',
      );
    }
    expect((await client.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
  });

  it('answers not_in_channel until the bot joins the channel', async () => {
    emulator.addChannel({ id: 'C0KUDOS', name: 'kudos', botIsMember: false, members: ['U1'] });
    const err = await rejectionOf(client.chat.postMessage({ channel: 'C0KUDOS', text: 'hi' }));
    expect(err.data.error).toBe('not_in_channel');

    const joined = await client.conversations.join({ channel: 'C0KUDOS' });
    expect(joined.channel).toMatchObject({ id: 'C0KUDOS', name: 'kudos', is_member: true });
    expect((await client.chat.postMessage({ channel: 'C0KUDOS', text: 'hi' })).channel).toBe('C0KUDOS');
    expect((await client.conversations.members({ channel: 'C0KUDOS' })).members).toEqual(['U1', 'U0BOT']);
    expect(emulator.rejections).toEqual([]); // a miss the app must handle, not a malformed payload
  });

  it('answers conversations.info for known channels only, and refuses to join private ones', async () => {
    emulator.addChannel({ id: 'G1', name: 'secret', is_private: true, botIsMember: false });
    expect((await client.conversations.info({ channel: 'G1' })).channel).toMatchObject({ is_private: true });
    expect((await rejectionOf(client.conversations.info({ channel: 'C404' }))).data.error).toBe(
      'channel_not_found',
    );
    expect((await rejectionOf(client.conversations.join({ channel: 'G1' }))).data.error).toBe(
      'method_not_supported_for_channel_type',
    );
  });

  it('paginates conversations.members with a cursor', async () => {
    emulator.addChannel({ id: 'C1', name: 'big', members: ['U1', 'U2', 'U3'] });
    const page1 = await client.conversations.members({ channel: 'C1', limit: 2 });
    expect(page1.members).toEqual(['U1', 'U2']);
    const cursor = page1.response_metadata?.next_cursor as string;
    const page2 = await client.conversations.members({ channel: 'C1', limit: 2, cursor });
    expect(page2.members).toEqual(['U3']);
    expect(page2.response_metadata?.next_cursor).toBe('');
  });

  it('answers users.info for known users and user_not_found otherwise', async () => {
    emulator.addUser({
      id: 'U1',
      name: 'ada',
      real_name: 'Ada Lovelace',
      locale: 'fr-FR',
      tz: 'Europe/Paris',
    });
    const withLocale = await client.users.info({ user: 'U1', include_locale: true });
    expect(withLocale.user).toMatchObject({
      id: 'U1',
      team_id: 'T0TEST',
      name: 'ada',
      real_name: 'Ada Lovelace',
      locale: 'fr-FR',
      tz: 'Europe/Paris',
      is_admin: false,
      deleted: false,
      profile: { display_name: 'ada', real_name: 'Ada Lovelace' },
    });
    // Like Slack, no locale unless include_locale is asked for.
    expect((await client.users.info({ user: 'U1' })).user).not.toHaveProperty('locale');

    const err = await rejectionOf(client.users.info({ user: 'U404' }));
    expect(err.data.error).toBe('user_not_found');
  });

  it('answers unknown methods with unknown_method', async () => {
    const err = await rejectionOf(client.apiCall('emoji.list'));
    expect(err.data.error).toBe('unknown_method');
  });

  it('stores files uploaded through files.uploadV2', async () => {
    await client.filesUploadV2({
      channel_id: 'C1',
      filename: 'report.csv',
      content: 'a,b\n1,2\n',
      title: 'Report',
    });
    expect(emulator.uploads).toEqual([
      { fileId: expect.stringMatching(/^F/), filename: 'report.csv', content: Buffer.from('a,b\n1,2\n') },
    ]);
    const [complete] = emulator.callsTo('files.completeUploadExternal');
    expect(complete?.args.files).toEqual([{ id: emulator.uploads[0]?.fileId, title: 'Report' }]);
    expect(complete?.ok).toBe(true);
  });

  it('waits for a future call, and explains a timeout with the calls it did see', async () => {
    const waiting = emulator.waitFor('chat.postMessage', (c) => c.args.text === 'later');
    await client.chat.postMessage({ channel: 'C1', text: 'now' });
    await client.chat.postMessage({ channel: 'C1', text: 'later' });
    expect((await waiting).args.text).toBe('later');

    await expect(emulator.waitFor('views.open', undefined, 50)).rejects.toThrow(
      /waiting for a views\.open call.*\nRecorded calls \(2\): chat\.postMessage, chat\.postMessage/s,
    );
  });

  it('records response_url posts and refuses invalid blocks there with HTTP 400', async () => {
    const url = emulator.responseUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/response\//);
    const waiting = emulator.waitForResponse((r) => r.body.text === 'done');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'done', replace_original: true }),
    });
    expect(res.status).toBe(200);
    expect((await waiting).body).toEqual({ text: 'done', replace_original: true });
    expect(emulator.responses).toHaveLength(1);

    const bad = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }] }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('invalid_blocks');
    expect(emulator.rejections).toEqual([
      {
        method: 'response_url',
        error: 'invalid_blocks',
        errors: [expect.stringMatching(/more than 0 characters/)],
      },
    ]);
  });

  it('allows a response_url five times only', async () => {
    const url = emulator.responseUrl();
    const post = () => fetch(url, { method: 'POST', body: JSON.stringify({ text: 'hi' }) });
    for (let i = 0; i < 5; i++) expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(404);
  });

  it('reset clears calls, responses, faults and rejections but keeps users and channels', async () => {
    emulator.addUser({ id: 'U1' });
    emulator.failNext('auth.test', { error: 'invalid_auth' });
    await rejectionOf(client.users.info({ user: 'U404' }));
    emulator.reset();
    expect(emulator.calls).toEqual([]);
    expect(emulator.rejections).toEqual([]);
    expect((await client.auth.test()).ok).toBe(true);
    expect((await client.users.info({ user: 'U1' })).ok).toBe(true);
  });

  it('can be told not to keep rejections', async () => {
    const quiet = await startSlackEmulator({ recordRejections: false });
    const c = new WebClient('xoxb', {
      slackApiUrl: quiet.url,
      retryConfig: { retries: 0 },
      logger: silentLogger,
    });
    await rejectionOf(c.users.info({ user: 'U404' }));
    expect(quiet.rejections).toEqual([]);
    expect(quiet.calls).toHaveLength(1);
    await quiet.close();
  });
});

describe('block-kit rules', () => {
  it('accepts a realistic message', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Kudos', emoji: true } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'Hi' },
        accessory: button('a1', { style: 'primary' }),
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*A*' },
          { type: 'plain_text', text: 'B' },
        ],
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: 'ctx' },
          { type: 'image', image_url: 'https://x/y.png', alt_text: 'y' },
        ],
      },
      {
        type: 'actions',
        block_id: 'acts',
        elements: [
          button('a2', { value: 'v' }),
          { type: 'static_select', action_id: 'a3', options: options(3), initial_option: options(3)[1] },
          { type: 'overflow', action_id: 'a4', options: options(2) },
          { type: 'users_select', action_id: 'a5' },
        ],
      },
      { type: 'divider' },
    ];
    expect(validateMessageBlocks(blocks)).toEqual([]);
  });

  it.each([
    ['an unknown block type', [{ type: 'banner' }], /unknown block type "banner"/],
    ['a section with neither text nor fields', [{ type: 'section' }], /must have text or fields/],
    ['section text over 3000', [section('x'.repeat(3001))], /at most 3000 .*\/blocks\/0\/text\/text/],
    [
      '11 fields',
      [{ type: 'section', fields: Array(11).fill({ type: 'mrkdwn', text: 'f' }) }],
      /at most 10 item/,
    ],
    ['a bare string text', [{ type: 'section', text: 'plain string' }], /must be a text object/],
    ['empty text', [section('')], /more than 0 characters/],
    [
      'emoji on mrkdwn',
      [{ type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } }],
      /only allowed on plain_text/,
    ],
    [
      'a mrkdwn header',
      [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }],
      /must be one of plain_text/,
    ],
    [
      'a header over 150',
      [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
      /at most 150/,
    ],
    ['an empty actions block', [{ type: 'actions', elements: [] }], /at least 1 item/],
    [
      '26 actions',
      [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`)) }],
      /at most 25/,
    ],
    [
      '11 context elements',
      [{ type: 'context', elements: Array(11).fill({ type: 'mrkdwn', text: 'c' }) }],
      /at most 10/,
    ],
    [
      'duplicate block ids',
      [
        { ...section('a'), block_id: 'x' },
        { ...section('b'), block_id: 'x' },
      ],
      /duplicate block_id/,
    ],
    ['a block_id over 255', [{ ...section('a'), block_id: 'b'.repeat(256) }], /at most 255/],
    [
      'duplicate action ids across blocks',
      [
        { type: 'actions', elements: [button('same')] },
        { type: 'actions', elements: [button('same')] },
      ],
      /duplicate action_id "same"/,
    ],
    [
      'a button text over 75',
      [{ type: 'actions', elements: [button('b', { text: { type: 'plain_text', text: 'x'.repeat(76) } })] }],
      /at most 75/,
    ],
    [
      'a bad button style',
      [{ type: 'actions', elements: [button('b', { style: 'secondary' })] }],
      /must be one of primary, danger/,
    ],
    [
      'a button value over 2000',
      [{ type: 'actions', elements: [button('b', { value: 'v'.repeat(2001) })] }],
      /at most 2000/,
    ],
    [
      'a button url over 3000',
      [{ type: 'actions', elements: [button('b', { url: 'u'.repeat(3001) })] }],
      /at most 3000/,
    ],
    [
      'a select with 101 options',
      [{ type: 'actions', elements: [{ type: 'static_select', action_id: 's', options: options(101) }] }],
      /at most 100/,
    ],
    [
      'an initial_option not among the options',
      [
        {
          type: 'actions',
          elements: [
            { type: 'static_select', action_id: 's', options: options(2), initial_option: options(3)[2] },
          ],
        },
      ],
      /must match one of the provided options/,
    ],
    [
      'an option value over 150',
      [
        {
          type: 'actions',
          elements: [
            {
              type: 'static_select',
              action_id: 's',
              options: [{ text: { type: 'plain_text', text: 't' }, value: 'v'.repeat(151) }],
            },
          ],
        },
      ],
      /at most 150/,
    ],
    [
      'a one-item overflow',
      [{ type: 'actions', elements: [{ type: 'overflow', action_id: 'o', options: options(1) }] }],
      /at least 2/,
    ],
    [
      '11 radio buttons',
      [{ type: 'actions', elements: [{ type: 'radio_buttons', action_id: 'r', options: options(11) }] }],
      /at most 10/,
    ],
    [
      'a text input in an actions block',
      [{ type: 'actions', elements: [{ type: 'plain_text_input', action_id: 't' }] }],
      /not allowed in an actions block/,
    ],
    [
      'an unknown element',
      [{ type: 'actions', elements: [{ type: 'slider', action_id: 's' }] }],
      /unknown element type "slider"/,
    ],
    [
      'an input without element',
      [{ type: 'input', label: { type: 'plain_text', text: 'L' } }],
      /element.*is required|is required.*element/,
    ],
    ['a button in an input', [input(button('b'))], /not allowed in an input block/],
    [
      'max_length over 3000',
      [input({ type: 'plain_text_input', action_id: 't', max_length: 3001 })],
      /between 1 and 3000/,
    ],
    [
      'an initial_value longer than max_length',
      [input({ type: 'plain_text_input', action_id: 't', max_length: 3, initial_value: 'abcd' })],
      /at most max_length/,
    ],
    [
      'a placeholder over 150',
      [
        input({
          type: 'plain_text_input',
          action_id: 't',
          placeholder: { type: 'plain_text', text: 'p'.repeat(151) },
        }),
      ],
      /at most 150/,
    ],
  ])('rejects %s', (_name, blocks, expected) => {
    const problems = validateMessageBlocks(blocks);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('rejects more than 50 blocks in a message but allows 100 in a view', () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(validateMessageBlocks(blocks)).toHaveLength(1);
    expect(validateView({ type: 'home', blocks })).toEqual([]);
    expect(validateView({ type: 'home', blocks: [...blocks, ...blocks] })).toEqual([
      expect.stringMatching(/at most 100 item.*\/view\/blocks\]$/),
    ]);
  });

  it('checks modal-specific rules', () => {
    const plain = (text: string) => ({ type: 'plain_text', text });
    expect(validateView(modal('OK'))).toEqual([]);
    expect(validateView({ type: 'modal', blocks: [] }).join()).toMatch(/title\] ?$|\/view\/title]/);
    expect(validateView(modal('OK', { submit: plain('s'.repeat(25)) })).join()).toMatch(
      /\/view\/submit\/text/,
    );
    expect(validateView(modal('OK', { close: plain('c'.repeat(25)) })).join()).toMatch(/\/view\/close\/text/);
    expect(validateView(modal('OK', { callback_id: 'c'.repeat(256) })).join()).toMatch(/callback_id/);
    expect(validateView(modal('OK', { private_metadata: 'm'.repeat(3001) })).join()).toMatch(
      /private_metadata/,
    );
    const withInput = modal('OK', { blocks: [input({ type: 'plain_text_input', action_id: 't' })] });
    expect(validateView(withInput).join()).toMatch(
      /required when the view contains input blocks \[json-pointer:\/view\/submit\]/,
    );
    expect(validateView({ ...withInput, submit: plain('Send') })).toEqual([]);
    expect(validateView({ type: 'dialog', blocks: [] }).join()).toMatch(/must be one of modal, home/);
  });
});

describe('slack driver', () => {
  it('signs requests with the v0 scheme (Slack documentation vector)', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
      '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
      '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554' +
      '%2F96rGlfmibIGlgcZRskXaIFfN' +
      '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it('produces signatures that node:crypto and Bolt both agree with', () => {
    const body = '{"type":"event_callback"}';
    const ts = Math.floor(Date.now() / 1000);
    const headers = signSlackRequest('s3cret', body, ts);
    const expected = `v0=${createHmac('sha256', 's3cret').update(`v0:${ts}:${body}`).digest('hex')}`;
    expect(headers['x-slack-signature']).toBe(expected);
    expect(() =>
      verifySlackRequest({
        signingSecret: 's3cret',
        body,
        headers: { 'x-slack-signature': headers['x-slack-signature'], 'x-slack-request-timestamp': ts },
      }),
    ).not.toThrow();
  });

  describe('against a real Bolt app', () => {
    const secret = 'driver-test-secret';
    let app: App;
    let server: Server;
    let driver: ReturnType<typeof createSlackDriver>;
    const seen: string[] = [];
    const appErrors: string[] = [];

    beforeEach(async () => {
      seen.length = 0;
      appErrors.length = 0;
      emulator.addUser({ id: 'U1', name: 'ada' });
      app = new App({
        token: 'xoxb-test',
        signingSecret: secret,
        logger: { ...silentLogger, error: (...msg: unknown[]) => appErrors.push(msg.map(String).join(' ')) },
        clientOptions: { slackApiUrl: emulator.url, retryConfig: { retries: 0 }, logger: silentLogger },
      });
      app.command('/kudos', async ({ ack, command, client: web }) => {
        await ack();
        seen.push(`command:${command.text}:${command.channel_name}:${command.user_name}`);
        await web.views.open({ trigger_id: command.trigger_id, view: modal('Give kudos') });
        await web.chat.postMessage({
          channel: command.channel_id,
          text: 'Kudos!',
          blocks: [{ type: 'actions', block_id: 'kb', elements: [button('ack', { value: 'k-1' })] }],
        });
      });
      app.action('ack', async ({ ack, body, respond }) => {
        await ack();
        const action = (body as { actions: { value: string; block_id: string }[] }).actions[0];
        seen.push(`action:${action?.value}:${action?.block_id}`);
        await respond({ text: 'Thanks', replace_original: false });
      });
      app.view('kudos_modal', async ({ ack, view }) => {
        seen.push(`submit:${JSON.stringify(view.state.values)}:${view.id}`);
        await ack({ response_action: 'errors', errors: { b1: 'nope' } });
      });
      app.shortcut('save_kudos', async ({ ack, shortcut }) => {
        await ack();
        seen.push(`shortcut:${shortcut.type}`);
      });
      app.event('app_mention', async ({ event, context }) => {
        seen.push(`mention:${event.text}:${context.retryNum ?? '-'}:${context.retryReason ?? '-'}`);
      });
      server = (await app.start(0)) as Server;
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      driver = createSlackDriver({
        appUrl: `http://127.0.0.1:${address.port}`,
        signingSecret: secret,
        emulator,
      });
    });

    afterEach(async () => {
      await app.stop();
      expect(appErrors).toEqual([]);
    });

    it('drives a slash command, a block action, a view submission, a shortcut and an event', async () => {
      // Bolt verifies the signature, acks; the listener opens a modal with the emulator-issued trigger id.
      const res = await driver.command({
        command: '/kudos',
        text: 'to <@U2>',
        userId: 'U1',
        channelId: 'C9',
      });
      expect(res.status).toBe(200);
      await emulator.waitFor('chat.postMessage');
      expect(emulator.callsTo('views.open')).toMatchObject([
        { ok: true, args: { trigger_id: res.triggerId } },
      ]);
      expect(seen).toContain('command:to <@U2>:c9:ada');

      // The driver finds the button in the message the app posted and reuses its block_id / value.
      const clicked = await driver.blockAction({ userId: 'U1', actionId: 'ack' });
      expect(clicked.status).toBe(200);
      const response = await emulator.waitForResponse();
      expect(response.body).toEqual({ text: 'Thanks', replace_original: false });
      expect(seen).toContain('action:k-1:kb');

      // The submission carries the view the app really opened.
      const values = { b1: { a1: { type: 'plain_text_input', value: 'great' } } };
      const submitted = await driver.viewSubmission({ userId: 'U1', callbackId: 'kudos_modal', values });
      expect(submitted.json()).toEqual({ response_action: 'errors', errors: { b1: 'nope' } });
      expect(seen).toContain(`submit:${JSON.stringify(values)}:${emulator.views[0]?.id}`);

      const shortcut = await driver.shortcut({
        userId: 'U1',
        callbackId: 'save_kudos',
        channelId: 'C9',
        message: { ts: '1700000000.000100', text: 'nice work' },
      });
      expect(shortcut.status).toBe(200);
      expect(seen).toContain('shortcut:message_action');

      const event = await driver.event({
        type: 'app_mention',
        user: 'U1',
        text: '<@U0BOT> hi',
        channel: 'C9',
      });
      expect(event.status).toBe(200);
      expect(event.sent).toMatchObject({
        type: 'event_callback',
        team_id: 'T0TEST',
        event_id: expect.stringMatching(/^Ev/),
      });
      await expect.poll(() => seen).toContain('mention:<@U0BOT> hi:-:-');

      expect(emulator.rejections).toEqual([]);
    });

    it('sends retry headers on redelivered events', async () => {
      const res = await driver.event(
        { type: 'app_mention', text: 'again', user: 'U1', channel: 'C9' },
        { retryNum: 1, eventId: 'Ev0RETRY' },
      );
      expect(res.status).toBe(200);
      expect(res.sent.event_id).toBe('Ev0RETRY');
      await expect.poll(() => seen).toContain('mention:again:1:http_timeout');
    });

    it('is refused by Bolt when unsigned, mis-signed or stale', async () => {
      const body = 'command=%2Fkudos&text=x';
      const unsigned = await driver.raw(body, { 'content-type': 'application/x-www-form-urlencoded' });
      expect(unsigned.status).toBe(401);
      const forged = await driver.raw(body, {
        'content-type': 'application/x-www-form-urlencoded',
        ...signSlackRequest('wrong-secret', body, Math.floor(Date.now() / 1000)),
      });
      expect(forged.status).toBe(401);
      const stale = await driver.post(body, 'application/x-www-form-urlencoded', {
        timestampSec: Math.floor(Date.now() / 1000) - 6 * 60,
      });
      expect(stale.status).toBe(401);
      expect(seen).toEqual([]);
    });

    it('answers url_verification with the challenge', async () => {
      const res = await driver.urlVerification('abc123');
      expect(res.json()).toEqual({ challenge: 'abc123' });
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeTyped } from '../../../src/sandbox/sandbox.js';
import { type SlackEmulator, startSlackEmulator } from '../../../src/sandbox/slack-emulator.js';

const modal = (title: string) => ({
  type: 'modal',
  callback_id: 'cb',
  title: { type: 'plain_text', text: title },
  blocks: [],
});

async function api(emulator: SlackEmulator, method: string, body: Record<string, unknown>) {
  const res = await fetch(`${emulator.url}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-test' },
    body: JSON.stringify(body),
  });
  return res.json() as Promise<{ ok: boolean; view?: { id: string }; ts?: string; error?: string }>;
}

const respond = (url: string, body: Record<string, unknown>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the emulator as a Slack client shows it (clientView)', () => {
  let emulator: SlackEmulator;
  beforeEach(async () => {
    emulator = await startSlackEmulator({ clientView: true });
  });
  afterEach(() => emulator.close());

  it('shows response_url posts: ephemeral to the person, in_channel for all, replacing or deleting the original', async () => {
    await respond(emulator.responseUrl({ channel: 'C1', userId: 'U1' }), { text: 'just you' });
    await respond(emulator.responseUrl({ channel: 'C1', userId: 'U1' }), {
      text: 'everyone',
      response_type: 'in_channel',
    });
    expect(emulator.messages.map((m) => [m.text, m.ephemeralTo])).toEqual([
      ['just you', 'U1'],
      ['everyone', undefined],
    ]);

    const posted = await api(emulator, 'chat.postMessage', { channel: 'C1', text: 'original' });
    const context = { channel: 'C1', userId: 'U1', messageTs: posted.ts as string };
    await respond(emulator.responseUrl(context), { text: 'replaced', replace_original: true });
    expect(emulator.messages.find((m) => m.ts === posted.ts)?.text).toBe('replaced');
    await respond(emulator.responseUrl(context), { delete_original: true });
    expect(emulator.messages.some((m) => m.ts === posted.ts)).toBe(false);
  });

  it('keeps each person’s modal stack: open, push, errors, update, close, clear', async () => {
    const opened = await api(emulator, 'views.open', {
      trigger_id: emulator.issueTriggerId('U1'),
      view: modal('One'),
    });
    const pushed = await api(emulator, 'views.push', {
      trigger_id: emulator.issueTriggerId('U1'),
      view: modal('Two'),
    });
    expect(emulator.modalStack('U1').map((v) => v.title.text)).toEqual(['One', 'Two']);
    expect(emulator.modalStack('U2')).toEqual([]);

    const top = pushed.view?.id as string;
    emulator.resolveModal('U1', top, { response_action: 'errors', errors: { b: 'wrong' } });
    expect(emulator.modalStack('U1')).toHaveLength(2);
    emulator.resolveModal('U1', top, { response_action: 'update', view: modal('Two, updated') });
    expect(emulator.modalStack('U1').map((v) => v.title.text)).toEqual(['One', 'Two, updated']);
    emulator.resolveModal('U1', top);
    expect(emulator.modalStack('U1').map((v) => v.id)).toEqual([opened.view?.id]);
    emulator.resolveModal('U1', opened.view?.id as string, { response_action: 'clear' });
    expect(emulator.modalStack('U1')).toEqual([]);
  });

  it('keeps what people write, and tells listeners about every change', async () => {
    let changes = 0;
    emulator.onChange(() => changes++);
    const ts = emulator.seedMessage({ channel: 'C1', user: 'U1', text: 'hello' });
    expect(emulator.messages).toContainEqual(expect.objectContaining({ ts, user: 'U1', text: 'hello' }));
    await api(emulator, 'chat.postMessage', { channel: 'C1', text: 'hi' });
    expect(changes).toBeGreaterThanOrEqual(2);
  });
});

describe('escapeTyped', () => {
  it('escapes what a person types like Slack’s client: entities, then known @people and #channels', () => {
    expect(escapeTyped('@bob & @nobody <b> in #floor, (#general)')).toBe(
      '<@U0BOB|bob> &amp; @nobody &lt;b&gt; in <#C0FLOOR|floor>, (<#C0GENERAL|general>)',
    );
  });
});

import { expect } from 'vitest';
import type { SlackArgs } from '../../src/sandbox/slack-emulator.js';
import { botTest } from '../support/bot-test.js';
import { decodePng, warmChartRenderer } from '../support/charts.js';
import { describeEachDatabase, wipe } from '../support/databases.js';
import { json, pulseDriver } from '../support/pulse-helpers.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN';
const ANA = 'UANA';
const BEN = 'UBEN';
const CAL = 'UCAL';
const SAM = 'USAM';
const CHANNEL = 'CSUPPORT';
const DIGEST_CHANNEL = 'CGENERAL';
// The test clock starts on Monday 23 November 2026, 09:00 UTC; the workspace zone is UTC.
const DAY = 24 * 3_600_000;

describeEachDatabase('charts in the pulse results and the digest', (db) => {
  const { it, suiteBot } = botTest(db, {
    async setUp(t) {
      await warmChartRenderer();
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      for (const [id, name] of [
        [ANA, 'ana'],
        [BEN, 'ben'],
        [CAL, 'cal'],
        [SAM, 'sam'],
      ] as const)
        t.emulator.addUser({ id, name, locale: 'en-US' });
      t.emulator.addChannel({ id: CHANNEL, name: 'support' });
      t.emulator.addChannel({ id: DIGEST_CHANNEL, name: 'general' });
    },
  });
  it.beforeEach(async ({ t }) => {
    t.logs.length = 0;
  });
  const p = pulseDriver(suiteBot, db, CHANNEL);

  const imagesOf = (blocks: SlackArgs[] | undefined) => (blocks ?? []).filter((b) => b.type === 'image');
  /** The PNG behind an image block, as the bot uploaded it. */
  const pngOf = (image: SlackArgs) => {
    const upload = suiteBot().emulator.uploads.find((u) => u.fileId === image.slack_file?.id);
    if (!upload) throw new Error(`no upload for ${json(image)}`);
    return upload;
  };

  async function runPulse(scores: number[], beforeClose = () => {}) {
    const t = suiteBot();
    await p.command('start', ADMIN);
    const people = [ANA, BEN, CAL, SAM];
    for (const [i, score] of scores.entries()) await p.answer(people[i] as string, { score });
    beforeClose();
    await p.command('close', ADMIN);
    await t.bot.whenIdle();
    const card = await p.card();
    const results = t.emulator.messages.find((m) => m.thread_ts === card.ts);
    if (!results) throw new Error('no results in the thread');
    return results;
  }

  it('draws the trust score spread as an 800 × 400 PNG whose alt text states the figures', async ({ t }) => {
    const results = await runPulse([6, 8, 8]);
    const [image, ...others] = imagesOf(results.blocks);
    expect(others).toEqual([]);
    expect(image?.alt_text).toContain('from 3 answers, average 7.3');
    expect(image?.alt_text).toContain('5: 0, 6: 1, 7: 0, 8: 2, 9: 0, 10: 0');
    const upload = pngOf(image as SlackArgs);
    expect(upload.filename).toBe('trust-score.png');
    expect(decodePng(upload.content)).toMatchObject({ width: 800, height: 400 });
    // Uploaded privately, then shown in the results post: no channel got the bare file.
    const [complete] = t.emulator.callsTo('files.completeUploadExternal');
    expect(complete?.args.channel_id).toBeUndefined();
  });

  it('adds the trend of the channel’s averages from its second pulse with results', async ({ t }) => {
    await runPulse([6, 8, 8]);
    t.clock.advance(7 * DAY);
    const second = await runPulse([9, 9, 10]);
    const [spread, trend] = imagesOf(second.blocks);
    expect(trend?.alt_text).toContain(
      'latest 2 pulses in this channel, oldest first: 23 Nov: 7.3, 30 Nov: 9.3',
    );
    const pictures = [spread, trend].map((image) => pngOf(image as SlackArgs).content);
    expect(pictures[0]?.equals(pictures[1] as Buffer)).toBe(false);
  });

  it('uploads no chart when the results stay hidden below the anonymity threshold', async ({ t }) => {
    const results = await runPulse([6, 8]);
    expect(imagesOf(results.blocks)).toEqual([]);
    expect(json(results.blocks)).toContain('so they stay hidden');
    expect(t.emulator.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(t.emulator.uploads).toEqual([]);
  });

  it('posts the results in text when the upload fails, and logs why', async ({ t }) => {
    t.emulator.failNext('files.getUploadURLExternal', { error: 'internal_error' }, 10);
    const results = await runPulse([6, 8, 8]);
    expect(imagesOf(results.blocks)).toEqual([]);
    expect(json(results.blocks)).toContain(' 8 │');
    expect(t.logs.some((l) => l.msg === 'chart left out: it could not be drawn or uploaded')).toBe(true);
  });

  it('posts the results without the chart when Slack refuses the picture', async ({ t }) => {
    // As Slack answers when a file is still processing: the first results post is refused.
    const results = await runPulse([6, 8, 8], () =>
      t.emulator.failNext('chat.postMessage', { error: 'invalid_blocks' }),
    );
    expect(t.emulator.callsTo('chat.postMessage').filter((c) => c.args.thread_ts)).toHaveLength(2);
    expect(imagesOf(results.blocks)).toEqual([]);
    expect(json(results.blocks)).toContain('average trust score *7.3*');
    expect(t.logs.some((l) => l.msg === 'message refused with its charts: posting it without them')).toBe(
      true,
    );
  });

  it('speaks French in the alt text and the picture of a French workspace', async ({ t }) => {
    await t.bot.deps.workspaces.setLocale(TEST_TEAM, 'fr');
    const results = await runPulse([6, 8, 8]);
    const [image] = imagesOf(results.blocks);
    expect(image?.alt_text).toContain('sur 3 réponses, moyenne 7,3');
    expect(image?.title.text).toBe('Note de confiance : répartition des réponses');
  });

  async function praise(at: Date, text: string) {
    const t = suiteBot();
    t.clock.set(at);
    const res = await t.driver.command({
      command: '/praise',
      text: `<@${SAM}|sam> ${text}`,
      userId: ANA,
    });
    expect(res.status).toBe(200);
    await t.bot.whenIdle();
  }

  async function complaint(at: Date, text: string) {
    const t = suiteBot();
    t.clock.set(at);
    const res = await t.driver.command({ command: '/complaint', text, userId: ANA });
    expect(res.status).toBe(200);
    await t.bot.whenIdle();
  }

  async function postDigest() {
    const t = suiteBot();
    t.clock.set(new Date('2026-11-26T12:00:00Z'));
    await t.driver.command({
      command: '/digest',
      text: 'post',
      userId: ADMIN,
      channelId: DIGEST_CHANNEL,
    });
    return t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === DIGEST_CHANNEL, 10_000);
  }

  it('draws the bank account of the last 8 weeks and this week’s standards in the posted digest', async () => {
    await praise(new Date('2026-11-10T10:00:00Z'), 'Called the customer back within the hour. #same-day');
    await complaint(new Date('2026-11-24T10:00:00Z'), 'A customer waited three days for a refund. #same-day');
    await praise(new Date('2026-11-25T10:00:00Z'), 'Stayed late to rebuild a customer order. #surprise');
    const post = await postDigest();
    const [bank, standards, ...others] = imagesOf(post.args.blocks);
    expect(others).toEqual([]);
    expect(bank?.alt_text).toContain('over the last 8 weeks, oldest first: week of 5 Oct: credits 0');
    expect(bank?.alt_text).toContain('week of 9 Nov: credits 1, debits 0, balance 1');
    expect(bank?.alt_text).toContain('week of 23 Nov: credits 1, debits 1, balance 0');
    expect(standards?.alt_text).toContain('#surprise honoured 1, missed 0');
    expect(standards?.alt_text).toContain('#same-day honoured 0, missed 1');
    for (const image of [bank, standards])
      expect(decodePng(pngOf(image as SlackArgs).content)).toMatchObject({ width: 800, height: 400 });
  });

  it('draws no standards chart when nothing was cited, and no chart for eight empty weeks', async ({ t }) => {
    await praise(new Date('2026-11-24T10:00:00Z'), 'Stayed late to rebuild a customer order.');
    const [bank, ...others] = imagesOf((await postDigest()).args.blocks);
    expect(others).toEqual([]);
    expect(bank?.alt_text).toContain('week of 23 Nov: credits 1');

    await wipe(db());
    t.emulator.reset();
    const empty = await postDigest();
    expect(imagesOf(empty.args.blocks)).toEqual([]);
    expect(t.emulator.uploads).toEqual([]);
  });

  it('posts the digest without charts when the upload fails', async ({ t }) => {
    await praise(new Date('2026-11-24T10:00:00Z'), 'Stayed late to rebuild a customer order. #surprise');
    t.emulator.failNext('files.getUploadURLExternal', { error: 'internal_error' }, 10);
    const post = await postDigest();
    expect(post.ok).toBe(true);
    expect(imagesOf(post.args.blocks)).toEqual([]);
    expect(json(post.args.blocks)).toContain('#surprise');
  });
});

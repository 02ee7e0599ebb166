import { beforeAll, expect } from 'vitest';
import { moments } from '../../src/db/schema.js';
import { validateView } from '../../src/sandbox/block-kit-rules.js';
import type { SlackArgs } from '../../src/sandbox/slack-emulator.js';
import { botTest } from '../support/bot-test.js';
import { decodePng, warmChartRenderer } from '../support/charts.js';
import { describeEachDatabase } from '../support/databases.js';
import { homeTab } from '../support/home-tab.js';
import { TEST_TEAM } from '../support/test-bot.js';

const MEMBER = 'UMEMBER';
const SAM = 'USAM';
const FRENCH = 'UFRENCH';
// The fixture's clock: Monday 23 November 2026, 09:00 UTC (the workspace zone is UTC); the last
// completed week began on 16 November.
const MONDAY = new Date('2026-11-23T09:00:00Z');
const DAY = 24 * 3_600_000;

/**
 * The bot keeps the file ids it uploaded while it runs, keyed by the figures drawn, and each test
 * starts with an emulator that has forgotten every file: each test therefore draws its own figures.
 */
describeEachDatabase('the App Home: the team’s balance trend', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: MEMBER, name: 'mia', locale: 'en-US' });
      t.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-US' });
      t.emulator.addUser({ id: FRENCH, name: 'flo', locale: 'fr-FR' });
    },
  });
  beforeAll(warmChartRenderer);
  it.beforeEach(() => {
    suiteBot().logs.length = 0;
  });

  const { openHome } = homeTab(suiteBot);
  const imageOf = (view: SlackArgs) => {
    const images = (view.blocks as SlackArgs[]).filter((b) => b.type === 'image');
    expect(images.length).toBeLessThanOrEqual(1);
    return images[0];
  };

  /** Stories of past weeks, written as rows: `daysAgo` before Monday 09:00. */
  async function story(kind: 'praise' | 'complaint', impact: 'small' | 'big', daysAgo: number) {
    await db()
      .db.insert(moments)
      .values({
        teamId: TEST_TEAM,
        kind,
        authorId: SAM,
        customerType: 'external',
        touchpoint: 'phone',
        impact,
        story: 'A customer called back about their refund, and we helped them at once.',
        followUpUserId: kind === 'complaint' ? SAM : null,
        source: 'command',
        createdAt: new Date(MONDAY.getTime() - daysAgo * DAY),
      });
  }

  it('shows the last weeks as a picture whose alt text states the figures, uploaded once a week', async ({
    t,
  }) => {
    await story('praise', 'big', 6); // Tuesday 17 November: a credit of 3
    await story('praise', 'small', 5);
    await story('complaint', 'small', 12); // Wednesday 11 November: a debit of 1
    const first = await openHome(MEMBER);
    expect(validateView(first)).toEqual([]);
    const image = imageOf(first);
    expect(image?.alt_text).toContain('over the last 8 weeks');
    expect(image?.alt_text).toContain('week of 16 Nov: credits 4, debits 0, balance 4');
    expect(image?.alt_text).toContain('week of 9 Nov: credits 0, debits 1, balance −1');
    const [upload, ...more] = t.emulator.uploads;
    expect(more).toEqual([]);
    expect(upload?.fileId).toBe(image?.slack_file?.id);
    expect(decodePng(upload?.content as Buffer)).toMatchObject({ width: 800, height: 400 });

    // Opening again, someone else opening, a story logged this week: the same file, no upload.
    const again = await openHome(MEMBER);
    const other = await openHome(SAM);
    await story('praise', 'big', 0);
    const later = await openHome(MEMBER);
    for (const view of [again, other, later]) expect(imageOf(view)).toEqual(image);
    expect(t.emulator.uploads).toHaveLength(1);

    // In French, the picture is drawn and described in French: one more upload, once.
    const french = await openHome(FRENCH);
    expect(validateView(french)).toEqual([]);
    expect(imageOf(french)?.alt_text).toContain('semaine du 16 nov. : crédits 4, débits 0, solde 4');
    await openHome(FRENCH);
    expect(t.emulator.uploads).toHaveLength(2);
  });

  it('publishes the Home without the picture when the upload fails, logs it, and tries again on the next open', async ({
    t,
  }) => {
    await story('complaint', 'big', 3);
    t.emulator.failNext('files.getUploadURLExternal', { error: 'internal_error' });
    const view = await openHome(MEMBER);
    expect(imageOf(view)).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('Emotional bank account');
    expect(t.logs.some((l) => l.msg === 'chart left out: it could not be drawn or uploaded')).toBe(true);
    expect(t.emulator.uploads).toEqual([]);

    const retried = await openHome(MEMBER);
    expect(imageOf(retried)?.alt_text).toContain('week of 16 Nov: credits 0, debits 3, balance −3');
    expect(t.emulator.uploads).toHaveLength(1);
  });

  it('publishes without the picture when Slack refuses it, and uploads it again on the next open', async ({
    t,
  }) => {
    await story('praise', 'small', 4);
    const shown = imageOf(await openHome(MEMBER));
    expect(shown).toBeDefined();
    // What Slack answers to a view naming a file it no longer has (deleted from the workspace).
    t.emulator.failNext('views.publish', { error: 'invalid_arguments' });
    const refused = await openHome(MEMBER);
    expect(imageOf(refused)).toBeUndefined();
    expect(JSON.stringify(refused.blocks)).toContain('Emotional bank account');
    expect(t.logs.some((l) => l.msg === 'message refused with its charts: posting it without them')).toBe(
      true,
    );
    const uploadedAgain = imageOf(await openHome(MEMBER));
    expect(uploadedAgain?.alt_text).toContain('week of 16 Nov: credits 1, debits 0, balance 1');
    expect(uploadedAgain?.slack_file?.id).not.toBe(shown?.slack_file?.id);
    expect(t.emulator.uploads).toHaveLength(2);
  });

  it('draws nothing when the last weeks had no story', async ({ t }) => {
    await story('praise', 'big', 0); // this week only: not a completed week yet
    const view = await openHome(MEMBER);
    expect(imageOf(view)).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('Emotional bank account:* +3');
    expect(t.emulator.uploads).toEqual([]);
  });
});

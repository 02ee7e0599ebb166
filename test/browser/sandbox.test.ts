/**
 * The sandbox as a person uses it: Debian's Chromium (playwright-core, no browser download) on
 * the page the stand-in serves, the real bot behind it. Screenshots go to test-results/sandbox/.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { pageRoutes } from '../../src/sandbox/page-routes.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/sandbox.js';
import { startBot } from '../../src/start-bot.js';

/** CHROMIUM_PATH, or `chromium` / `chromium-browser` found on PATH. */
function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .flatMap((dir) => ['chromium', 'chromium-browser'].map((name) => join(dir, name))),
  ];
  return candidates.find((path) => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join('test-results', 'sandbox');
/** Generous: the bot answers fast, but CI machines are shared. */
const WAIT = { timeout: 60_000 };

const chromiumPath = findChromium();
const runHere = Boolean(chromiumPath) || Boolean(process.env.CI);
if (!runHere) {
  console.log(
    'Browser tests skipped: no Chromium found. Install it (apt-get install chromium) or set CHROMIUM_PATH.',
  );
}

describe.runIf(runHere)('the sandbox in a browser', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (!chromiumPath) {
      throw new Error('CI is set and no Chromium was found: apt-get install chromium, or set CHROMIUM_PATH.');
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'culture-sandbox-browser-'));
    sandbox = await startSandbox({
      env: { DATA_DIR: dataDir, PORT: '0' },
      startBot,
      routes: pageRoutes,
      logger: createLogger('error'),
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(sandbox.url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const actAs = (userId: string) => page.selectOption('#as', userId);
  const open = (label: string) => page.getByRole('button', { name: label, exact: true }).click();
  const timeline = () => page.locator('#timeline');
  async function type(text: string) {
    await page.fill('#message', text);
    await page.press('#message', 'Enter');
  }

  it('logs a praise typed in the message box, escapes the story, and refuses an unknown command like Slack', async () => {
    await actAs('U0SAM');
    await open('# general');
    await page.fill('#message', '/pr');
    await expect(page.locator('#suggestions li').first().textContent()).resolves.toContain('/praise');
    await type(
      '/praise @bob rebuilt a customer order <script>window.pwned = 1</script> before closing #surprise',
    );
    await timeline().getByText('Your praise for @bob is logged').waitFor(WAIT);
    await timeline().getByText('<script>window.pwned = 1</script>', { exact: false }).waitFor(WAIT);
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.inputValue('#message')).resolves.toBe('');

    await type('/foo do something');
    await page.getByText('/foo is not a valid command').waitFor(WAIT);
    await expect(page.inputValue('#message')).resolves.toBe('/foo do something');
    await shot('1-praise');
    await page.fill('#message', '');

    await actAs('U0BOB');
    await open('culture (app)');
    await timeline().getByText('logged a praise story about you').waitFor(WAIT);
    await shot('2-bob-dm');
  });

  it('praises by reaction: the emoji button on a person’s message logs the moment and DMs the colleague', async () => {
    await actAs('U0SAM');
    await open('# support');
    await type('@bob called the customer back the same day and fixed the delivery');
    // Sam's own message, the first that quotes the story: the bot's confirmation to the reactor
    // quotes it too, and may arrive before the reaction count is drawn.
    const message = timeline().locator('.message', { hasText: 'fixed the delivery' }).first();
    await message.waitFor(WAIT);
    await actAs('U0ALEX');
    await open('# support');
    // The message's actions show on hover, as in Slack.
    await message.hover();
    await message.getByRole('button', { name: 'React with :star2:' }).click();
    await message.getByText(':star2: 1').waitFor(WAIT);
    await shot('2b-reaction');
    await actAs('U0BOB');
    await open('culture (app)');
    await timeline().getByText('fixed the delivery').first().waitFor(WAIT);
  }, 120_000);

  it('runs a pulse: the manager starts it, three people answer in the modal, it closes with results in the thread', async () => {
    await actAs('U0MORGAN');
    await open('# support');
    await type('/pulse start');
    const answer = timeline().getByRole('button', { name: 'Answer' });
    await answer.waitFor(WAIT);

    const answers: [string, string][] = [
      ['U0ALEX', '8'],
      ['U0BOB', '6'],
      ['U0SAM', '9'],
    ];
    for (const [person, score] of answers) {
      await actAs(person);
      await timeline().getByRole('button', { name: 'Answer' }).click();
      const modal = page.locator('.modal');
      await modal.waitFor(WAIT);
      if (person === 'U0ALEX') {
        // The score is required: the bot's field error shows under the field, the form stays open.
        await modal.locator('.modal-foot .submit').click();
        await modal.locator('[data-block-id="pulse_score"] .bk-error').waitFor(WAIT);
        await shot('3-pulse-field-error');
      }
      await modal.locator('[data-block-id="pulse_score"] select').selectOption(score);
      await modal.locator('[data-block-id="pulse_vision"] .bk-input').fill('Customer first, every day.');
      await modal.locator('.modal-foot .submit').click();
      // The bot answers the submission with a thank-you view; closing it closes the modal.
      await modal.locator('.modal-foot button:not(.submit)').click();
      await modal.waitFor({ state: 'detached', ...WAIT });
    }

    await actAs('U0MORGAN');
    await type('/pulse close');
    const replies = timeline().getByRole('button', { name: /repl/ });
    await replies.first().waitFor(WAIT);
    await replies.first().click();
    await page.locator('#thread').getByText('Pulse results').first().waitFor(WAIT);
    await shot('4-pulse-results');
  });

  it('answers the French member in French', async () => {
    await actAs('U0CHLOE');
    await open('# floor');
    await type('/praise @sam a pris le temps d’expliquer la garantie à une cliente #human');
    await timeline().getByText('Votre éloge pour @sam est noté').waitFor(WAIT);
    await shot('5-french');
  });

  it('fills a sample week, jumps to Monday 09:00 and shows the digest in #general', async () => {
    await actAs('U0ALEX');
    const filled = page.waitForResponse((r) => r.url().endsWith('/sandbox/seed'), { timeout: 240_000 });
    await page.getByRole('button', { name: 'Fill a sample week' }).click();
    await expect((await filled).json()).resolves.toEqual({ ok: true });
    await page.getByRole('button', { name: 'Jump to next Monday 09:00' }).click();
    await open('# general');
    await timeline().getByText('Weekly digest').last().waitFor(WAIT);
    await expect(page.locator('#clock').textContent()).resolves.toMatch(/Monday.*09:00/);
    await shot('6-digest');
  }, 300_000);

  it('shows each sample person their own Home tab, in their language, with the team’s chart', async () => {
    // The tab as drawn after the last switch: the page redraws it from the new person's state.
    const home = page.locator('#timeline .home:not([data-earlier])');
    const count = (text: string) => home.getByText(text, { exact: true }).count();
    /** The tab shown for `userId`: the page re-sends app_home_opened as Slack does, and redraws. */
    async function homeOf(userId: string, shows: string, hides: string[]) {
      if (userId !== 'U0ALEX') {
        await home.evaluate((el) => el.setAttribute('data-earlier', ''));
        await actAs(userId);
      }
      await expect
        .poll(async () => [await count(shows), ...(await Promise.all(hides.map(count)))], WAIT)
        .toEqual([1, ...hides.map(() => 0)]);
      // The chart of the sample week (now last week), uploaded by the bot and served by the stand-in.
      await expect
        .poll(
          () =>
            home
              .locator('figure img')
              .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
          WAIT,
        )
        .toBe(800);
    }
    await actAs('U0ALEX');
    await open('culture: Home');
    await homeOf('U0ALEX', 'Settings (admins)', []);
    for (const part of ['For managers', 'Vision lines', 'Service standards', 'Reaction emoji'])
      await expect(home.getByText(part, { exact: false }).first().isVisible()).resolves.toBe(true);
    await shot('7-home-alex');
    await homeOf('U0MORGAN', 'For managers', ['Settings (admins)']);
    await shot('7-home-morgan');
    await homeOf('U0CHLOE', 'Culture du service', ['Service culture', 'For managers']);
    await shot('7-home-chloe');
    await homeOf('U0SAM', 'Service culture', ['Culture du service', 'For managers']);
    // The README's picture: a member's whole Home, chart included.
    await homeOf('U0BOB', 'Service culture', ['For managers']);
    await page.setViewportSize({ width: 1280, height: 1400 });
    await shot('7-home-bob');
    await page.setViewportSize({ width: 1280, height: 860 });
  }, 120_000);
});

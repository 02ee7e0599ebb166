import { asc } from 'drizzle-orm';
import { expect } from 'vitest';
import { standards } from '../../src/db/schema.js';
import { validateView } from '../../src/sandbox/block-kit-rules.js';
import { BLOCKS, VIEWS } from '../../src/slack/ids.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { homeTab, viewText } from '../support/home-tab.js';
import { TEST_TEAM } from '../support/test-bot.js';

const MEMBER = 'UMEMBER';
const ADMIN = 'UADMIN'; // a Slack workspace admin: admin of the bot without a grant
const FRENCH_ADMIN = 'UFRADMIN';

const typed = (value: string | null) => ({ type: 'plain_text_input', value });
const standardValues = (v: { tag?: string; description?: string; position?: string }) => ({
  ...(v.tag !== undefined ? { [BLOCKS.homeStandardTag]: { [BLOCKS.homeStandardTag]: typed(v.tag) } } : {}),
  ...(v.description !== undefined
    ? { [BLOCKS.homeStandardDescription]: { [BLOCKS.homeStandardDescription]: typed(v.description) } }
    : {}),
  ...(v.position !== undefined
    ? {
        [BLOCKS.homeStandardPosition]: {
          [BLOCKS.homeStandardPosition]: { type: 'static_select', selected_option: { value: v.position } },
        },
      }
    : {}),
});
const reactionValues = (praise: string, complaint: string) => ({
  [BLOCKS.homeReactionPraise]: { [BLOCKS.homeReactionPraise]: typed(praise) },
  [BLOCKS.homeReactionComplaint]: { [BLOCKS.homeReactionComplaint]: typed(complaint) },
});

describeEachDatabase('the App Home: standards and reaction emoji', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: MEMBER, name: 'mia', locale: 'en-US' });
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: FRENCH_ADMIN, name: 'flo', is_admin: true, locale: 'fr-FR' });
    },
  });

  const { home, openHome, click } = homeTab(suiteBot);
  const rows = () => db().db.select().from(standards).orderBy(asc(standards.position));
  const active = async () => (await rows()).filter((r) => r.archivedAt === null).map((r) => r.tag);
  const opened = (calls: Awaited<ReturnType<typeof click>>) => {
    const view = calls.find((c) => c.method === 'views.open')?.args.view;
    if (!view) throw new Error('no modal opened');
    expect(validateView(view)).toEqual([]);
    return view;
  };
  const submit = async (
    callbackId: string,
    values: Record<string, Record<string, unknown>>,
    userId = ADMIN,
  ) => {
    const res = await suiteBot().driver.viewSubmission({ userId, callbackId, values });
    await suiteBot().bot.whenIdle();
    expect(res.status).toBe(200);
    // An accepted form is acknowledged with an empty body: the modal closes.
    return (res.body ? res.json() : null) as {
      response_action?: string;
      errors?: Record<string, string>;
    } | null;
  };

  it('shows admins the standards with their counts, and members nothing of it', async () => {
    const member = await openHome(MEMBER);
    expect(viewText(member)).not.toContain('Service standards');
    expect(viewText(member)).not.toContain('Reaction emoji');

    const admin = await openHome(ADMIN);
    const shown = viewText(admin);
    expect(shown).toContain('*Service standards* (6 of 12)');
    expect(shown).toContain('1. *#same-day* · Every customer hears back from us the same day.');
    expect(shown).toContain('honoured 0 · missed 0');
    expect(shown).toContain('*Reaction emoji:* :star2: logs a praise · :bulb: a complaint');

    const french = await openHome(FRENCH_ADMIN);
    expect(viewText(french)).toContain('*Standards de service* (6 sur 12)');
    expect(viewText(french)).toContain('*Emoji de réaction :*');
    expect(validateView(french)).toEqual([]);
  });

  it('adds a standard with a form that explains a wrong tag or line and keeps the rest', async () => {
    await openHome(ADMIN);
    const form = opened(await click(ADMIN, 'home_standard_add'));
    expect(form.callback_id).toBe(VIEWS.homeStandard);

    const wrongTag = await submit(
      VIEWS.homeStandard,
      standardValues({ tag: 'Call Back!', description: 'We call back within the hour we promised.' }),
    );
    expect(wrongTag).toEqual({
      response_action: 'errors',
      errors: { [BLOCKS.homeStandardTag]: expect.stringContaining('lowercase letters') },
    });
    const long = await submit(
      VIEWS.homeStandard,
      standardValues({ tag: 'call-back', description: 'x'.repeat(151) }),
    );
    expect(long?.errors?.[BLOCKS.homeStandardDescription]).toContain('151 characters');
    const duplicate = await submit(
      VIEWS.homeStandard,
      standardValues({ tag: '#Same-Day', description: 'Again the same day.' }),
    );
    expect(duplicate?.errors?.[BLOCKS.homeStandardTag]).toContain('#same-day is already a standard');
    expect(await active()).toHaveLength(6);

    expect(
      await submit(
        VIEWS.homeStandard,
        standardValues({ tag: 'call-back', description: 'We call back within the hour we promised.' }),
      ),
    ).toBeNull();
    expect(await active()).toEqual([
      'same-day',
      'follow-up',
      'own-it',
      'surprise',
      'human',
      'share',
      'call-back',
    ]);
    expect(viewText(home(ADMIN))).toContain('Added standard 7: *#call-back*');
    expect(viewText(home(ADMIN))).toContain('(7 of 12)');
  });

  it('edits, moves, archives and restores a standard from its menu', async () => {
    await openHome(ADMIN);
    const edit = opened(await click(ADMIN, 'home_standard', 'edit:own-it'));
    expect(JSON.stringify(edit.blocks)).toContain('Whoever hears of a problem owns it');
    const empty = await submit(VIEWS.homeStandard, standardValues({ description: '   ' }));
    expect(empty?.errors?.[BLOCKS.homeStandardDescription]).toContain('Write the standard');
    await submit(VIEWS.homeStandard, standardValues({ description: 'We own every problem we hear of.' }));
    const [ownIt] = (await rows()).filter((r) => r.tag === 'own-it');
    expect(ownIt?.description).toBe('We own every problem we hear of.');
    expect(viewText(home(ADMIN))).toContain('*#own-it* now reads: We own every problem we hear of.');

    const move = opened(await click(ADMIN, 'home_standard', 'move:own-it'));
    expect(JSON.stringify(move.blocks)).toContain('"initial_option":{"text":{"type":"plain_text","text":"3"');
    await submit(VIEWS.homeStandard, standardValues({ position: '1' }));
    expect(await active()).toEqual(['own-it', 'same-day', 'follow-up', 'surprise', 'human', 'share']);
    expect(viewText(home(ADMIN))).toContain('*#own-it* is now standard 1.');
    const outOfRange = await submit(VIEWS.homeStandard, standardValues({ position: '9' }));
    expect(outOfRange?.errors?.[BLOCKS.homeStandardPosition]).toContain('between 1 and 6');

    await click(ADMIN, 'home_standard', 'archive:surprise');
    expect(await active()).toEqual(['own-it', 'same-day', 'follow-up', 'human', 'share']);
    expect(viewText(home(ADMIN))).toContain('*#surprise* is archived');
    expect(viewText(home(ADMIN))).toContain('Archived: #surprise.');
    // An archived tag is not added again: the form says to restore it.
    await click(ADMIN, 'home_standard_add');
    const again = await submit(
      VIEWS.homeStandard,
      standardValues({ tag: 'surprise', description: 'Surprise them.' }),
    );
    expect(again?.errors?.[BLOCKS.homeStandardTag]).toContain('archived standard');

    await click(ADMIN, 'home_standard_restore', 'surprise');
    expect(await active()).toEqual(['own-it', 'same-day', 'follow-up', 'human', 'share', 'surprise']);
    expect(viewText(home(ADMIN))).toContain('*#surprise* is back, as standard 6.');
  });

  it('says so when the standard was archived meanwhile', async ({ t }) => {
    const stale = await openHome(ADMIN);
    await t.bot.deps.standards.archive(TEST_TEAM, ADMIN, 'human', t.clock.now());
    const calls = await click(ADMIN, 'home_standard', 'edit:human', stale);
    expect(calls.some((c) => c.method === 'views.open')).toBe(false);
    expect(viewText(home(ADMIN))).toContain('deleted or changed meanwhile');
  });

  it('refuses forged standard changes from a member, changing nothing and saying why', async ({ t }) => {
    const admin = await openHome(ADMIN);
    await openHome(MEMBER);
    const before = await rows();
    const opens = t.emulator.callsTo('views.open').length;
    await click(MEMBER, 'home_standard_add', undefined, admin);
    await click(MEMBER, 'home_standard', 'edit:same-day', admin);
    await click(MEMBER, 'home_standard', 'move:same-day', admin);
    expect(t.emulator.callsTo('views.open')).toHaveLength(opens);
    await click(MEMBER, 'home_standard', 'archive:same-day', admin);
    expect(viewText(home(MEMBER))).toContain('Only admins can do that. Nothing was changed.');
    // Submissions as if the modals had been opened.
    for (const [metadata, values] of [
      [{ action: 'add' }, standardValues({ tag: 'forged', description: 'A forged standard.' })],
      [{ action: 'edit', tag: 'same-day' }, standardValues({ description: 'Forged words.' })],
      [{ action: 'move', tag: 'share' }, standardValues({ position: '1' })],
    ] as const) {
      const res = await t.driver.viewSubmission({
        userId: MEMBER,
        callbackId: VIEWS.homeStandard,
        privateMetadata: JSON.stringify({ home: true, standard: metadata }),
        values,
      });
      expect(res.status).toBe(200);
      await t.bot.whenIdle();
    }
    await t.bot.deps.standards.archive(TEST_TEAM, ADMIN, 'share', t.clock.now());
    const archived = await rows();
    await click(MEMBER, 'home_standard_restore', 'share', await openHome(ADMIN));
    expect(await rows()).toEqual(archived);
    expect(archived.filter((r) => r.tag !== 'share')).toEqual(before.filter((r) => r.tag !== 'share'));
    expect(viewText(home(MEMBER))).toContain('Only admins can do that.');
  });

  it('changes the reaction emoji with a form, as /culture reactions does', async ({ t }) => {
    await openHome(ADMIN);
    const form = opened(await click(ADMIN, 'home_reactions'));
    expect(form.callback_id).toBe(VIEWS.homeReactions);
    expect(JSON.stringify(form.blocks)).toContain('"initial_value":":star2:"');

    const wrong = await submit(VIEWS.homeReactions, reactionValues('clap hands', ':bulb:'));
    expect(wrong).toEqual({
      response_action: 'errors',
      errors: { [BLOCKS.homeReactionPraise]: expect.stringContaining('not an emoji name') },
    });
    const same = await submit(VIEWS.homeReactions, reactionValues(':bulb:', 'bulb'));
    expect(same?.errors?.[BLOCKS.homeReactionComplaint]).toContain('two different emoji');
    expect(await t.bot.deps.reactionSettings.get(TEST_TEAM)).toEqual({ praise: 'star2', complaint: 'bulb' });

    expect(await submit(VIEWS.homeReactions, reactionValues(':clap:', 'mag'))).toBeNull();
    expect(await t.bot.deps.reactionSettings.get(TEST_TEAM)).toEqual({ praise: 'clap', complaint: 'mag' });
    expect(viewText(home(ADMIN))).toContain('From now on :clap: logs a praise');
    expect(viewText(home(ADMIN))).toContain('*Reaction emoji:* :clap: logs a praise · :mag: a complaint');

    // A member's forged button and submission change nothing.
    const opens = t.emulator.callsTo('views.open').length;
    await openHome(MEMBER);
    await click(MEMBER, 'home_reactions', undefined, home(ADMIN));
    expect(t.emulator.callsTo('views.open')).toHaveLength(opens);
    await t.driver.viewSubmission({
      userId: MEMBER,
      callbackId: VIEWS.homeReactions,
      privateMetadata: JSON.stringify({ home: true }),
      values: reactionValues('thumbsdown', 'bulb'),
    });
    await t.bot.whenIdle();
    expect(await t.bot.deps.reactionSettings.get(TEST_TEAM)).toEqual({ praise: 'clap', complaint: 'mag' });
    expect(viewText(home(MEMBER))).toContain('Only admins can do that.');
  });
});

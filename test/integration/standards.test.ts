import { asc, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { standards } from '../../src/db/schema.js';
import type { MomentDraft } from '../../src/domain/moments/moment.js';
import { ACTIONS, BLOCKS, VIEWS } from '../../src/slack/ids.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase, wipe } from '../support/databases.js';
import { lessonModalValues, momentModalValues } from '../support/moment-values.js';
import { channelPosts, command } from '../support/scheduling.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN';
const MEMBER = 'UMEMBER';
const SAM = 'USAM';
const FRANCK = 'UFRANCK'; // a French-speaking admin
const SAME_DAY_CHANNEL = 'C0SAMEDAY';
const DAY = 86_400_000;
// The test clock starts on Monday 2026-11-23 09:00 UTC; the workspace zone is UTC.
const THIS_WEEK = new Date('2026-11-24T10:00:00Z');
const LAST_WEEK = new Date('2026-11-17T10:00:00Z');
const TWO_WEEKS_AGO = new Date('2026-11-10T10:00:00Z');
const THREE_WEEKS_AGO = new Date('2026-11-03T10:00:00Z');

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: unknown[];
  element?: unknown;
};

describeEachDatabase('service standards', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: MEMBER, name: 'max', locale: 'en-GB' });
      t.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-GB' });
      t.emulator.addUser({ id: FRANCK, name: 'franck', is_admin: true, locale: 'fr-FR' });
      t.emulator.addChannel({ id: SAME_DAY_CHANNEL, name: 'same-day' });
    },
  });

  const culture = async (userId: string, text: string) =>
    (await command(suiteBot(), userId, '/culture', text)).body;
  const blocksText = (body: { blocks: unknown[] }) => JSON.stringify(body.blocks);
  const rows = () =>
    db()
      .db.select({
        tag: standards.tag,
        description: standards.description,
        position: standards.position,
        archived: standards.archivedAt,
      })
      .from(standards)
      .where(eq(standards.teamId, TEST_TEAM))
      .orderBy(asc(standards.id));
  const citedBy = async (momentId: string) =>
    (await suiteBot().bot.deps.moments.get(TEST_TEAM, momentId))?.standards;
  const latestMoments = async () => {
    const { moments } = await import('../../src/db/schema.js');
    return db().db.select().from(moments).orderBy(asc(moments.createdAt));
  };

  /** Logs a moment through the domain path every entry point uses, at a given time. */
  async function log(kind: 'praise' | 'complaint', story: string, at: Date, more: Partial<MomentDraft> = {}) {
    const draft: MomentDraft = {
      kind,
      colleagueIds: kind === 'praise' ? [SAM] : [],
      customerType: 'external',
      touchpoint: 'phone',
      impact: 'small',
      story,
      ...more,
    };
    const logged = await suiteBot().bot.deps.moments.log(TEST_TEAM, MEMBER, draft, { source: 'command' }, at);
    if (!logged.ok) throw new Error(`not logged: ${JSON.stringify(logged.problem)}`);
    return logged.value.moment;
  }

  describe('the list', () => {
    it('starts a new workspace with the six defaults in its language, with their last four weeks', async ({
      t,
    }) => {
      const body = await culture(MEMBER, 'standards');
      expect(body.text).toBe('Our service standards');
      const text = blocksText(body);
      expect(text).toContain('1. *#same-day* · Every customer hears back from us the same day.');
      expect(text).toContain(
        '6. *#share* · Share what you learn about a customer with the team, on the spot.',
      );
      expect(text).toContain('_honoured 0 · missed 0_');
      // Members are not shown the admin commands.
      expect(text).not.toContain('Admins:');
      expect((await rows()).map((r) => r.tag)).toEqual([
        'same-day',
        'follow-up',
        'own-it',
        'surprise',
        'human',
        'share',
      ]);

      // A workspace that speaks French gets them in French.
      await wipe(db());
      await t.bot.deps.workspaces.setLocale(TEST_TEAM, 'fr');
      const fr = await culture(FRANCK, 'standards');
      expect(fr.text).toBe('Nos standards de service');
      expect(blocksText(fr)).toContain(
        '1. *#same-day* · Chaque client reçoit une réponse de notre part dans la journée.',
      );
      expect(blocksText(fr)).toContain('_respecté 0 · manqué 0_');
      expect(blocksText(fr)).toContain('Admins : `/culture standard add');
      expect((await rows())[1]?.description).toBe(
        'Après chaque solution, nous vérifions auprès du client qu’il est satisfait.',
      );
    });

    it('counts praise as honoured and complaints as missed over the last four weeks only', async ({ t }) => {
      const now = t.clock.now();
      await log('praise', 'Drove the parcel over herself. #own-it', new Date(now.getTime() - 2 * DAY));
      await log('complaint', 'Nobody called back. #same-day #Own-It', new Date(now.getTime() - 3 * DAY));
      await log('complaint', 'Waited a week. #same-day', new Date(now.getTime() - 27 * DAY));
      await log('complaint', 'Too long ago to count. #same-day', new Date(now.getTime() - 29 * DAY));
      const text = blocksText(await culture(ADMIN, 'standards'));
      expect(text).toContain(
        '1. *#same-day* · Every customer hears back from us the same day.\\n      _honoured 0 · missed 2_',
      );
      expect(text).toContain('_honoured 1 · missed 1_');
      expect(text).toContain('Admins: `/culture standard add');
    });
  });

  describe('managing (admins)', () => {
    it('adds, edits, moves, removes and restores a standard, positions following', async ({ t }) => {
      let body = await culture(ADMIN, 'standard add Call-Back We call back within the hour we promised.');
      expect(body.text).toContain(
        'Added standard 7: *#call-back* · We call back within the hour we promised.',
      );

      body = await culture(ADMIN, 'standard edit #call-back We call back within the hour, every time.');
      expect(body.text).toBe('*#call-back* now reads: We call back within the hour, every time.');

      body = await culture(ADMIN, 'standard move call-back 1');
      expect(body.text).toContain('*#call-back* is now standard 1.');
      let list = blocksText(await culture(ADMIN, 'standards'));
      expect(list).toContain('1. *#call-back* · We call back within the hour, every time.');
      expect(list).toContain('2. *#same-day*');
      expect(list).toContain('7. *#share*');

      body = await culture(ADMIN, 'standard remove surprise');
      expect(body.text).toContain('*#surprise* is archived');
      list = blocksText(await culture(ADMIN, 'standards'));
      expect(list).not.toContain('*#surprise*');
      expect(list).toContain('6. *#share*');
      expect(list).toContain('Archived: #surprise.');

      // Adding an archived tag asks to restore it instead; the button is re-checked on the server.
      body = await culture(ADMIN, 'standard add surprise Something new entirely.');
      expect(body.text).toContain('*#surprise* was a standard and is archived');
      const button = (body.blocks as Block[]).find((b) => b.type === 'actions')?.elements?.[0] as {
        action_id: string;
        value: string;
      };
      expect(button.action_id).toBe(ACTIONS.standardRestore);
      await t.driver.blockAction({ userId: MEMBER, actionId: ACTIONS.standardRestore, value: button.value });
      expect((await t.emulator.waitForResponse((r) => r.body.text?.startsWith('Sorry'))).body.text).toBe(
        'Sorry, only admins can do that.',
      );
      expect((await rows()).find((r) => r.tag === 'surprise')?.archived).toBeInstanceOf(Date);
      await t.driver.blockAction({ userId: ADMIN, actionId: ACTIONS.standardRestore, value: button.value });
      expect((await t.emulator.waitForResponse((r) => r.body.text?.includes('is back'))).body.text).toBe(
        '*#surprise* is back, as standard 7.',
      );
      const surprise = (await rows()).find((r) => r.tag === 'surprise');
      expect(surprise).toMatchObject({
        archived: null,
        position: 7,
        description: 'Give the customer something extra they did not expect.',
      });

      // The subcommand does the same.
      await culture(ADMIN, 'standard remove human');
      expect((await culture(ADMIN, 'standard restore #human')).text).toBe('*#human* is back, as standard 7.');
    });

    it('refuses each bad change with its reason, gives the text back and leaves the list unchanged', async () => {
      await culture(ADMIN, 'standards');
      const before = await rows();
      const refusals: [string, string, string][] = [
        [MEMBER, 'standard add call-back We call back.', 'Sorry, only admins can do that.'],
        [MEMBER, 'standard edit same-day Whenever.', 'Sorry, only admins can do that.'],
        [MEMBER, 'standard move same-day 2', 'Sorry, only admins can do that.'],
        [MEMBER, 'standard remove same-day', 'Sorry, only admins can do that.'],
        [ADMIN, 'standard add café Coffee for every customer.', 'A tag uses only lowercase letters'],
        [ADMIN, 'standard add no_way Underscores are not allowed.', 'A tag uses only lowercase letters'],
        [ADMIN, `standard add ${'x'.repeat(25)} Too long a tag.`, 'A tag has at most 24 characters.'],
        [ADMIN, 'standard add x Too short a tag.', 'A tag has at least 2 characters'],
        [ADMIN, 'standard add 2024 Digits only.', 'A tag cannot be digits only'],
        [ADMIN, 'standard add same-day Again.', '*#same-day* is already a standard.'],
        [ADMIN, `standard add long ${'y'.repeat(151)}`, 'The description is 151 characters long'],
        [ADMIN, 'standard add lonely', 'Write the standard after the tag, in one line.'],
        [
          ADMIN,
          'standard edit nope Whatever.',
          'There is no active standard `nope`. The standards are: #same-day',
        ],
        [ADMIN, 'standard move same-day 9', 'Give a position between 1 and 6.'],
        [ADMIN, 'standard frobnicate', 'Usage: `/culture standard add <tag> <description>`'],
      ];
      for (const [user, text, expected] of refusals) {
        const body = await culture(user, text);
        expect(body.text, text).toContain(expected);
        if (user === ADMIN)
          expect(blocksText(body), text).toContain(text.split(' ').slice(2).join(' ').slice(0, 20));
      }
      expect(await rows()).toEqual(before);

      // Twelve at most.
      for (let i = 7; i <= 12; i += 1)
        await culture(ADMIN, `standard add extra-${i} Extra standard number ${i}.`);
      expect((await culture(ADMIN, 'standard add thirteen One too many.')).text).toContain(
        'already has 12 standards',
      );
      expect(await rows()).toHaveLength(12);
    });

    it('keeps the citation of an archived standard: old digests still name it, new stories cannot cite it', async ({
      t,
    }) => {
      const praise = await log('praise', 'Stayed late for the customer. #own-it', THIS_WEEK);
      await culture(ADMIN, 'standard remove own-it');
      expect(await citedBy(praise.id)).toEqual(['own-it']);
      const digest = blocksText((await command(t, MEMBER, '/digest', 'preview')).body);
      expect(digest).toContain('• *#own-it* · honoured 1 · missed 0');
      const reply = (await command(t, MEMBER, '/praise', `<@${SAM}> Fixed it at once. #own-it`)).body;
      expect(reply.text).toContain('I don’t know `#own-it`: nothing was logged.');
    });
  });

  describe('citing', () => {
    it('cites #tags of a /praise or /complaint story, any case, and names them in the confirmation', async ({
      t,
    }) => {
      const praise = (
        await command(
          t,
          MEMBER,
          '/praise',
          `<@${SAM}> Drove the order over before closing. #Surprise #own-it`,
        )
      ).body;
      expect(blocksText(praise)).toContain('Honours #own-it, #surprise');
      const complaint = (
        await command(t, MEMBER, '/complaint', 'Order #4521 waited two days for a reply. #same-day')
      ).body;
      expect(blocksText(complaint)).toContain('Missed #same-day');
      const [first, second] = await latestMoments();
      expect(await citedBy(first?.id ?? '')).toEqual(['own-it', 'surprise']);
      expect(await citedBy(second?.id ?? '')).toEqual(['same-day']);
    });

    it('counts the channel link Slack makes of #same-day as that tag, and other channels as channels', async ({
      t,
    }) => {
      await command(
        t,
        MEMBER,
        '/complaint',
        `The customer heard nothing until Friday <#${SAME_DAY_CHANNEL}|same-day>, see <#C0GENERAL|general>.`,
      );
      const [moment] = await latestMoments();
      expect(await citedBy(moment?.id ?? '')).toEqual(['same-day']);
    });

    it('refuses an unknown #tag: nothing stored, the tag named, the valid ones listed, the text back, the form one click away', async ({
      t,
    }) => {
      const typed = `<@${SAM}> Rebuilt order #42 after https://shop.example/help#own-it failed. #custmer-first #surprise \`#code\``;
      const reply = (await command(t, MEMBER, '/praise', typed)).body;
      expect(reply.text).toBe(
        'I don’t know `#custmer-first`: nothing was logged. The standards you can cite are #same-day, #follow-up, ' +
          '#own-it, #surprise, #human, #share. Fix the tag and send it again, or choose the standards in the form.',
      );
      expect(blocksText(reply)).toContain('Rebuilt order #42 after https://shop.example/help#own-it failed.');
      expect(await latestMoments()).toEqual([]);

      const button = (reply.blocks as Block[]).find((b) => b.type === 'actions')?.elements?.[0] as {
        action_id: string;
        value: string;
      };
      expect(button.action_id).toBe(ACTIONS.momentChooseStandards);
      await t.driver.blockAction({
        userId: MEMBER,
        actionId: ACTIONS.momentChooseStandards,
        value: button.value,
      });
      const opened = await t.emulator.waitFor('views.open');
      expect(opened.ok).toBe(true);
      const view = opened.args.view as { callback_id: string; blocks: Block[] };
      expect(view.callback_id).toBe(VIEWS.momentModal);
      expect(JSON.stringify(view)).toContain('Rebuilt order #42');
      const picker = view.blocks.find((b) => b.block_id === BLOCKS.momentStandards)?.element as {
        initial_options: { value: string }[];
        options: { value: string }[];
      };
      expect(picker.options.map((o) => o.value)).toHaveLength(6);
      expect(picker.initial_options.map((o) => o.value)).toEqual(['surprise']);

      // Submitting the typo again is shown under the story; fixed, it is logged with what was picked.
      const base = { kind: 'praise' as const, colleagues: [SAM], standards: ['surprise', 'human'] };
      const again = await t.driver.viewSubmission({
        userId: MEMBER,
        callbackId: VIEWS.momentModal,
        values: momentModalValues({ ...base, story: 'Rebuilt order #42. #custmer-first' }),
      });
      expect(again.json()).toMatchObject({
        response_action: 'errors',
        errors: { [BLOCKS.momentStory]: expect.stringContaining('Unknown standard `#custmer-first`') },
      });
      expect(await latestMoments()).toEqual([]);
      const fixed = await t.driver.viewSubmission({
        userId: MEMBER,
        callbackId: VIEWS.momentModal,
        values: momentModalValues({ ...base, story: 'Rebuilt order #42 at once. #same-day' }),
      });
      expect(fixed.status).toBe(200);
      await t.emulator.waitFor('chat.postEphemeral', (c) =>
        JSON.stringify(c.args.blocks).includes('Honours'),
      );
      const [moment] = await latestMoments();
      expect(await citedBy(moment?.id ?? '')).toEqual(['same-day', 'surprise', 'human']);
    });

    it('offers the standards in the /moment form, preselected from the text, and cites a lesson’s tags', async ({
      t,
    }) => {
      await t.driver.command({ command: '/moment', text: 'The customer waited. #follow-up', userId: MEMBER });
      const opened = await t.emulator.waitFor('views.open');
      const picker = (opened.args.view.blocks as Block[]).find((b) => b.block_id === BLOCKS.momentStandards)
        ?.element as { initial_options: { value: string }[] };
      expect(picker.initial_options.map((o) => o.value)).toEqual(['follow-up']);

      const lessonTypo = await t.driver.viewSubmission({
        userId: MEMBER,
        callbackId: VIEWS.momentModal,
        values: momentModalValues({
          kind: 'complaint',
          story: 'The customer waited a week for the refund.',
          lesson: 'Refunds now go out the same day. #sameday',
        }),
      });
      expect(Object.keys(lessonTypo.json().errors)).toEqual([BLOCKS.momentLesson]);

      await t.driver.viewSubmission({
        userId: MEMBER,
        callbackId: VIEWS.momentModal,
        values: momentModalValues({
          kind: 'complaint',
          story: 'The customer waited a week for the refund.',
          lesson: 'Refunds now go out the same day. #same-day',
          standards: ['follow-up'],
        }),
      });
      await t.emulator.waitFor('chat.postEphemeral');
      const [moment] = await latestMoments();
      expect(await citedBy(moment?.id ?? '')).toEqual(['same-day', 'follow-up']);
    });
  });

  describe('the lesson', () => {
    it('cites the lesson’s #tags on top of the story’s, and shows an unknown one under the lesson', async ({
      t,
    }) => {
      const complaint = await log('complaint', 'The refund took a week. #follow-up', THIS_WEEK);
      const typo = await t.driver.viewSubmission({
        userId: MEMBER,
        callbackId: VIEWS.momentLesson,
        values: lessonModalValues('Refunds now go out the same day. #sameday'),
        privateMetadata: JSON.stringify({ momentId: complaint.id, channelId: 'C0GENERAL' }),
      });
      expect(typo.json()).toMatchObject({
        response_action: 'errors',
        errors: { [BLOCKS.momentLesson]: expect.stringContaining('Unknown standard `#sameday`') },
      });
      await t.driver.viewSubmission({
        userId: MEMBER,
        callbackId: VIEWS.momentLesson,
        values: lessonModalValues('Refunds now go out the same day. #same-day'),
        privateMetadata: JSON.stringify({ momentId: complaint.id, channelId: 'C0GENERAL' }),
      });
      await t.emulator.waitFor('chat.postEphemeral', (c) => String(c.args.text).includes('Lesson saved'));
      expect(await citedBy(complaint.id)).toEqual(['same-day', 'follow-up']);
    });
  });

  describe('the digest and the mantra post', () => {
    it('shows each cited standard and the training focus: ties go to the one missed longest in a row', async ({
      t,
    }) => {
      // This week #same-day and #follow-up are missed once each: a tie. #follow-up was also
      // missed the two weeks before, #same-day only last week: #follow-up is the focus.
      await log('complaint', 'A quote promised for Monday came on Thursday. #same-day', THIS_WEEK);
      await log('complaint', 'Nobody checked the repair held. #follow-up', THIS_WEEK, {
        lesson: 'We now call every repaired customer two days later.',
      });
      await log('praise', 'Answered within the hour. #same-day', THIS_WEEK);
      await log('complaint', 'No reply for two days. #same-day', LAST_WEEK);
      await log('complaint', 'The fix broke again, nobody asked. #follow-up', LAST_WEEK);
      await log('complaint', 'We never checked back. #follow-up', TWO_WEEKS_AGO);
      await log('praise', 'Sam called back the next day to check all was well. #follow-up', THREE_WEEKS_AGO);
      await culture(
        ADMIN,
        'standard edit follow-up After every fix, we call to check the customer is happy.',
      );

      const digest = blocksText((await command(t, MEMBER, '/digest', 'preview')).body);
      expect(digest).toContain(
        '*Service standards*\\n• *#same-day* · honoured 1 · missed 1\\n• *#follow-up* · honoured 0 · missed 1',
      );
      expect(digest).toContain(
        ':dart: *Training focus this week: #follow-up* · After every fix, we call to check the customer is happy.',
      );
      expect(digest).toContain(
        '_What we learned on those complaints:_\\n>We now call every repaired customer',
      );
      expect(digest).toContain(`*The example to follow:* <@${SAM}>, logged by <@${MEMBER}>`);
      expect(digest).toContain('Sam called back the next day');
    });

    it('has no standards section when nothing was cited', async ({ t }) => {
      await log('praise', 'A plain good deed for a customer.', THIS_WEEK);
      const digest = blocksText((await command(t, MEMBER, '/digest', 'preview')).body);
      expect(digest).toContain('Recognition');
      expect(digest).not.toContain('Service standards');
      expect(digest).not.toContain('Training focus');
    });

    it('names last week’s training focus under the vision line, in the workspace language', async ({ t }) => {
      await t.bot.deps.workspaces.setLocale(TEST_TEAM, 'fr');
      await log('complaint', 'Personne n’a rappelé le client. #own-it', LAST_WEEK);
      await log('complaint', 'Le client a attendu. #own-it #same-day', LAST_WEEK);
      // This week's complaints are next week's focus, not this one's.
      await log('complaint', 'Encore une attente. #human', THIS_WEEK);
      t.clock.set(new Date('2026-11-25T09:00:00Z'));
      await command(t, ADMIN, '/mantra', 'post', 'C0FLOOR');
      const [post] = channelPosts(t.emulator, 'C0FLOOR');
      const blocks = post?.args.blocks as Block[];
      expect(JSON.stringify(blocks[1])).toContain('Le client d’abord.');
      expect(JSON.stringify(blocks[2])).toContain(
        ':dart: *Priorité de formation cette semaine : #own-it* · Qui entend parler d’un problème s’en charge',
      );
      expect(JSON.stringify(blocks)).not.toContain('#human');
    });
  });

  describe('help and French', () => {
    it('explains #tag in /culture help and lists the workspace’s tags', async () => {
      await culture(ADMIN, 'standard add call-back We call back within the hour we promised.');
      const help = blocksText(await culture(MEMBER, 'help'));
      expect(help).toContain('Cite a service standard in any story or lesson with `#tag`');
      expect(help).toContain('#same-day, #follow-up, #own-it, #surprise, #human, #share, #call-back.');
      expect(help).toContain('`/culture standards`');
      expect(help).not.toContain('/culture standard add');
      expect(blocksText(await culture(ADMIN, 'help'))).toContain('/culture standard add');
    });

    it('answers a French speaker in French: the list, a refusal, an unknown tag and the form', async ({
      t,
    }) => {
      expect((await culture(FRANCK, 'standard add 42 Quarante-deux.')).text).toContain(
        'Un tag ne peut pas être fait que de chiffres',
      );
      expect(
        (await culture(FRANCK, 'standard add rappel Nous rappelons dans l’heure promise.')).text,
      ).toContain('Standard 7 ajouté : *#rappel*');
      const reply = (await command(t, FRANCK, '/complaint', 'Le client a attendu. #rapel')).body;
      expect(reply.text).toContain('Je ne connais pas `#rapel` : rien n’a été enregistré.');
      const button = (reply.blocks as Block[]).find((b) => b.type === 'actions')?.elements?.[0] as {
        value: string;
      };
      await t.driver.blockAction({
        userId: FRANCK,
        actionId: ACTIONS.momentChooseStandards,
        value: button.value,
      });
      const opened = await t.emulator.waitFor('views.open');
      expect(JSON.stringify(opened.args.view)).toContain('Standards de service');
      const logged = (await command(t, FRANCK, '/complaint', 'Le client a attendu trois jours. #rappel'))
        .body;
      expect(blocksText(logged)).toContain('A manqué #rappel');
    });
  });
});

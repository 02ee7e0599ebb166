import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { mantraPosts, mantras } from '../../src/db/schema.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { channelPosts, command, seedPraise } from '../support/scheduling.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN1';
const MANAGER = 'UMANAGER1';
const MEMBER = 'UMEMBER1';
const FRENCH = 'UFRENCH1';
const ALICE = 'UALICE1';
const BOB = 'UBOB1';
const DAY = 86_400_000;

describeEachDatabase('/mantra', (db) => {
  const mantra = (userId: string, text: string, channelId?: string) =>
    command(suiteBot(), userId, '/mantra', text, channelId);

  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: MANAGER, name: 'mia', locale: 'en-GB' });
      t.emulator.addUser({ id: MEMBER, name: 'max', locale: 'en-GB' });
      t.emulator.addUser({ id: FRENCH, name: 'zoé', locale: 'fr-FR' });
    },
  });
  it.beforeEach(async ({ t }) => {
    await t.bot.deps.roles.setRole(TEST_TEAM, ADMIN, MANAGER, 'manager');
  });

  describe('the vision lines', () => {
    it('starts a new workspace with the default line, marked as default', async () => {
      const reply = await mantra(MEMBER, '');
      expect(reply.body.response_type).toBe('ephemeral');
      const text = JSON.stringify(reply.body.blocks);
      expect(text).toContain('*Our vision*');
      expect(text).toContain('• Customer first. _(default line');
      expect(text).not.toContain('/mantra add');
      const rows = await db().db.select().from(mantras);
      expect(rows).toMatchObject([{ teamId: TEST_TEAM, text: 'Customer first.', isDefault: true }]);
    });

    it('starts a French workspace with « Le client d’abord. »', async ({ t }) => {
      await t.bot.deps.workspaces.setLocale(TEST_TEAM, 'fr');
      try {
        const reply = await mantra(FRENCH, '');
        const text = JSON.stringify(reply.body.blocks);
        expect(text).toContain('*Notre vision*');
        expect(text).toContain('• Le client d’abord. _(phrase par défaut');
        const rows = await db().db.select().from(mantras);
        expect(rows).toMatchObject([{ text: 'Le client d’abord.', isDefault: true }]);
      } finally {
        await t.bot.deps.workspaces.setLocale(TEST_TEAM, 'en');
      }
    });

    it('lets an admin add lines (the default goes away), list them and remove one', async () => {
      let reply = await mantra(ADMIN, 'add We are a service company that happens to sell shoes.');
      expect(reply.body.text).toBe(
        'Added to our vision: *We are a service company that happens to sell shoes.*\n' +
          'The default line is gone: from now on the posts use the workspace’s own words.',
      );
      reply = await mantra(ADMIN, 'add Every contact becomes a pleasant memory.');
      expect(reply.body.text).not.toContain('default line is gone');

      reply = await mantra(ADMIN, 'list');
      expect(JSON.stringify(reply.body.blocks)).toContain(
        '1. We are a service company that happens to sell shoes.\\n2. Every contact becomes a pleasant memory.',
      );
      expect(JSON.stringify(reply.body.blocks)).not.toContain('Customer first.');

      reply = await mantra(ADMIN, 'remove 1');
      expect(reply.body.text).toBe(
        'Removed from our vision: We are a service company that happens to sell shoes.',
      );
      reply = await mantra(ADMIN, 'remove 1');
      expect(reply.body.text).toContain('This is the only vision line');
      reply = await mantra(ADMIN, 'remove 5');
      expect(reply.body.text).toBe('There is no line 5: the list has 1. See `/mantra list`.');
      reply = await mantra(MEMBER, '');
      expect(JSON.stringify(reply.body.blocks)).toContain('• Every contact becomes a pleasant memory.');
    });

    it('refuses members and managers what only admins may do, and changes nothing', async ({ t }) => {
      for (const [user, text] of [
        [MEMBER, 'list'],
        [MEMBER, 'add Our line'],
        [MEMBER, 'remove 1'],
        [MANAGER, 'add Our line'],
      ] as const) {
        const reply = await mantra(user, text);
        expect(reply.body.text, `${user} ${text}`).toBe('Sorry, only admins can do that.');
      }
      const reply = await mantra(MEMBER, 'post');
      expect(reply.body.text).toBe('Sorry, only managers and admins can do that.');
      expect((await db().db.select().from(mantras)).filter((r) => !r.isDefault)).toEqual([]);
      expect(channelPosts(t.emulator)).toEqual([]);
    });

    it('hands back a line that is too long, and explains an empty one', async () => {
      const long = `Our customers ${'really '.repeat(60)}matter.`;
      let reply = await mantra(ADMIN, `add ${long}`);
      expect(reply.body.text).toContain('280 characters at most');
      expect(JSON.stringify(reply.body.blocks)).toContain('really really');
      reply = await mantra(ADMIN, 'add');
      expect(reply.body.text).toContain('Write the line after the command');
      reply = await mantra(ADMIN, 'dance');
      expect(reply.body.text).toContain('Usage: `/mantra`');
    });

    it('keeps a line with a broadcast mention inert', async () => {
      await mantra(ADMIN, 'add Customers first, <!channel> included');
      const reply = await mantra(MEMBER, '');
      const text = JSON.stringify(reply.body.blocks);
      expect(text).not.toContain('<!channel>');
      expect(text).toContain('Customers first, @\u2060channel included');
    });
  });

  describe('/mantra post', () => {
    it('posts the line illustrated with a recent praise story naming the colleagues, and rotates', async ({
      t,
    }) => {
      const now = t.clock.now();
      await mantra(ADMIN, 'add Customer first, always.');
      await mantra(ADMIN, 'add Every contact becomes a pleasant memory.');
      await seedPraise(db(), {
        teamId: TEST_TEAM,
        story: 'Drove the forgotten parcel to the customer <!here> herself.',
        colleagues: [ALICE],
        createdAt: new Date(now.getTime() - 2 * DAY),
      });
      await seedPraise(db(), {
        teamId: TEST_TEAM,
        story: 'Stayed on the phone until the refund went through.',
        colleagues: [ALICE, BOB],
        createdAt: new Date(now.getTime() - 5 * DAY),
      });
      await seedPraise(db(), {
        teamId: TEST_TEAM,
        kind: 'complaint',
        story: 'Nobody called the customer back about the broken order.',
        colleagues: [],
        standards: ['own-it', 'same-day'],
        createdAt: new Date(now.getTime() - 3 * DAY),
      });
      await seedPraise(db(), {
        teamId: TEST_TEAM,
        kind: 'complaint',
        story: 'The refund took a week; nobody owned it.',
        colleagues: [],
        standards: ['own-it'],
        createdAt: new Date(now.getTime() - 4 * DAY),
      });
      await seedPraise(db(), {
        teamId: TEST_TEAM,
        story: 'Too old to tell.',
        colleagues: [BOB],
        createdAt: new Date(now.getTime() - 40 * DAY),
      });

      let reply = await mantra(MANAGER, 'post', 'C0FLOOR');
      expect(reply.body.text).toBe('Posted our vision in <#C0FLOOR>.');
      let [post] = channelPosts(t.emulator, 'C0FLOOR');
      let text = JSON.stringify(post?.args.blocks);
      expect(post?.args.text).toBe('Our vision: Customer first, always.');
      expect(text).toContain(`<@${ALICE}> delighted a customer`);
      expect(text).toContain('Drove the forgotten parcel');
      expect(text).not.toContain('<!here>');
      expect(text).toContain('/praise @colleague');
      // The standard complaints missed most this week, as in the digest.
      expect(text).toContain(
        ':dart: *Training focus this week: #own-it* · Whoever hears of a problem owns it until it is solved',
      );
      expect(text).not.toContain('Nobody called the customer back');

      t.emulator.reset();
      reply = await mantra(ADMIN, 'post', 'C0FLOOR');
      [post] = channelPosts(t.emulator, 'C0FLOOR');
      text = JSON.stringify(post?.args.blocks);
      expect(post?.args.text).toBe('Our vision: Every contact becomes a pleasant memory.');
      expect(text).toContain(`<@${ALICE}> and <@${BOB}> delighted a customer together`);
      expect(text).toContain('Stayed on the phone');

      t.emulator.reset();
      await mantra(ADMIN, 'post', 'C0FLOOR');
      [post] = channelPosts(t.emulator, 'C0FLOOR');
      expect(post?.args.text).toBe('Our vision: Customer first, always.');
      expect(JSON.stringify(post?.args.blocks)).toContain('Drove the forgotten parcel');
      expect(JSON.stringify(post?.args.blocks)).not.toContain('Too old to tell');

      const recorded = await db().db.select().from(mantraPosts).where(eq(mantraPosts.channelId, 'C0FLOOR'));
      expect(recorded).toHaveLength(3);
      expect(recorded.every((r) => r.messageTs && r.momentId)).toBe(true);
    });

    it('invites the first story when there is none yet, in the workspace language', async ({ t }) => {
      await t.bot.deps.workspaces.setLocale(TEST_TEAM, 'fr');
      try {
        await mantra(ADMIN, 'post', 'C0FLOOR');
        const [post] = channelPosts(t.emulator, 'C0FLOOR');
        expect(post?.args.text).toBe('Notre vision : Le client d’abord.');
        expect(JSON.stringify(post?.args.blocks)).toContain('Aucun compliment ces 30 derniers jours');
      } finally {
        await t.bot.deps.workspaces.setLocale(TEST_TEAM, 'en');
      }
    });

    it('joins a public channel it was not invited to; explains a private one', async ({ t }) => {
      t.emulator.addChannel({ id: 'C0OPEN', name: 'open', botIsMember: false });
      let reply = await mantra(ADMIN, 'post', 'C0OPEN');
      expect(reply.body.text).toBe('Posted our vision in <#C0OPEN>.');
      expect(t.emulator.callsTo('conversations.join')).toHaveLength(1);

      t.emulator.addChannel({ id: 'C0CLOSED', name: 'closed', is_private: true, botIsMember: false });
      reply = await mantra(ADMIN, 'post', 'C0CLOSED');
      expect(reply.body.text).toContain('Invite me with `/invite @culture`');
      expect(channelPosts(t.emulator, 'C0CLOSED')).toEqual([]);
    });

    it('lists /mantra in the help of each role', async ({ t }) => {
      const member = await command(t, MEMBER, '/culture', 'help');
      expect(JSON.stringify(member.body.blocks)).toContain('`/mantra`: our vision line(s).');
      expect(JSON.stringify(member.body.blocks)).not.toContain('/mantra post');
      const admin = await command(t, ADMIN, '/culture', 'help');
      const text = JSON.stringify(admin.body.blocks);
      expect(text).toContain('/mantra post');
      expect(text).toContain('/culture schedule mantra');
    });
  });
});

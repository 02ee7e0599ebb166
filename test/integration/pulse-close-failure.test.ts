import { expect } from 'vitest';
import { pulseDeadlinesJob } from '../../src/jobs/pulse-deadlines.js';
import { describeEachDatabase } from '../support/databases.js';
import { PULSE_TEAM, pulseTeamTest } from '../support/pulse-helpers.js';

const { manager: MANAGER, people: PEOPLE } = PULSE_TEAM;
const MINUTE = 60_000;

describeEachDatabase('/pulse close when Slack refuses the results', (db) => {
  const { it, p } = pulseTeamTest(db);

  it('says the results were not posted and will be retried, then the deadline job posts them once', async ({
    t,
  }) => {
    await p.command('start', MANAGER);
    for (const user of PEOPLE) await p.answer(user, { score: 8 });
    const card = await p.card();
    const resultsInThread = () => t.emulator.messages.filter((m) => m.thread_ts === card.ts);

    t.emulator.failNext('chat.postMessage', { error: 'internal_error' });
    const reply = await p.command('close', MANAGER);
    expect(reply.text).toBe(
      'The pulse is closed and takes no more answers, but its results could not be posted: Slack did not ' +
        'accept the message. I will try again in a few minutes; the results will then be in the thread under it.',
    );
    await t.bot.whenIdle();
    expect(resultsInThread()).toEqual([]);
    expect(await p.latestPulse()).toMatchObject({ status: 'closed', resultsTs: null });

    // The deadline job (every minute, on any replica) takes the results over once its claim is stale.
    const closedAt = t.clock.now().getTime();
    const run = (ms: number) => pulseDeadlinesJob.run(t.bot.deps, new Date(closedAt + ms));
    expect(await run(MINUTE)).toMatchObject({ republished: 0, failed: 0 });
    expect(await run(6 * MINUTE)).toMatchObject({ republished: 1, failed: 0 });
    expect(await run(12 * MINUTE)).toMatchObject({ republished: 0 });
    expect(resultsInThread()).toHaveLength(1);
    const row = await p.latestPulse();
    expect(row?.resultsTs).toBe(resultsInThread()[0]?.ts);
  });
});

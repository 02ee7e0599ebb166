import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../src/domain/schedules/schedule.js';
import { messages } from '../../../../src/i18n/index.js';
import { validateMessageBlocks } from '../../../../src/sandbox/block-kit-rules.js';
import {
  buildScheduleCreated,
  buildScheduleFailedDm,
  buildScheduleList,
  formatFireTime,
} from '../../../../src/slack/blocks/schedules.js';

const schedule: Schedule = {
  id: 3,
  teamId: 'T1',
  kind: 'mantra',
  channelId: 'C1',
  cron: '0 9 * * 1',
  timezone: 'Europe/Paris',
  options: {},
  enabled: true,
  failing: false,
  createdBy: 'UADMIN',
  createdAt: new Date('2026-11-20T00:00:00Z'),
};

describe('schedule blocks', () => {
  it('formats a fire time in the schedule’s zone and the reader’s language', () => {
    const at = new Date('2026-11-30T08:00:00Z');
    expect(formatFireTime('en', at, 'Europe/Paris')).toBe('Mon, 30 Nov 2026, 09:00');
    expect(formatFireTime('fr', at, 'Europe/Paris')).toBe('lun. 30 nov. 2026, 09:00');
    expect(formatFireTime('en', at, 'America/New_York')).toBe('Mon, 30 Nov 2026, 03:00');
  });

  it('confirms a schedule with its next three fire times, and warns when it is frequent', () => {
    const next = ['2026-11-30T08:00:00Z', '2026-12-07T08:00:00Z', '2026-12-14T08:00:00Z'].map(
      (d) => new Date(d),
    );
    const created = buildScheduleCreated(messages('en'), 'en', {
      schedule,
      next,
      moreOftenThanHourly: true,
      bothDaysRestricted: false,
    });
    const text = JSON.stringify(created.blocks);
    expect(created.text).toBe('Scheduled *#3*: the mantra in <#C1>, `0 9 * * 1` (Europe/Paris).');
    expect(text).toContain(
      '• Mon, 30 Nov 2026, 09:00\\n• Mon, 7 Dec 2026, 09:00\\n• Mon, 14 Dec 2026, 09:00',
    );
    expect(text).toContain('more often than once an hour');
    expect(text).not.toContain('day of the week');
    expect(validateMessageBlocks(created.blocks)).toEqual([]);
  });

  it('lists schedules with the next time and the last outcome, within Slack’s block limit', () => {
    const entries = Array.from({ length: 60 }, (_, i) => ({
      schedule: { ...schedule, id: i + 1, failing: i === 0 },
      next: new Date('2026-11-30T08:00:00Z'),
      lastRun:
        i === 0
          ? {
              id: 1,
              teamId: 'T1',
              scheduleId: 1,
              fireAt: new Date('2026-11-23T08:00:00Z'),
              status: 'failed' as const,
              attempts: 1,
              nextAttemptAt: null,
              messageTs: null,
              error: 'not_in_channel',
              claimedBy: 'r1',
              updatedAt: new Date(),
            }
          : undefined,
    }));
    const list = buildScheduleList(messages('fr'), 'fr', entries);
    const text = JSON.stringify(list.blocks);
    expect(text).toContain('Prochaine : lun. 30 nov. 2026, 09:00');
    expect(text).toContain('Dernière : échec (lun. 23 nov. 2026, 09:00, `not_in_channel`)');
    expect(text).toContain('…et 20 de plus.');
    expect(validateMessageBlocks(list.blocks)).toEqual([]);
  });

  it('tells the creator why the post failed, in their language', () => {
    const dm = buildScheduleFailedDm(messages('fr'), { schedule, code: 'not_in_channel' });
    expect(dm.text).toContain('Invitez-moi avec `/invite @culture`');
    expect(dm.text).toContain('/culture unschedule 3');
  });
});

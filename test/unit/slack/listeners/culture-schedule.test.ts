import type { RespondArguments } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Deps } from '../../../../src/deps.js';
import type { Schedule, ScheduleStore } from '../../../../src/domain/schedules/schedule.js';
import { createScheduleService } from '../../../../src/domain/schedules/schedule-service.js';
import { messages } from '../../../../src/i18n/index.js';
import { createNodeCronCalendar } from '../../../../src/jobs/scheduler/calendar.js';
import { createLogger } from '../../../../src/logger.js';
import { type CultureRequest, handleCulture } from '../../../../src/slack/listeners/commands/culture.js';
import { scheduleCultureSubcommands } from '../../../../src/slack/listeners/commands/culture-schedule.js';

/** A store that keeps schedules in memory: enough for the subcommands' own decisions. */
function memoryStore(): ScheduleStore & { rows: Schedule[] } {
  const rows: Schedule[] = [];
  return {
    rows,
    async create(input) {
      const row: Schedule = {
        ...input,
        id: rows.length + 1,
        options: {},
        enabled: true,
        failing: false,
        createdAt: input.now,
      };
      rows.push(row);
      return row;
    },
    get: async (id) => rows.find((r) => r.id === id),
    listForTeam: async (teamId) =>
      rows.filter((r) => r.teamId === teamId).map((schedule) => ({ schedule, lastRun: undefined })),
    listEnabled: async () => rows,
    remove: async () => undefined,
    setFailing: async () => false,
  };
}

function setup(available: string[]) {
  const store = memoryStore();
  const deps = {
    roles: { authorize: async () => ({ ok: true }) },
    workspaces: { get: async () => ({ teamId: 'T1', locale: 'en', timezone: 'UTC', settings: {} }) },
    clock: () => new Date('2026-11-23T09:00:00Z'),
    logger: createLogger('error'),
    schedules: createScheduleService(store, createNodeCronCalendar(), {
      isKindAvailable: (kind) => available.includes(kind),
      audit: { record: async () => {} },
      roles: { authorize: async () => ({ ok: true }) },
    }),
  } as unknown as Deps;
  const replies: RespondArguments[] = [];
  const request = (rest: string): CultureRequest => ({
    teamId: 'T1',
    userId: 'UADMIN',
    channelId: 'C1',
    text: `schedule ${rest}`,
    typed: `/culture schedule ${rest}`,
    args: rest.split(/\s+/).filter(Boolean),
    rest,
    locale: 'en',
    m: messages('en'),
    reply: async (message) => {
      replies.push(message);
    },
  });
  return { store, replies, request, subcommands: scheduleCultureSubcommands(deps) };
}

describe('/culture schedule for a kind whose feature has not landed', () => {
  it('answers "not available yet" and schedules nothing', async () => {
    const { store, replies, request, subcommands } = setup(['mantra']);
    await subcommands.schedule?.(request('pulse <#C1|floor> "0 9 * * 1"'));
    expect(replies[0]?.text).toBe(
      'Scheduled pulse posts are not available yet: that part of the bot is still being built. ' +
        'Nothing was scheduled. You can schedule `mantra` posts today.',
    );
    expect(store.rows).toEqual([]);
    await subcommands.schedule?.(request('mantra <#C1|floor> "0 9 * * 1"'));
    expect(store.rows).toHaveLength(1);
  });
});

describe('the /culture router', () => {
  it('answers with the generic error when a subcommand breaks, instead of nothing', async () => {
    const replies: RespondArguments[] = [];
    const handler = handleCulture(
      { languages: { forUser: async () => 'en' }, logger: createLogger('error') } as never,
      {
        boom: async () => {
          throw new Error('database down');
        },
      },
    );
    await handler({
      ack: async () => {},
      command: { command: '/culture', team_id: 'T1', user_id: 'U1', channel_id: 'C1', text: 'boom now' },
      respond: async (message: RespondArguments) => {
        replies.push(message);
      },
    } as never);
    expect(replies).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', text: messages('en').genericError }),
    ]);
    // What they typed comes back with it: nothing is lost.
    expect(JSON.stringify(replies[0])).toContain('/culture boom now');
  });
});

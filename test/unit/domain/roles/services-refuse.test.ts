import { describe, expect, it } from 'vitest';
import { createDigestService } from '../../../../src/domain/digest/digest-service.js';
import { createMantraService, type MantraStore } from '../../../../src/domain/mantra/mantra-service.js';
import { createPulseService, type PulseStore } from '../../../../src/domain/pulse/pulse-service.js';
import { createRoleService, type GrantedRole } from '../../../../src/domain/roles/role-service.js';
import type { CronCalendar } from '../../../../src/domain/schedules/cron-calendar.js';
import type { ScheduleStore } from '../../../../src/domain/schedules/schedule.js';
import { createScheduleService } from '../../../../src/domain/schedules/schedule-service.js';
import {
  createWorkspaceService,
  type WorkspaceStore,
} from '../../../../src/domain/workspace/workspace-service.js';
import { createNodeCronCalendar } from '../../../../src/jobs/scheduler/calendar.js';

const TEAM = 'T1';
const NOW = new Date('2026-11-23T09:00:00Z');
/** Granted roles; everyone else is a member (nobody here is a Slack admin). */
const rolesOf: Record<string, GrantedRole> = { UMANAGER: 'manager', UADMIN: 'admin' };
const people = createRoleService(
  { find: async (_team, userId) => rolesOf[userId], set: async () => {}, remove: async () => {} },
  {
    lookup: async (_team, id) => ({
      id,
      isBot: false,
      deleted: false,
      isWorkspaceAdmin: false,
      locale: undefined,
    }),
  },
  { record: async () => {} },
);

/** A store whose every method records its name: a refusal must come before any of them. */
function recordingStore<T>(answers: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const store = new Proxy(
    {},
    {
      get: (_target, name: string) => async () => {
        calls.push(name);
        return answers[name];
      },
    },
  ) as T;
  return { store, calls };
}

const audit = { record: async () => {} };
const refusal = (needed: GrantedRole) => ({ ok: false, reason: 'not_allowed', needed });

describe('services refuse by themselves, before touching anything', () => {
  it('schedules: creating and removing for admins, the list for managers', async () => {
    const { store, calls } = recordingStore<ScheduleStore>({ listForTeam: [] });
    const calendar: CronCalendar = createNodeCronCalendar();
    const schedules = createScheduleService(store, calendar, {
      isKindAvailable: () => true,
      audit,
      roles: people,
    });
    const input = {
      teamId: TEAM,
      kind: 'mantra' as const,
      channelId: 'C1',
      cron: '0 9 * * 1',
      timezone: 'UTC',
      now: NOW,
    };
    expect(await schedules.create({ ...input, createdBy: 'UMANAGER' })).toEqual(refusal('admin'));
    expect(await schedules.remove(TEAM, 1, 'UMANAGER')).toEqual(refusal('admin'));
    expect(await schedules.list(TEAM, 'UMEMBER', NOW)).toEqual(refusal('manager'));
    expect(calls).toEqual([]);
    expect(await schedules.list(TEAM, 'UMANAGER', NOW)).toEqual({ ok: true, value: [] });
    expect(await schedules.remove(TEAM, 1, 'UADMIN')).toEqual({ ok: false, reason: 'not_found' });
    expect(calls).toEqual(['listForTeam', 'remove']);
  });

  it('the vision: everyone reads it, admins change it, managers post it', async () => {
    const line = { id: 1, text: 'Customer first.', isDefault: true };
    const { store, calls } = recordingStore<MantraStore>({ listEnsuringDefault: [line] });
    const mantras = createMantraService(store, audit, async () => undefined, people);
    expect(await mantras.add(TEAM, 'A line', 'UMANAGER', 'Customer first.')).toEqual(refusal('admin'));
    expect(await mantras.removeAt(TEAM, 1, 'UMANAGER')).toEqual(refusal('admin'));
    expect(await mantras.edit(TEAM, 1, 'A line', 'UMEMBER')).toEqual(refusal('admin'));
    expect(await mantras.removeById(TEAM, 1, 'UMEMBER')).toEqual(refusal('admin'));
    expect(await mantras.list(TEAM, 'UMANAGER', 'Customer first.')).toEqual(refusal('admin'));
    expect(await mantras.mayPost(TEAM, 'UMEMBER')).toEqual(refusal('manager'));
    expect(calls).toEqual([]);
    expect(await mantras.mayPost(TEAM, 'UMANAGER')).toEqual({ ok: true });
    expect(await mantras.show(TEAM, 'UMEMBER', 'Customer first.')).toEqual({
      lines: [line],
      canManage: false,
    });
    expect(await mantras.show(TEAM, 'UADMIN', 'Customer first.')).toEqual({ lines: [line], canManage: true });
  });

  it('the workspace: a person’s change is for admins; the bot’s own change asks no one', async () => {
    const { store, calls } = recordingStore<WorkspaceStore>({
      ensure: { teamId: TEAM, locale: 'en', timezone: 'UTC', settings: {} },
    });
    const workspaces = createWorkspaceService(store, { locale: 'en', timezone: 'UTC' }, audit, people);
    expect(await workspaces.setLocale(TEAM, 'fr', 'UMANAGER')).toEqual(refusal('admin'));
    expect(await workspaces.setTimezone(TEAM, 'Europe/Paris', 'UMEMBER')).toEqual(refusal('admin'));
    expect(await workspaces.updateSettings(TEAM, { anonymityThreshold: 5 }, 'UMANAGER')).toEqual(
      refusal('admin'),
    );
    expect(calls).toEqual([]);
    expect(await workspaces.setLocale(TEAM, 'fr', 'UADMIN')).toEqual({ ok: true });
    expect(await workspaces.updateSettings(TEAM, { anonymityThreshold: 5 })).toEqual({ ok: true });
    expect(calls.filter((c) => c === 'update')).toHaveLength(2);
  });

  it('pulses: starting, status, closing and export for managers; a scheduled start was allowed with its schedule', async () => {
    const { store, calls } = recordingStore<PulseStore>();
    const workspaces = { get: async () => ({ settings: { anonymityThreshold: 3 } }) };
    const pulses = createPulseService(store, workspaces, people);
    const start = { teamId: TEAM, channelId: 'C1', userId: 'UMEMBER', anonymous: true, days: 3, now: NOW };
    expect(await pulses.start(start)).toEqual(refusal('manager'));
    expect(await pulses.status(TEAM, 'C1', 'UMEMBER')).toEqual(refusal('manager'));
    expect(await pulses.closeOpenIn(TEAM, 'C1', 'UMEMBER', NOW)).toEqual(refusal('manager'));
    expect(await pulses.closeById(TEAM, 'p1', 'UMEMBER', NOW)).toEqual(refusal('manager'));
    expect(await pulses.exportLastClosed(TEAM, 'C1', 'UMEMBER')).toEqual(refusal('manager'));
    expect(calls).toEqual([]);
    expect(await pulses.closeById(TEAM, 'p1', 'UMANAGER', NOW)).toEqual({ ok: false, reason: 'not_found' });
    await pulses.start({ ...start, scheduleId: 7 }).catch(() => undefined);
    expect(calls).toEqual(['claimClose', 'insertOpen', 'findOpen', 'insertOpen', 'findOpen']);
  });

  it('the digest: anyone previews, managers post', async () => {
    const digests = createDigestService({} as never, { all: async () => [] }, people);
    expect(await digests.mayPost(TEAM, 'UMEMBER')).toEqual(refusal('manager'));
    expect(await digests.mayPost(TEAM, 'UMANAGER')).toEqual({ ok: true });
  });
});

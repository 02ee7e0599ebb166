import { describe, expect, it } from 'vitest';
import { createDigestService } from '../../../../src/domain/digest/digest-service.js';
import { createHomeService, HOME_FORMS, type HomeForm } from '../../../../src/domain/home/home-service.js';
import { createMantraService, type MantraStore } from '../../../../src/domain/mantra/mantra-service.js';
import type { Moment } from '../../../../src/domain/moments/moment.js';
import { createMomentService, type MomentStore } from '../../../../src/domain/moments/moment-service.js';
import type { ErasureReport, PrivacyStore } from '../../../../src/domain/privacy/privacy-service.js';
import { createPrivacyService } from '../../../../src/domain/privacy/privacy-service.js';
import { createPulseService, type PulseStore } from '../../../../src/domain/pulse/pulse-service.js';
import { createReactionSettings } from '../../../../src/domain/reactions/reaction-settings.js';
import { createRoleService, type GrantedRole } from '../../../../src/domain/roles/role-service.js';
import type { CronCalendar } from '../../../../src/domain/schedules/cron-calendar.js';
import type { ScheduleStore } from '../../../../src/domain/schedules/schedule.js';
import { createScheduleService } from '../../../../src/domain/schedules/schedule-service.js';
import { createSettingsService } from '../../../../src/domain/settings/settings-service.js';
import type { Standard } from '../../../../src/domain/standards/standard.js';
import {
  createStandardService,
  type StandardStore,
} from '../../../../src/domain/standards/standard-service.js';
import {
  createWorkspaceService,
  type WorkspaceStore,
} from '../../../../src/domain/workspace/workspace-service.js';
import { createNodeCronCalendar } from '../../../../src/jobs/scheduler/calendar.js';

const TEAM = 'T1';
const NOW = new Date('2026-11-23T09:00:00Z');
const clock = () => NOW;
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
    const workspaces = createWorkspaceService(store, { locale: 'en', timezone: 'UTC' }, audit, people, clock);
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

const WORKSPACE_ROW = { teamId: TEAM, locale: 'en', timezone: 'UTC', settings: {} };
const STANDARD: Standard = {
  id: 1,
  tag: 'same-day',
  description: 'We answer the same day.',
  position: 1,
  archivedAt: null,
} as Standard;
const NO_ERASURE: ErasureReport = {
  storiesDeleted: 0,
  namesRemoved: 0,
  rolesRemoved: 0,
  pulseParticipations: 0,
  namedAnswersDeleted: 0,
  erasedPosts: [],
  renamedMomentIds: [],
};

describe('the standards, reaction emoji, roles, privacy and moderation refuse by the table too', () => {
  it('standards: changes are for admins, refused before the list is read; the view says who may', async () => {
    const { store, calls } = recordingStore<StandardStore>({ list: [STANDARD], countsBetween: [] });
    const standards = createStandardService(store, people, { get: async () => ({}) as never }, clock);
    expect(await standards.add(TEAM, 'UMANAGER', 'new-tag', 'A new one.')).toEqual(refusal('admin'));
    expect(await standards.edit(TEAM, 'UMEMBER', 'same-day', 'Other words.', NOW)).toEqual(refusal('admin'));
    expect(await standards.move(TEAM, 'UMANAGER', 'same-day', 1, NOW)).toEqual(refusal('admin'));
    expect(await standards.archive(TEAM, 'UMANAGER', 'same-day', NOW)).toEqual(refusal('admin'));
    expect(await standards.restore(TEAM, 'UMEMBER', 'same-day', NOW)).toEqual(refusal('admin'));
    expect(calls).toEqual([]);
    expect((await standards.view(TEAM, 'UMANAGER', NOW)).canManage).toBe(false);
    expect((await standards.view(TEAM, 'UADMIN', NOW)).canManage).toBe(true);
  });

  it('reaction emoji, roles, retention and erasing someone else: admins only, before any change', async () => {
    const { store, calls } = recordingStore<WorkspaceStore>({ ensure: WORKSPACE_ROW });
    const workspaces = createWorkspaceService(store, { locale: 'en', timezone: 'UTC' }, audit, people, clock);
    const reactions = createReactionSettings(workspaces, people);
    // Each refusal names the role it takes: the listeners word it from `needed`, never by themselves.
    expect(await reactions.set(TEAM, 'UMANAGER', { praise: 'clap' })).toEqual(refusal('admin'));
    expect(await people.setRole(TEAM, 'UMANAGER', 'UMEMBER', 'manager')).toEqual(refusal('admin'));
    const privacyStore = recordingStore<PrivacyStore>({ erasePerson: NO_ERASURE });
    const privacy = createPrivacyService({
      store: privacyStore.store,
      roles: people,
      workspaces,
      audit: { record: async () => {}, latest: async () => [] } as never,
      hash: () => 'hashed',
      schedules: { reloadNow: () => {} },
    });
    expect(await privacy.setRetention(TEAM, 'UMANAGER', 12)).toEqual(refusal('admin'));
    expect(await privacy.setUninstallGrace(TEAM, 'UMEMBER', 30)).toEqual(refusal('admin'));
    expect(await privacy.mayErase(TEAM, 'UMANAGER', 'UMEMBER')).toEqual(refusal('admin'));
    expect(await privacy.erase(TEAM, 'UMANAGER', 'UMEMBER')).toEqual(refusal('admin'));
    expect(await privacy.exportWorkspace(TEAM, 'UMANAGER')).toEqual(refusal('admin'));
    expect(await privacy.auditTrail(TEAM, 'UMEMBER')).toEqual(refusal('admin'));
    expect(await privacy.deactivatedPeople(TEAM, 'UMANAGER')).toEqual(refusal('admin'));
    expect(await privacy.adminOverview(TEAM, 'UMANAGER', { audit: 5, deactivated: 5 })).toEqual(
      refusal('admin'),
    );
    expect(calls).toEqual([]);
    expect(privacyStore.calls).toEqual([]);
    // A person may erase themselves; an admin anyone.
    expect(await privacy.mayErase(TEAM, 'UMEMBER', 'UMEMBER')).toEqual({ ok: true });
    expect(await privacy.erase(TEAM, 'UMEMBER', 'UMEMBER')).toMatchObject({ ok: true });
    expect(await privacy.erase(TEAM, 'UADMIN', 'UMANAGER')).toMatchObject({ ok: true });
    expect(privacyStore.calls).toEqual(['erasePerson', 'erasePerson']);
  });

  it("the Home's settings, vision lines and roles: the settings service passes on the refusal, role and all", async () => {
    const workspaceStore = recordingStore<WorkspaceStore>({ ensure: WORKSPACE_ROW });
    const workspaces = createWorkspaceService(
      workspaceStore.store,
      { locale: 'en', timezone: 'UTC' },
      audit,
      people,
      clock,
    );
    const mantraStore = recordingStore<MantraStore>({ removeById: { ok: false, reason: 'last_line' } });
    const mantras = createMantraService(mantraStore.store, audit, async () => undefined, people);
    const settings = createSettingsService({
      roles: people,
      workspaces,
      mantras,
      schedules: {} as never,
      pulses: {} as never,
    });
    const change = {
      locale: 'en' as const,
      timezone: 'UTC',
      recognitionChannelId: undefined,
      anonymityThreshold: 3,
      weights: { small: 1, big: 3 },
      followUpDelayDays: null,
    };
    expect(await settings.updateWorkspace(TEAM, 'UMANAGER', change)).toEqual(refusal('admin'));
    expect(await settings.addLine(TEAM, 'UMANAGER', 'A line', 'Customer first.')).toEqual(refusal('admin'));
    expect(await settings.editLine(TEAM, 'UMEMBER', 1, 'A line')).toEqual(refusal('admin'));
    expect(await settings.removeLine(TEAM, 'UMANAGER', 1)).toEqual(refusal('admin'));
    expect(await settings.setRole(TEAM, 'UMEMBER', 'UMANAGER', 'member')).toEqual(refusal('admin'));
    expect(workspaceStore.calls).toEqual([]);
    expect(mantraStore.calls).toEqual([]);
    // An admin gets past the check to the line's own answer.
    expect(await settings.removeLine(TEAM, 'UADMIN', 1)).toEqual({ ok: false, reason: 'last_line' });
    expect(mantraStore.calls).toEqual(['removeById']);
  });

  it("moments: an admin moderates anyone's moment, a manager only their own", async () => {
    const moment = { id: 'm1', kind: 'complaint', authorId: 'UMEMBER', followUpUserId: null } as Moment;
    const { store, calls } = recordingStore<MomentStore>({ get: moment });
    const moments = createMomentService(store, { lookup: async () => undefined }, people, audit, {
      cite: async () => ({ ok: true, tags: [] }),
    } as never);
    expect(await moments.mayFollowUp(TEAM, 'UMANAGER', moment)).toBe(false);
    expect(await moments.mayFollowUp(TEAM, 'UADMIN', moment)).toBe(true);
    expect(await moments.remove(TEAM, 'UMANAGER', 'm1')).toEqual({ ok: false, problem: 'not_allowed' });
    expect(calls).toEqual(['get']);
    expect(await moments.remove(TEAM, 'UADMIN', 'm1')).toEqual({ ok: true, value: moment });
    expect(calls).toEqual(['get', 'get', 'delete']);
  });
});

describe('a Home form opens for exactly the people allowed to save it', () => {
  /** Every service with a store that answers enough for an allowed person to get past the check. */
  function services() {
    const workspaces = createWorkspaceService(
      recordingStore<WorkspaceStore>({ ensure: WORKSPACE_ROW }).store,
      { locale: 'en', timezone: 'UTC' },
      audit,
      people,
      clock,
    );
    const mantras = createMantraService(
      recordingStore<MantraStore>({ add: { line: { id: 2, text: 'A line', isDefault: false } } }).store,
      audit,
      async () => undefined,
      people,
    );
    const schedules = createScheduleService(
      recordingStore<ScheduleStore>({ create: { id: 1, kind: 'mantra', channelId: 'C1' } }).store,
      createNodeCronCalendar(),
      { isKindAvailable: () => true, audit, roles: people },
    );
    const pulses = createPulseService(recordingStore<PulseStore>().store, workspaces, people);
    const settings = createSettingsService({ roles: people, workspaces, mantras, schedules, pulses });
    const standardWriter = {
      list: async () => [STANDARD],
      insert: async () => STANDARD,
      update: async () => {},
    };
    const standardStore: StandardStore = {
      list: async () => [STANDARD],
      insertMissing: async () => {},
      withTeamLock: (_team, work) => work(standardWriter),
      countsBetween: async () => [],
    };
    const standards = createStandardService(standardStore, people, workspaces, clock);
    const privacy = createPrivacyService({
      store: recordingStore<PrivacyStore>({ erasePerson: NO_ERASURE }).store,
      roles: people,
      workspaces,
      audit: { record: async () => {}, latest: async () => [] } as never,
      hash: () => 'hashed',
      schedules: { reloadNow: () => {} },
    });
    return {
      settings,
      mantras,
      schedules,
      standards,
      privacy,
      reactions: createReactionSettings(workspaces, people),
    };
  }

  it('asks, for each form, the action its submission is checked against', async () => {
    const s = services();
    // What each form does when it is saved (views/home*.ts call these).
    const save: Record<HomeForm, (actor: string) => Promise<unknown>> = {
      settings: (actor) =>
        s.settings.updateWorkspace(TEAM, actor, {
          locale: 'en',
          timezone: 'UTC',
          recognitionChannelId: undefined,
          anonymityThreshold: 3,
          weights: { small: 1, big: 3 },
          followUpDelayDays: null,
        }),
      visionLine: (actor) => s.settings.addLine(TEAM, actor, 'A line', 'Customer first.'),
      schedule: (actor) =>
        s.settings.createSchedule({
          teamId: TEAM,
          actorId: actor,
          kind: 'mantra',
          channelId: 'C1',
          cron: '0 9 * * 1',
          timezone: 'UTC',
          now: NOW,
        }),
      roleGrant: (actor) => s.settings.setRole(TEAM, actor, 'USOMEONE', 'manager'),
      standard: (actor) => s.standards.edit(TEAM, actor, 'same-day', 'Other words.', NOW),
      reactions: (actor) => s.reactions.set(TEAM, actor, { praise: 'clap' }),
      retention: (actor) => s.privacy.setRetention(TEAM, actor, 12),
      eraseSomeone: (actor) => s.privacy.erase(TEAM, actor, 'USOMEONE'),
    };
    const home = createHomeService({ roles: people } as never);
    for (const form of Object.keys(HOME_FORMS) as HomeForm[]) {
      for (const person of ['UMEMBER', 'UMANAGER', 'UADMIN']) {
        const opens = (await home.mayOpen(TEAM, person, form)).ok;
        const saved = (await save[form](person)) as { reason?: string };
        expect({ form, person, opens }).toEqual({ form, person, opens: saved.reason !== 'not_allowed' });
      }
    }
    expect(await home.mayOpen(TEAM, 'UMANAGER', 'schedule')).toEqual(refusal('admin'));
  });
});

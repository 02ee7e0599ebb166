import { describe, expect, it } from 'vitest';
import { createErasureHasher, isErasedId } from '../../../../src/domain/privacy/erasure-hash.js';
import { buildWorkspaceExport } from '../../../../src/domain/privacy/export-csv.js';
import {
  createPrivacyService,
  INSTALLED_CHECK_EVERY_MS,
  monthsBefore,
  type PrivacyStore,
} from '../../../../src/domain/privacy/privacy-service.js';

describe('monthsBefore', () => {
  it('counts calendar months back, clamped to the shorter month’s last day', () => {
    expect(monthsBefore(new Date('2026-11-23T09:00:00Z'), 24).toISOString()).toBe('2024-11-23T09:00:00.000Z');
    expect(monthsBefore(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-15T12:00:00Z'), 1).toISOString()).toBe('2025-12-15T12:00:00.000Z');
  });
});

describe('the erasure hash', () => {
  it('is keyed, one-way and stable: the id is not in it, another key or team gives another hash', () => {
    const hash = createErasureHasher('key-one-0123456789');
    const h = hash('T1', 'U0SAM42X');
    expect(h).toMatch(/^erased:[0-9a-f]{32}$/);
    expect(h).not.toContain('U0SAM42X');
    expect(hash('T1', 'U0SAM42X')).toBe(h);
    expect(hash('T2', 'U0SAM42X')).not.toBe(h);
    expect(createErasureHasher('key-two-0123456789')('T1', 'U0SAM42X')).not.toBe(h);
    expect(isErasedId(h)).toBe(true);
    expect(isErasedId('U0SAM42X')).toBe(false);
  });
});

describe('buildWorkspaceExport', () => {
  const pulse = (id: string, status: 'open' | 'closed', answers: number) => ({
    id,
    channelId: 'C1',
    anonymous: true,
    status,
    createdBy: 'U1',
    openedAt: new Date('2026-11-01T09:00:00Z'),
    closesAt: new Date('2026-11-04T09:00:00Z'),
    closedAt: status === 'closed' ? new Date('2026-11-04T09:00:00Z') : null,
    answers,
  });
  const answer = (pulseId: string, score: number) => ({
    pulseId,
    respondentId: null,
    score,
    vision: null,
    motivation: null,
    human: `=cmd|${score}`,
  });

  it('leaves out the answers of open pulses and of pulses below the anonymity threshold', () => {
    const files = buildWorkspaceExport({
      teamId: 'T1',
      locale: 'en',
      timezone: 'UTC',
      settings: { anonymityThreshold: 3 },
      moments: [],
      pulses: [pulse('P-shown', 'closed', 3), pulse('P-few', 'closed', 2), pulse('P-open', 'open', 3)],
      answers: [
        ...[1, 2, 3].map((s) => answer('P-shown', s)),
        ...[4, 5].map((s) => answer('P-few', s)),
        ...[6, 7, 8].map((s) => answer('P-open', s)),
      ],
      schedules: [],
      visionLines: [],
      roles: [],
      anonymityThreshold: 3,
    });
    const answers = files.find((f) => f.filename === 'pulse-answers.csv')?.content ?? '';
    expect(answers.slice(1).split('\r\n')).toEqual([
      'pulse_id,respondent,score,vision,motivation,human',
      "P-shown,,1,,,'=cmd|1",
      "P-shown,,2,,,'=cmd|2",
      "P-shown,,3,,,'=cmd|3",
      '',
    ]);
  });
});

describe('noticing that an uninstalled workspace came back', () => {
  /** A store that only knows whether each team is marked uninstalled, and counts the writes. */
  function uninstallStore() {
    const uninstalled = new Set<string>();
    let writes = 0;
    const store = {
      async setUninstalled(teamId: string, at: Date | null) {
        writes += 1;
        const was = uninstalled.has(teamId);
        if (at) uninstalled.add(teamId);
        else uninstalled.delete(teamId);
        return was !== Boolean(at);
      },
    } as Partial<PrivacyStore> as PrivacyStore;
    return { store, uninstalled, writes: () => writes };
  }
  const serviceOn = (store: PrivacyStore, reloads: string[]) =>
    createPrivacyService({
      store,
      roles: {} as never,
      workspaces: {} as never,
      audit: {
        record: async (_team: string, _actor: string, action: string) => void reloads.push(action),
      } as never,
      hash: () => 'hashed',
      schedules: { reloadNow: () => reloads.push('reload') },
    });
  const at = (ms: number) => new Date(Date.parse('2026-11-23T09:00:00Z') + ms);

  it('checks a workspace at most once a minute per replica, and at once after an uninstall here', async () => {
    const { store, uninstalled, writes } = uninstallStore();
    const seen: string[] = [];
    const privacy = serviceOn(store, seen);
    expect(await privacy.reinstalled('T1', at(0))).toBe(false);
    expect(await privacy.reinstalled('T1', at(1_000))).toBe(false);
    expect(await privacy.reinstalled('T2', at(1_000))).toBe(false);
    expect(writes()).toBe(2);

    // Another replica records the uninstall: this one notices the return within the minute.
    uninstalled.add('T1');
    expect(await privacy.reinstalled('T1', at(INSTALLED_CHECK_EVERY_MS - 1))).toBe(false);
    expect(await privacy.reinstalled('T1', at(INSTALLED_CHECK_EVERY_MS))).toBe(true);
    expect(uninstalled.has('T1')).toBe(false);
    expect(seen).toEqual(['reload', 'app_reinstalled']);

    // An uninstall on this replica: the very next request checks again.
    expect(await privacy.uninstalled('T1', at(INSTALLED_CHECK_EVERY_MS + 1))).toBe(true);
    expect(await privacy.reinstalled('T1', at(INSTALLED_CHECK_EVERY_MS + 2))).toBe(true);
    expect(uninstalled.has('T1')).toBe(false);
  });

  it('checks again on the next request when the check failed', async () => {
    const { store, writes } = uninstallStore();
    let failing = true;
    const flaky = {
      setUninstalled: async (teamId: string, at: Date | null) => {
        if (failing) throw new Error('database down');
        return store.setUninstalled(teamId, at);
      },
    } as Partial<PrivacyStore> as PrivacyStore;
    const privacy = serviceOn(flaky, []);
    await expect(privacy.reinstalled('T1', at(0))).rejects.toThrow('database down');
    failing = false;
    expect(await privacy.reinstalled('T1', at(1))).toBe(false);
    expect(writes()).toBe(1);
  });
});

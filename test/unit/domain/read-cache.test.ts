import { describe, expect, it } from 'vitest';
import { createReadCache } from '../../../src/domain/read-cache.js';
import type { Standard } from '../../../src/domain/standards/standard.js';
import {
  createStandardService,
  STANDARDS_READ_TTL_MS,
  type StandardStore,
} from '../../../src/domain/standards/standard-service.js';
import {
  createWorkspaceService,
  WORKSPACE_READ_TTL_MS,
  type WorkspaceStore,
} from '../../../src/domain/workspace/workspace-service.js';

const TEAM = 'T1';

function movableClock() {
  let now = Date.parse('2026-12-01T09:00:00Z');
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('createReadCache', () => {
  it('reads once for everyone until the entry expires, then reads again', async () => {
    const { clock, advance } = movableClock();
    const cache = createReadCache<number>({ ttlMs: 1_000, clock });
    let reads = 0;
    const load = async () => ++reads;
    expect(await Promise.all([cache.read('k', load), cache.read('k', load)])).toEqual([1, 1]);
    advance(999);
    expect(await cache.read('k', load)).toBe(1);
    advance(1);
    expect(await cache.read('k', load)).toBe(2);
    expect(reads).toBe(2);
  });

  it('keeps no failed read, and forgets a key when asked', async () => {
    const { clock } = movableClock();
    const cache = createReadCache<string>({ ttlMs: 60_000, clock });
    await expect(cache.read('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.read('k', async () => 'after the failure')).toBe('after the failure');
    cache.forget('k');
    expect(await cache.read('k', async () => 'after forget')).toBe('after forget');
    expect(await cache.read('other', async () => 'another key')).toBe('another key');
  });

  it('drops expired entries once it is full, and keeps the fresh ones', async () => {
    const { clock, advance } = movableClock();
    const cache = createReadCache<string>({ ttlMs: 1_000, clock, maxEntries: 2 });
    await cache.read('old', async () => 'old 1');
    advance(1_000);
    await cache.read('fresh', async () => 'fresh 1');
    await cache.read('new', async () => 'new 1');
    expect(await cache.read('fresh', async () => 'fresh 2')).toBe('fresh 1');
    expect(await cache.read('old', async () => 'old 2')).toBe('old 2');
  });
});

describe('what the services keep', () => {
  it('a workspace: read once for a while; a change starts from the database and is seen at once', async () => {
    const { clock, advance } = movableClock();
    const row = { teamId: TEAM, locale: 'en', timezone: 'UTC', settings: {} as Record<string, unknown> };
    let reads = 0;
    const store = {
      ensure: async () => {
        reads += 1;
        return { ...row };
      },
      update: async (_teamId: string, patch: { locale?: string; settings?: unknown }) => {
        Object.assign(row, patch);
      },
    } as unknown as WorkspaceStore;
    const roles = { authorize: async () => ({ ok: true }) } as never;
    const workspaces = createWorkspaceService(
      store,
      { locale: 'en', timezone: 'UTC' },
      { record: async () => {} },
      roles,
      clock,
    );

    await workspaces.get(TEAM);
    await workspaces.get(TEAM);
    expect(reads).toBe(1);

    // Another replica changed the row: this one answers from what it kept until the entry expires…
    row.settings = { recognitionChannelId: 'C0ELSEWHERE' };
    expect((await workspaces.get(TEAM)).settings.recognitionChannelId).toBeUndefined();
    // …but its own change starts from the database, so the other replica's setting is kept.
    await workspaces.updateSettings(TEAM, { anonymityThreshold: 5 });
    expect(row.settings).toMatchObject({ recognitionChannelId: 'C0ELSEWHERE', anonymityThreshold: 5 });
    expect((await workspaces.get(TEAM)).settings).toMatchObject({ anonymityThreshold: 5 });
    await workspaces.setLocale(TEAM, 'fr');
    expect((await workspaces.get(TEAM)).locale).toBe('fr');

    row.locale = 'en';
    advance(WORKSPACE_READ_TTL_MS);
    expect((await workspaces.get(TEAM)).locale).toBe('en');
  });

  it('the standards a story is checked against: kept for a while, forgotten after a change here', async () => {
    const { clock, advance } = movableClock();
    const standard = (id: number, tag: string): Standard =>
      ({ id, tag, description: tag, position: id, archivedAt: null }) as Standard;
    let rows = [standard(1, 'same-day')];
    let lists = 0;
    const writer = {
      list: async () => rows,
      insert: async (_teamId: string, added: { tag: string }) => {
        const made = standard(rows.length + 1, added.tag);
        rows = [...rows, made];
        return made;
      },
      update: async () => {},
    };
    const store: StandardStore = {
      list: async () => {
        lists += 1;
        return rows;
      },
      insertMissing: async () => {},
      withTeamLock: (_teamId, work) => work(writer as never),
      countsBetween: async () => [],
    };
    const roles = { authorize: async () => ({ ok: true }) } as never;
    const standards = createStandardService(store, roles, { get: async () => ({}) as never }, clock);

    expect(await standards.cite(TEAM, 'Called back #same-day')).toEqual({ ok: true, tags: ['same-day'] });
    expect(await standards.cite(TEAM, 'Again #same-day')).toEqual({ ok: true, tags: ['same-day'] });
    expect(lists).toBe(1);

    expect(await standards.add(TEAM, 'UADMIN', 'own-it', 'We own what we start')).toMatchObject({ ok: true });
    expect(await standards.cite(TEAM, 'Took it #own-it')).toEqual({ ok: true, tags: ['own-it'] });

    // Added by another replica: understood once the kept list has expired.
    rows = [...rows, standard(9, 'human')];
    expect(await standards.cite(TEAM, 'Kind #human')).toMatchObject({ ok: false, unknown: ['human'] });
    advance(STANDARDS_READ_TTL_MS);
    expect(await standards.cite(TEAM, 'Kind #human')).toEqual({ ok: true, tags: ['human'] });
  });
});

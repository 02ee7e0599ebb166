import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { PGLITE_OPTIONS } from '../src/db/pglite-settings.js';
import { createMomentRepository } from '../src/db/repositories/moment-repository.js';
import { createNotificationOutboxRepository } from '../src/db/repositories/notification-outbox-repository.js';
import { createRequestLedgerRepository } from '../src/db/repositories/request-ledger-repository.js';
import * as schema from '../src/db/schema.js';

const mode = process.argv[2] ?? 'plain';
const dir = join(mkdtempSync(join(tmpdir(), 'prep-')), 'data');
cpSync('/work/bench-final8/dist/pglite-template', dir, { recursive: true });
const keepText = (v: string) => v;
const parsers = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((o) => [
    o,
    keepText,
  ]),
);
const pg = await PGlite.create(dir, { ...PGLITE_OPTIONS, parsers });
if (mode === 'prepared') {
  const names = new Map<string, string>();
  const original = pg.query.bind(pg);
  (pg as any).query = async (sql: string, params: unknown[] = [], options?: any) => {
    let name = names.get(sql);
    if (!name && params.length > 0) {
      name = `p${names.size + 1}`;
      await original(`prepare ${name} as ${sql}`);
      names.set(sql, name);
    }
    if (!name) return original(sql, params, options);
    const args = params.map((_, i) => `$${i + 1}`).join(', ');
    return original(`execute ${name}(${args})`, params, options);
  };
}
const db = drizzle(pg as any, { schema }) as any;
const moments = createMomentRepository(db);
const outbox = createNotificationOutboxRepository(db);
const ledger = createRequestLedgerRepository(db);
async function one(i: number) {
  const now = new Date();
  await ledger.firstArrival(`key-${i}-${randomUUID()}`, now);
  const notice = {
    id: randomUUID(),
    kind: 'moment_dm' as const,
    recipientId: 'U2',
    message: {
      channel: 'U2',
      text: `hi ${i}`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(200) } }],
    },
    claimedUntil: now,
  };
  await moments.insert(
    {
      id: randomUUID(),
      teamId: 'T1',
      authorId: 'U1',
      kind: 'praise',
      colleagueIds: ['U2'],
      customerType: 'external',
      touchpoint: 'phone',
      impact: 'small',
      story: `a story number ${i} of a happy customer`,
      lesson: null,
      followUpUserId: null,
      source: 'command',
      channelId: 'C1',
      permalink: null,
      standards: [],
      dedupeKey: `command:${randomUUID()}`,
    },
    [notice],
    now,
  );
  await outbox.remove(notice.id);
}
for (let i = 0; i < 300; i++) await one(i);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const N = 1500;
for (let i = 0; i < N; i++) await one(1000 + i);
const dt = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
  mode,
  'per praise ms wall',
  (dt / N).toFixed(3),
  'cpu',
  ((cpu.user + cpu.system) / 1000 / N).toFixed(3),
);
await pg.close();

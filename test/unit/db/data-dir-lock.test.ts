import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLocked, lockDataDir } from '../../../src/db/data-dir-lock.js';

const LOCK = '.service-culture.lock';
const HOLDER = '.service-culture.lock-holder';

describe('the lock on DATA_DIR', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'culture-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A lock left as a holder leaves it: the lock directory, touched now, and who held it. */
  function leaveLock(dir: string, holder: { pid: number; host: string }, touchedMsAgo = 0) {
    mkdirSync(join(dir, LOCK));
    const at = new Date(Date.now() - touchedMsAgo);
    utimesSync(join(dir, LOCK), at, at);
    writeFileSync(join(dir, HOLDER), JSON.stringify({ ...holder, since: at.toISOString() }));
  }

  it('refuses a second holder, naming the directory and the process holding it', async () => {
    const dir = freshDir();
    const release = await lockDataDir(dir, () => {});
    const second = await lockDataDir(dir, () => {}).catch((err: unknown) => err);
    expect(second).toBeInstanceOf(DataDirLocked);
    expect((second as Error).message).toContain(`DATA_DIR ${dir} is in use by process ${process.pid}`);
    await release();
    const third = await lockDataDir(dir, () => {});
    await third();
  });

  it('refuses while the holder on this host is alive', async () => {
    const dir = freshDir();
    const alive = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(alive);
    leaveLock(dir, { pid: alive.pid as number, host: hostname() });
    await expect(lockDataDir(dir, () => {})).rejects.toThrow(`process ${alive.pid}`);
  });

  it('takes over at once from a holder on this host that crashed', async () => {
    const dir = freshDir();
    const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => dead.once('exit', resolve));
    leaveLock(dir, { pid: dead.pid as number, host: hostname() });
    const release = await lockDataDir(dir, () => {});
    await release();
  });

  it('takes over a lock nobody kept fresh (a holder on another host that died)', async () => {
    const dir = freshDir();
    leaveLock(dir, { pid: 4242, host: 'another-host' }, 60_000);
    const release = await lockDataDir(dir, () => {});
    await release();
    const fresh = freshDir();
    leaveLock(fresh, { pid: 4242, host: 'another-host' });
    await expect(lockDataDir(fresh, () => {})).rejects.toThrow('process 4242 on another-host');
  });
});

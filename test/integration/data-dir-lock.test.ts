import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSlackDriver } from '../../src/sandbox/slack-driver.js';
import { type SlackEmulator, startSlackEmulator } from '../../src/sandbox/slack-emulator.js';

/**
 * PGlite is one Postgres in one process: a second bot on the same DATA_DIR must refuse, and the
 * first must not notice. (The lock only exists for the embedded database, so this suite has no
 * Postgres run.)
 */
const SECRET = 'data-dir-lock-secret';
const randomPort = () => 30_000 + Math.floor(Math.random() * 20_000);

function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_'))),
      SLACK_BOT_TOKEN: 'xoxb-lock-test',
      SLACK_SIGNING_SECRET: SECRET,
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

function waitForStart(run: ReturnType<typeof startProcess>, timeoutMs: number) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not started in ${timeoutMs} ms`)), timeoutMs);
    const check = () => {
      if (run.output().stdout.includes('service culture bot started')) {
        clearTimeout(timer);
        resolve();
      }
    };
    run.child.stdout?.on('data', check);
    run.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${run.output().stderr}`));
    });
  });
}

describe('one bot process per DATA_DIR (embedded database)', () => {
  let emulator: SlackEmulator;
  let dataDir: string;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    emulator = await startSlackEmulator({ teamId: 'T0LOCK' });
    emulator.addUser({ id: 'ULOCK', name: 'lock', locale: 'en-US' });
    dataDir = mkdtempSync(join(tmpdir(), 'culture-lock-process-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  });

  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process in one line naming the directory and the holder, exit 1, while the first keeps serving; after the holder crashes the next one starts', async () => {
    const port = randomPort();
    const first = startProcess({ SLACK_API_URL: emulator.url, PORT: String(port), DATA_DIR: dataDir });
    running.push(first.child);
    await waitForStart(first, 150_000);

    const second = startProcess({
      SLACK_API_URL: emulator.url,
      PORT: String(randomPort()),
      DATA_DIR: dataDir,
    });
    running.push(second.child);
    // Before the lock, the second one opened the same database and started serving too.
    const outcome = await Promise.race([
      second.exited,
      waitForStart(second, 150_000).then(
        () => 'started serving too',
        () => 'exited',
      ),
    ]);
    expect(outcome).toBe(1);
    const lines = second.output().stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringContaining(`DATA_DIR ${dataDir} is in use by process ${first.child.pid}`),
    ]);

    // The first one never noticed: it still answers, on a database it alone writes.
    expect(first.child.exitCode).toBe(null);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const driver = createSlackDriver({ appUrl: `http://127.0.0.1:${port}`, signingSecret: SECRET, emulator });
    await driver.command({ command: '/culture', text: 'help', userId: 'ULOCK' });
    expect((await emulator.waitForResponse()).body.text).toBe('Service culture bot: what you can do');

    // A holder killed outright leaves its lock behind; the next process takes it over and starts.
    first.child.kill('SIGKILL');
    await first.exited;
    const third = startProcess({
      SLACK_API_URL: emulator.url,
      PORT: String(randomPort()),
      DATA_DIR: dataDir,
    });
    running.push(third.child);
    await waitForStart(third, 150_000);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 400_000);
});

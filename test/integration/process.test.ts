import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSlackDriver } from '../../src/sandbox/slack-driver.js';
import { type SlackEmulator, startSlackEmulator } from '../../src/sandbox/slack-emulator.js';

const SECRET = 'process-test-secret';
const envWithoutSlack = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_')));

/** Waits for a line in the child's output that satisfies `match`. */
function waitForOutput(child: ChildProcess, match: (line: string) => boolean, timeoutMs: number) {
  return new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`no matching output in ${timeoutMs} ms:\n${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split('\n').find(match);
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

describe('the bot as a process (HTTP mode, embedded database)', () => {
  let emulator: SlackEmulator;
  let child: ChildProcess;
  let dataDir: string;
  const port = 30_000 + Math.floor(Math.random() * 20_000);

  beforeAll(async () => {
    emulator = await startSlackEmulator({ teamId: 'T0PROC' });
    emulator.addUser({ id: 'UPROC', name: 'proc', locale: 'en-US' });
    dataDir = mkdtempSync(join(tmpdir(), 'culture-process-'));
    // The run's migrated PGlite template: the process starts without an initdb of its own.
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...envWithoutSlack(),
        SLACK_BOT_TOKEN: 'xoxb-process-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: emulator.url,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Generous: on a shared CI machine the first PGlite initdb alone can take a minute.
    await waitForOutput(child, (line) => line.includes('service culture bot started'), 150_000);
  }, 180_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz, acknowledges and answers a signed /culture help, and refuses unsigned requests', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    const driver = createSlackDriver({ appUrl: `http://127.0.0.1:${port}`, signingSecret: SECRET, emulator });
    // A 200 is Bolt's ack of the command (speed is for benchmarks, not for a stopwatch in a test).
    const res = await driver.command({ command: '/culture', text: 'help', userId: 'UPROC' });
    expect(res.status).toBe(200);
    expect((await emulator.waitForResponse()).body.text).toBe('Service culture bot: what you can do');

    const unsigned = await driver.raw('command=%2Fculture&text=help', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(unsigned.status).toBe(401);
  });

  it('survives signed bodies Bolt does not expect (null, payload=null) and keeps serving', async () => {
    const driver = createSlackDriver({ appUrl: `http://127.0.0.1:${port}`, signingSecret: SECRET, emulator });
    expect((await driver.post('null', 'application/json')).status).toBe(400);
    expect((await driver.post('payload=null', 'application/x-www-form-urlencoded')).status).toBe(400);
    // Give a stray rejection the time to end the process, as it did before the gate.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(child.exitCode).toBe(null);
    emulator.reset();
    await driver.command({ command: '/culture', text: 'help', userId: 'UPROC' });
    expect((await emulator.waitForResponse()).body.text).toBe('Service culture bot: what you can do');
  });

  it('stops gracefully on SIGTERM: exit code 0, not the forced exit 1 it takes when the stop hangs', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('the bot as a process with no Slack variable: the sandbox', () => {
  let child: ChildProcess;
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'culture-sandbox-'));
  });

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the one address to open, serves the page there, answers a command, refuses a second sandbox on the same data, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...envWithoutSlack(), DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await waitForOutput(child, (l) => l.includes('http://127.0.0.1:'), 150_000);
    expect(line).toContain('Sandbox (not connected to Slack)');
    expect(line).toContain('Connecting a real workspace');
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(line)?.[0] as string;

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Not connected to Slack');

    const sent = await fetch(`${url}sandbox/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'U0BOB', channel: 'C0GENERAL', text: '/culture help' }),
    });
    expect(await sent.json()).toEqual({ ok: true });
    const state = (await (await fetch(`${url}sandbox/state?as=U0BOB`)).json()) as {
      messages: { text: string }[];
    };
    expect(state.messages.map((m) => m.text)).toContain('Service culture bot: what you can do');

    // A second sandbox on the same data would open the same embedded database: it refuses.
    const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...envWithoutSlack(), DATA_DIR: dataDir, PORT: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('another sandbox');
    expect(second.stderr).toContain('DATA_DIR');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 300_000);

  it('says in one line that the port is taken and how to choose another', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...envWithoutSlack(), DATA_DIR: dataDir, PORT: String(port) },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringContaining(`Port ${port} is already in use`),
      ]);
      expect(run.stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      taken.close();
    }
  }, 180_000);
});

describe('the bot as a process, misconfigured', () => {
  it('names each bad variable on its own line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...envWithoutSlack(),
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        PORT: 'http',
        LOG_LEVEL: 'loud',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^PORT: /m);
    expect(run.stderr).toMatch(/^LOG_LEVEL: /m);
  });
});

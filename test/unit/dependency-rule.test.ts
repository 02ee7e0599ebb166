import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** A small tree with one deliberate violation of each rule, and the imports the rule allows. */
const files: Record<string, string> = {
  'src/domain/rule.ts': 'export type Rule = { name: string };\nexport const rule: Rule = { name: "x" };\n',
  'src/domain/uses-zod.ts': "import { z } from 'zod';\nexport const s = z.string();\n",
  'src/domain/uses-bolt.ts': "import { App } from '@slack/bolt';\nexport const a = App;\n",
  'src/domain/uses-drizzle.ts': "import { sql } from 'drizzle-orm';\nexport const q = sql;\n",
  'src/domain/uses-postgres.ts': "import postgres from 'postgres';\nexport const p = postgres;\n",
  'src/domain/uses-slack-layer.ts': "import { ok } from '../slack/ok.js';\nexport const o = ok;\n",
  'src/slack/ok.ts': 'export const ok = 1;\n',
  'src/slack/uses-sandbox.ts': "import { fake } from '../sandbox/fake.js';\nexport const f = fake;\n",
  'src/sandbox/fake.ts': 'export const fake = 1;\n',
  'src/db/uses-domain-type.ts':
    "import type { Rule } from '../domain/rule.js';\nexport const r = (x: Rule) => x;\n",
  'src/db/uses-domain-value.ts': "import { rule } from '../domain/rule.js';\nexport const r = rule;\n",
  'src/jobs/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
  'src/jobs/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
  'src/jobs/uses-cron.ts': "import cron from 'node-cron';\nexport const c = cron;\n",
  'src/jobs/uses-bolt.ts': "import { App } from '@slack/bolt';\nexport const a = App;\n",
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }),
};

const tree = mkdtempSync(join(tmpdir(), 'dependency-rule-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('the dependency rule (npm run lint)', () => {
  it('fails on each deliberate violation and only on those', { timeout: 120_000 }, async () => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(tree, path)), { recursive: true });
      writeFileSync(join(tree, path), text);
    }
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');

    const cli = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const config = join(root, '.dependency-cruiser.mjs');
    const failed = await run(process.execPath, [cli, '--config', config, 'src'], {
      cwd: tree,
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      () => undefined,
      (err: { code: number; stdout: string }) => err,
    );

    // The command fails (its exit code is the number of errors) and names each rule and file.
    expect(failed?.code).toBeGreaterThan(0);
    const found = [...(failed?.stdout ?? '').matchAll(/^\s*error (\S+): (\S+) →/gm)]
      .map(([, rule, from]) => `${rule}: ${from}`)
      .sort();
    expect(found).toEqual(
      [
        'db-takes-no-domain-values: src/db/uses-domain-value.ts',
        'domain-stays-pure: src/domain/uses-bolt.ts',
        'domain-stays-pure: src/domain/uses-drizzle.ts',
        'domain-stays-pure: src/domain/uses-postgres.ts',
        'domain-stays-pure: src/domain/uses-slack-layer.ts',
        'no-cycles: src/jobs/a.ts',
        'node-cron-only-in-the-scheduler: src/jobs/uses-cron.ts',
        'nothing-runs-on-the-sandbox: src/slack/uses-sandbox.ts',
        'slack-sdk-only-in-slack: src/domain/uses-bolt.ts',
        'slack-sdk-only-in-slack: src/jobs/uses-bolt.ts',
      ].sort(),
    );
  });
});

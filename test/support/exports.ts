import { expect } from 'vitest';
import { dmChannelId } from '../../src/sandbox/slack-emulator.js';
import type { TestBot } from './test-bot.js';

/** The CSV files the last export put in the person's DM, by name (BOM checked, then dropped), and its comment. */
export function exportedFiles(t: TestBot, userId: string) {
  const [complete] = t.emulator.callsTo('files.completeUploadExternal').slice(-1);
  expect(complete?.args.channel_id).toBe(dmChannelId(userId));
  const ids = ((complete?.args.files ?? []) as { id: string }[]).map((f) => f.id);
  const files = new Map<string, string>();
  for (const upload of t.emulator.uploads.filter((u) => ids.includes(u.fileId))) {
    const content = upload.content.toString('utf8');
    expect(content.startsWith('\uFEFF')).toBe(true);
    files.set(upload.filename ?? '', content.slice(1));
  }
  return { files, comment: String(complete?.args.initial_comment) };
}

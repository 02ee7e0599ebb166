import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

/** What a Slack client learns from the app's manifest: its commands, shortcuts, events and tabs. */
export interface AppManifest {
  commands: { command: string; description: string; usageHint: string }[];
  messageShortcuts: { callbackId: string; name: string }[];
  botEvents: string[];
  homeTabEnabled: boolean;
}

const manifestSchema = z.object({
  features: z
    .object({
      app_home: z.object({ home_tab_enabled: z.boolean().optional() }).optional(),
      slash_commands: z
        .array(
          z.object({
            command: z.string(),
            description: z.string().default(''),
            usage_hint: z.string().default(''),
          }),
        )
        .default([]),
      shortcuts: z
        .array(z.object({ name: z.string(), type: z.string(), callback_id: z.string() }))
        .default([]),
    })
    .default({ slash_commands: [], shortcuts: [] }),
  settings: z
    .object({
      event_subscriptions: z.object({ bot_events: z.array(z.string()).default([]) }).optional(),
    })
    .optional(),
});

/** Reads manifest.yml (the file the real app is created from), so the sandbox offers what Slack would. */
export async function readManifest(path = 'manifest.yml'): Promise<AppManifest> {
  const manifest = manifestSchema.parse(parse(await readFile(path, 'utf8')));
  return {
    commands: manifest.features.slash_commands.map((c) => ({
      command: c.command,
      description: c.description,
      usageHint: c.usage_hint,
    })),
    messageShortcuts: manifest.features.shortcuts
      .filter((s) => s.type === 'message')
      .map((s) => ({ callbackId: s.callback_id, name: s.name })),
    botEvents: manifest.settings?.event_subscriptions?.bot_events ?? [],
    homeTabEnabled: manifest.features.app_home?.home_tab_enabled === true,
  };
}

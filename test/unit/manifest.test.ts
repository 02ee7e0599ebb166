import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Deps } from '../../src/deps.js';
import { listenerRoutes } from '../../src/slack/listeners/index.js';

interface Manifest {
  features: {
    slash_commands?: { command: string; should_escape?: boolean }[];
    shortcuts?: { callback_id: string; type: string }[];
    app_home?: { home_tab_enabled?: boolean };
  };
  settings: { event_subscriptions?: { bot_events?: string[] }; interactivity?: { is_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
}

/** What the real registration code handles, without starting Bolt. */
function registeredByCode() {
  const handled = listenerRoutes({} as Deps).handled();
  const exact = (ids: (string | RegExp)[]) => ids.filter((id): id is string => typeof id === 'string');
  return {
    commands: exact(handled.commands),
    shortcuts: exact(handled.messageShortcuts),
    events: exact(handled.events),
    views: handled.views.length,
    actions: handled.actions.length,
  };
}

describe('manifest.yml', () => {
  const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as Manifest;
  const code = registeredByCode();

  it('declares exactly the slash commands the code handles, each with should_escape', () => {
    const commands = manifest.features.slash_commands ?? [];
    expect(commands.map((c) => c.command).sort()).toEqual([...code.commands].sort());
    for (const command of commands) expect(command.should_escape, command.command).toBe(true);
  });

  it('declares exactly the shortcuts the code handles', () => {
    expect((manifest.features.shortcuts ?? []).map((s) => s.callback_id).sort()).toEqual(
      [...code.shortcuts].sort(),
    );
  });

  it('subscribes to exactly the events the code handles', () => {
    expect([...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort()).toEqual(
      [...new Set(code.events)].sort(),
    );
  });

  it('enables interactivity when the code handles buttons or modals, and the Home tab with app_home_opened', () => {
    expect(manifest.settings.interactivity?.is_enabled).toBe(
      code.views + code.actions + code.shortcuts.length > 0,
    );
    expect(Boolean(manifest.features.app_home?.home_tab_enabled)).toBe(
      code.events.includes('app_home_opened'),
    );
  });

  it('asks for the scopes the Web API calls need', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'users:read']),
    );
  });

  it('asks to read reactions and the messages reacted to when the code listens to reactions', () => {
    const listens = code.events.includes('reaction_added');
    for (const scope of ['reactions:read', 'channels:history', 'groups:history']) {
      expect(manifest.oauth_config.scopes.bot.includes(scope), scope).toBe(listens);
    }
  });
});

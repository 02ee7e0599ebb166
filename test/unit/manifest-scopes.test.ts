import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The bot scopes Slack documents for each Web API method (docs.slack.dev/reference/methods) and
 * each event: what a workspace must grant for the call to work. A method missing here fails the
 * test, so a new call cannot ship without its scope being looked up.
 */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  // chat:write.public posts in public channels the bot was not invited to.
  'chat.postEphemeral': ['chat:write'],
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.update': ['chat:write'],
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.join': ['channels:join'],
  // Public channels need channels:read, private ones groups:read (scope=channel digests).
  'conversations.members': ['channels:read', 'groups:read'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'conversations.open': ['im:write'],
  'files.completeUploadExternal': ['files:write'],
  'files.getUploadURLExternal': ['files:write'],
  'files.info': ['files:read'],
  'files.uploadV2': ['files:write'],
  'reactions.add': ['reactions:write'],
  'team.info': ['team:read'],
  'usergroups.list': ['usergroups:read'],
  'users.info': ['users:read'],
  'users.list': ['users:read'],
  'views.open': [],
  'views.publish': [],
  'views.push': [],
  'views.update': [],
};
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  app_uninstalled: [],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.im': ['im:history'],
  reaction_added: ['reactions:read'],
  reaction_removed: ['reactions:read'],
  tokens_revoked: [],
  user_change: ['users:read'],
};

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every Web API method the bot calls: `client.chat.postMessage(`, `slack.views\n.open(`, `paginate('…'`. */
function methodsCalledByTheBot(): Set<string> {
  const families = 'auth|chat|conversations|files|reactions|team|usergroups|users|views';
  // On the Web API client only (`client.`, `deps.slack.`): domain services have methods too.
  const call = new RegExp(`\\b(?:client|slack)\\s*\\.\\s*(${families})\\s*\\.\\s*([a-zA-Z0-9]+)\\s*\\(`, 'g');
  const named = new RegExp(`(?:paginate|apiCall)\\(\\s*'((?:${families})\\.[a-zA-Z0-9]+)'`, 'g');
  const found = new Set<string>();
  // src/sandbox plays Slack's part; its calls are not the bot's.
  for (const file of sourceFiles(join(ROOT, 'src')).filter((f) => !f.includes('/sandbox/'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) found.add(`${m[1]}.${m[2]}`);
    for (const m of text.matchAll(named)) found.add(m[1] as string);
  }
  return found;
}

describe('manifest.yml scopes', () => {
  const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as {
    oauth_config: { scopes: { bot: string[] } };
    settings: { event_subscriptions?: { bot_events?: string[] } };
  };
  const granted = new Set(manifest.oauth_config.scopes.bot);
  const methods = [...methodsCalledByTheBot()].sort();
  const events = manifest.settings.event_subscriptions?.bot_events ?? [];

  it('finds the calls it checks', () => {
    expect(methods).toEqual(
      expect.arrayContaining(['chat.postMessage', 'conversations.members', 'users.info']),
    );
  });

  it('knows the scopes of every method and event the bot uses', () => {
    expect(methods.filter((m) => !(m in METHOD_SCOPES))).toEqual([]);
    expect(events.filter((e) => !(e in EVENT_SCOPES))).toEqual([]);
  });

  it('asks for every scope those methods and events need', () => {
    const missing = [
      ...methods.flatMap((m) => (METHOD_SCOPES[m] ?? []).map((scope) => `${m} needs ${scope}`)),
      ...events.flatMap((e) => (EVENT_SCOPES[e] ?? []).map((scope) => `${e} needs ${scope}`)),
    ].filter((need) => !granted.has(need.split(' needs ')[1] as string));
    expect(missing).toEqual([]);
  });

  it('asks for no scope that nothing uses', () => {
    const used = new Set([
      // Slash commands and shortcuts.
      'commands',
      ...methods.flatMap((m) => METHOD_SCOPES[m] ?? []),
      ...events.flatMap((e) => EVENT_SCOPES[e] ?? []),
    ]);
    expect([...granted].filter((scope) => !used.has(scope))).toEqual([]);
  });
});

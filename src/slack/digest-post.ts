import { z } from 'zod';
import type { Deps } from '../deps.js';
import type { DigestScope } from '../domain/digest/digest.js';
import type { Week } from '../domain/digest/week.js';
import { type Locale, messages } from '../i18n/index.js';
import { buildDigest } from './blocks/digest.js';

type DigestDeps = Pick<Deps, 'digests' | 'mantras' | 'workspaces' | 'slack'>;

/** A digest schedule's options: `scope=channel` makes it the digest of that channel's team. */
export const digestOptions = z
  .object({ scope: z.enum(['workspace', 'channel']).default('workspace') })
  .catch({
    scope: 'workspace',
  });

/** The members of a channel (paged: conversations.members answers 1000 ids at most per call). */
async function channelMembers(deps: Pick<Deps, 'slack'>, channelId: string): Promise<string[]> {
  const members: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.slack.conversations.members({ channel: channelId, limit: 1000, cursor });
    members.push(...(page.members ?? []));
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor && members.length < 20_000);
  return members;
}

export async function digestScope(
  deps: Pick<Deps, 'slack'>,
  scope: 'workspace' | 'channel',
  channelId: string,
): Promise<DigestScope> {
  if (scope === 'workspace') return { kind: 'workspace' };
  return { kind: 'channel', channelId, memberIds: await channelMembers(deps, channelId) };
}

/** The digest of a week as a message, in `locale`, topped with the workspace's vision line. */
export async function composeDigest(
  deps: DigestDeps,
  target: { teamId: string; week: Week; scope: DigestScope; locale: Locale; preview?: boolean },
) {
  const m = messages(target.locale);
  const workspace = await deps.workspaces.get(target.teamId);
  const [line] = await deps.mantras.lines(target.teamId, m.mantraDefaultLine);
  const mantra = line && !line.isDefault ? line.text : m.mantraDefaultLine;
  const digest = await deps.digests.build(target.teamId, target.week, target.scope, workspace, mantra);
  return buildDigest(m, target.locale, digest, { preview: target.preview });
}

/** Posts a digest in a channel, in the workspace language; Slack errors are thrown for the caller to handle. */
export async function postDigest(
  deps: DigestDeps,
  target: { teamId: string; channelId: string; week: Week; scope: DigestScope },
): Promise<{ messageTs: string }> {
  const { locale } = await deps.workspaces.get(target.teamId);
  const message = await composeDigest(deps, { ...target, locale });
  const posted = await deps.slack.chat.postMessage({
    channel: target.channelId,
    ...message,
    unfurl_links: false,
  });
  if (!posted.ts) throw new Error('chat.postMessage answered without a message ts');
  return { messageTs: posted.ts };
}

import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import type { DigestScope } from '../../domain/digest/digest.js';
import type { Week } from '../../domain/digest/week.js';
import { type Locale, messages } from '../../i18n/index.js';
import { bankAccountChart, type ChartPicture, standardsChart } from '../blocks/charts.js';
import { buildDigest, dayLabel } from '../blocks/digest.js';
import { postWithCharts, uploadCharts } from '../chart-images.js';
import type { ScheduledPostKind } from './scheduled-post.js';

type DigestDeps = Pick<Deps, 'digests' | 'mantras' | 'workspaces' | 'slack'>;

/** A digest schedule's options: `scope=channel` makes it the digest of that channel's team. */
export const digestOptions = z
  .object({ scope: z.enum(['workspace', 'channel']).default('workspace') })
  .catch({
    scope: 'workspace',
  });
type DigestOptions = z.infer<typeof digestOptions>;

/** The members of a channel (paged: conversations.members answers 1000 ids at most per call). */
export async function channelMembers(deps: Pick<Deps, 'slack'>, channelId: string): Promise<string[]> {
  const members: string[] = [];
  // The WebClient follows the cursor; 20 000 members is more than any team channel needs.
  for await (const page of deps.slack.paginate('conversations.members', {
    channel: channelId,
    limit: 1000,
  })) {
    members.push(...((page as { members?: string[] }).members ?? []));
    if (members.length >= 20_000) break;
  }
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

async function loadDigest(
  deps: DigestDeps,
  target: { teamId: string; week: Week; scope: DigestScope; locale: Locale },
) {
  const m = messages(target.locale);
  const workspace = await deps.workspaces.get(target.teamId);
  const [line] = await deps.mantras.lines(target.teamId, m.mantraDefaultLine);
  const mantra = line && !line.isDefault ? line.text : m.mantraDefaultLine;
  const digest = await deps.digests.build(target.teamId, target.week, target.scope, workspace, mantra);
  return { m, workspace, digest };
}

/** The digest of a week as a message, in `locale`, topped with the workspace's vision line. */
export async function composeDigest(
  deps: DigestDeps,
  target: { teamId: string; week: Week; scope: DigestScope; locale: Locale; preview?: boolean },
) {
  const { m, digest } = await loadDigest(deps, target);
  return buildDigest(m, target.locale, digest, { preview: target.preview });
}

/**
 * The digest's pictures: the bank account over the last weeks (when any of them had a story) and
 * this week's standards (when any was cited). Each picture is uploaded and then shown in the post.
 */
async function digestCharts(
  deps: DigestDeps & Pick<Deps, 'logger'>,
  loaded: Awaited<ReturnType<typeof loadDigest>>,
  target: { teamId: string; week: Week; scope: DigestScope; locale: Locale },
): Promise<{ bank?: types.ImageBlock; standards?: types.ImageBlock }> {
  const { m, workspace, digest } = loaded;
  const history = await deps.digests.bankHistory(target.teamId, target.week, target.scope, workspace);
  const pictures: { bank?: ChartPicture; standards?: ChartPicture } = {};
  if (history.some((w) => w.credits > 0 || w.debits > 0)) {
    const weeks = history.map((w) => ({ ...w, label: dayLabel(target.locale, w.week.firstDay) }));
    pictures.bank = bankAccountChart(m, target.locale, weeks);
  }
  if (digest.standards.length > 0) {
    const rows = digest.standards.map((t) => ({
      tag: t.standard.tag,
      honoured: t.honoured,
      missed: t.missed,
    }));
    pictures.standards = standardsChart(m, target.locale, rows);
  }
  const [bank, standards] = await uploadCharts(deps, [pictures.bank, pictures.standards], {
    teamId: target.teamId,
    digestWeek: target.week.firstDay,
  });
  return { bank, standards };
}

/**
 * Posts a digest in a channel, in the workspace language, with its charts; Slack errors are
 * thrown for the caller to handle. A chart that fails leaves the digest without it, never unposted.
 */
export async function postDigest(
  deps: DigestDeps & Pick<Deps, 'logger'>,
  target: { teamId: string; channelId: string; week: Week; scope: DigestScope },
): Promise<{ messageTs: string }> {
  const { locale } = await deps.workspaces.get(target.teamId);
  const loaded = await loadDigest(deps, { ...target, locale });
  const charts = await digestCharts(deps, loaded, { ...target, locale });
  const images = [charts.bank, charts.standards].filter((c) => c !== undefined);
  const posted = await postWithCharts(
    deps,
    images,
    (kept) =>
      deps.slack.chat.postMessage({
        channel: target.channelId,
        ...buildDigest(loaded.m, locale, loaded.digest, {
          charts: kept.length > 0 ? charts : undefined,
        }),
        unfurl_links: false,
      }),
    { teamId: target.teamId, channelId: target.channelId },
  );
  if (!posted.ts) throw new Error('chat.postMessage answered without a message ts');
  return { messageTs: posted.ts };
}

/**
 * A weekly digest schedule posts the week that ended before its fire time, in the workspace's
 * zone; `scope=channel` limits it to the moments of that channel's team.
 */
export const digestPost: ScheduledPostKind<DigestOptions> = {
  options: digestOptions,
  async post(deps, run, { scope }) {
    const { timezone } = await deps.workspaces.get(run.teamId);
    return postDigest(deps, {
      teamId: run.teamId,
      channelId: run.channelId,
      week: deps.digests.lastWeek(run.fireAt, timezone),
      scope: await digestScope(deps, scope, run.channelId),
    });
  },
};

import type { Deps } from '../deps.js';
import { messages } from '../i18n/index.js';
import { buildHome, type HomeViewState } from './blocks/home.js';
import { postWithCharts } from './chart-images.js';
import { homeBankChart } from './home-chart.js';
import { channelMembers } from './posts/digest.js';

type HomeDeps = Pick<
  Deps,
  'home' | 'languages' | 'slack' | 'clock' | 'logger' | 'workspaces' | 'digests' | 'homeCharts'
>;

/**
 * Publishes one person's Home tab, in their language. Called when they open it and again after
 * each thing they do from it (with a notice saying what happened), so the tab is never stale.
 */
export async function publishHome(
  deps: HomeDeps,
  target: { teamId: string; userId: string },
  options: { notice?: string | undefined; state?: HomeViewState } = {},
): Promise<void> {
  const { teamId, userId } = target;
  const [locale, workspaceLocale] = await Promise.all([
    deps.languages.forUser(teamId, userId),
    deps.languages.forWorkspace(teamId),
  ]);
  const state = options.state ?? { pages: {} };
  const now = deps.clock();
  const [data, chart] = await Promise.all([
    deps.home.dashboard({
      teamId,
      userId,
      now,
      pages: state.pages,
      defaultLine: messages(workspaceLocale).mantraDefaultLine,
      // Open pulses are offered in the person's own channels; a channel Slack will not list is skipped.
      isMember: (channelId) =>
        channelMembers(deps, channelId).then(
          (members) => members.includes(userId),
          () => false,
        ),
    }),
    // Drawn and uploaded beside the dashboard's queries; a failed upload leaves the Home without it.
    deps.workspaces.get(teamId).then((workspace) => homeBankChart(deps, { teamId, locale, workspace, now })),
  ]);
  await postWithCharts(
    deps,
    chart ? [chart.image] : [],
    (kept) => {
      // Slack refused the picture (a file deleted meanwhile): forget it, the next open uploads again.
      if (chart && kept.length === 0) deps.homeCharts.forget(chart.key);
      return deps.slack.views.publish({
        user_id: userId,
        view: buildHome(messages(locale), locale, data, { notice: options.notice, state, chart: kept[0] }),
      });
    },
    { teamId, userId },
  );
}

/** Republishes after an action, never failing the action that already succeeded. */
export async function republishHome(
  deps: HomeDeps,
  target: { teamId: string; userId: string },
  options: { notice?: string | undefined; state?: HomeViewState } = {},
): Promise<void> {
  try {
    await publishHome(deps, target, options);
  } catch (err) {
    deps.logger.error({ err, ...target }, 'republishing the Home failed');
  }
}

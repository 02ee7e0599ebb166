import type { types } from '@slack/bolt';
import type { Deps } from '../deps.js';
import type { Workspace } from '../domain/workspace/workspace-service.js';
import { type Locale, messages } from '../i18n/index.js';
import { bankAccountChart, chartImageBlock } from './blocks/charts.js';
import { dayLabel } from './blocks/digest.js';
import { uploadChart } from './chart-images.js';

/**
 * The team's emotional bank account over the last completed weeks, as the Home shows it under
 * the week's figures: an image block whose alt text states every week, or nothing when those
 * weeks had no story or the picture could not be drawn or uploaded (logged by uploadCharts).
 * Completed weeks only: their figures are final, so one upload serves the whole week.
 */
export async function homeBankChart(
  deps: Pick<Deps, 'digests' | 'slack' | 'logger' | 'homeCharts'>,
  target: { teamId: string; locale: Locale; workspace: Workspace; now: Date },
): Promise<{ image: types.ImageBlock; key: string } | undefined> {
  const { teamId, locale, workspace, now } = target;
  const lastWeek = deps.digests.lastWeek(now, workspace.timezone);
  const history = await deps.digests.bankHistory(teamId, lastWeek, { kind: 'workspace' }, workspace);
  if (!history.some((w) => w.credits > 0 || w.debits > 0)) return undefined;
  const weeks = history.map((w) => ({ ...w, label: dayLabel(locale, w.week.firstDay) }));
  const chart = bankAccountChart(messages(locale), locale, weeks);
  const figures = weeks.map((w) => `${w.credits}/${w.debits}/${w.balance}`).join(',');
  const key = [teamId, lastWeek.firstDay, locale, figures].join('|');
  const fileId = await deps.homeCharts.fileFor(key, () => uploadChart(deps, chart, { teamId, home: true }));
  return fileId ? { image: chartImageBlock(fileId, chart), key } : undefined;
}

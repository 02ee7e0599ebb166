/**
 * Benchmark: one chart, drawn and uploaded the way a pulse's results get theirs: Vega-Lite →
 * SVG → PNG (resvg), then files.uploadV2 to the Slack emulator and files.info until Slack would
 * show it. Reports the median and p99 of each part over CHARTS charts (default 20), one at a time.
 *
 *   npx tsx bench/charts.ts
 *
 * `chartRenderAndUpload` is the measurement itself (a row of `npm run bench`). Not a test:
 * timings on a shared machine are noisy; run it and read the figures.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { webApi } from '@slack/bolt';
import { renderChartPng } from '../src/charts/render.js';
import { messages } from '../src/i18n/index.js';
import { createLogger } from '../src/logger.js';
import { startSlackEmulator } from '../src/sandbox/slack-emulator.js';
import { trustDistributionChart } from '../src/slack/blocks/charts.js';
import { uploadCharts } from '../src/slack/chart-images.js';
import { median, percentile } from './lib/stats.js';

/** `slackApiUrl`: the emulator's Web API. */
export async function chartRenderAndUpload(opts: { slackApiUrl: string; count?: number }) {
  const slack = new webApi.WebClient('xoxb-bench', { slackApiUrl: opts.slackApiUrl });
  const logger = createLogger('error');
  const render: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < (opts.count ?? 20); i++) {
    // Different data each time, so no layer can answer from a cache.
    const distribution = Array.from({ length: 10 }, (_, score) => (score * 7 + i) % 9);
    const chart = trustDistributionChart(messages('en'), 'en', {
      answers: '40 answers',
      average: 7.1,
      distribution,
    });
    const started = performance.now();
    await renderChartPng(chart.spec);
    render.push(performance.now() - started);
    const again = performance.now();
    const [block] = await uploadCharts({ slack, logger }, [chart], { bench: 'charts' });
    if (!block) throw new Error('the chart was not uploaded');
    total.push(performance.now() - again);
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  return {
    renderMedian: median(render),
    renderP99: percentile(sorted(render), 0.99),
    // The second timing renders again and uploads: the whole path a post waits for.
    renderAndUploadMedian: median(total),
    renderAndUploadP99: percentile(sorted(total), 0.99),
    count: total.length,
  };
}

async function main() {
  const emulator = await startSlackEmulator({ teamId: 'TBENCHCHART' });
  try {
    const result = await chartRenderAndUpload({
      slackApiUrl: emulator.url,
      count: Number(process.env.CHARTS ?? 20),
    });
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(
      `one chart (${result.count} charts, 800 × 400 PNG): render median ${ms(result.renderMedian)}, ` +
        `p99 ${ms(result.renderP99)}; render + upload median ${ms(result.renderAndUploadMedian)}, ` +
        `p99 ${ms(result.renderAndUploadP99)}`,
    );
  } finally {
    await emulator.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}

import type { types } from '@slack/bolt';
import { renderChartPng } from '../charts/render.js';
import type { Deps } from '../deps.js';
import { type ChartPicture, chartImageBlock } from './blocks/charts.js';
import { slackErrorCode } from './people-directory.js';

type ChartDeps = Pick<Deps, 'slack' | 'logger'>;

/**
 * Slack processes an uploaded file after `files.completeUploadExternal` answers: until its
 * `mimetype` is known, an image block naming it is refused (`invalid_blocks`). Waiting a little
 * for it is what Slack's own SDK maintainers advise; these are the waits, about 4 s in all.
 */
const PROCESSING_WAITS_MS = [0, 250, 500, 1_000, 2_000];

/** What Slack answers to content naming a file it cannot show. */
const PICTURE_REFUSALS = new Set(['invalid_blocks', 'invalid_arguments']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Uploads one PNG privately (shared with no channel) and waits until Slack can show it. */
async function uploadPicture(deps: ChartDeps, chart: ChartPicture, png: Buffer): Promise<string> {
  const uploaded = (await deps.slack.files.uploadV2({
    file: png,
    filename: chart.filename,
    title: chart.title,
    alt_text: chart.alt,
  })) as { files?: { files?: { id?: string }[] }[] };
  const fileId = uploaded.files?.[0]?.files?.[0]?.id;
  if (!fileId) throw new Error('files.uploadV2 answered without a file id');
  for (const wait of PROCESSING_WAITS_MS) {
    if (wait) await sleep(wait);
    const info = await deps.slack.files.info({ file: fileId });
    if (info.file?.mimetype) return fileId;
  }
  // Still processing: the post may yet accept it, and postWithCharts falls back when it does not.
  return fileId;
}

/**
 * Renders and uploads one chart: its file id, or `undefined` when it could not be drawn or
 * uploaded (logged with `context`). What the chart illustrates never waits on a failed one.
 */
export async function uploadChart(
  deps: ChartDeps,
  chart: ChartPicture,
  context: Record<string, unknown>,
): Promise<string | undefined> {
  try {
    return await uploadPicture(deps, chart, await renderChartPng(chart.spec));
  } catch (err) {
    deps.logger.warn(
      { err, ...context, chart: chart.filename, slackError: slackErrorCode(err) },
      'chart left out: it could not be drawn or uploaded',
    );
    return undefined;
  }
}

/**
 * Renders and uploads each chart, in parallel, and returns their image blocks in the same order:
 * `undefined` where there was no chart or where it could not be drawn or uploaded (logged).
 */
export async function uploadCharts(
  deps: ChartDeps,
  charts: readonly (ChartPicture | undefined)[],
  context: Record<string, unknown>,
): Promise<(types.ImageBlock | undefined)[]> {
  return Promise.all(
    charts.map(async (chart) => {
      const fileId = chart && (await uploadChart(deps, chart, context));
      return chart && fileId ? chartImageBlock(fileId, chart) : undefined;
    }),
  );
}

/**
 * Posts a message (or publishes a view) built with its charts. When Slack refuses it because of
 * a picture (a file it has not finished processing, or lost: `invalid_blocks` for a message,
 * `invalid_arguments` for a view), the same content goes out again without them, and the failure
 * is logged: the text always reaches the person.
 */
export async function postWithCharts<T>(
  deps: Pick<Deps, 'logger'>,
  images: types.ImageBlock[],
  post: (images: types.ImageBlock[]) => Promise<T>,
  context: Record<string, unknown>,
): Promise<T> {
  try {
    return await post(images);
  } catch (err) {
    if (images.length === 0 || !PICTURE_REFUSALS.has(slackErrorCode(err) ?? '')) throw err;
    deps.logger.warn({ err, ...context }, 'message refused with its charts: posting it without them');
    return post([]);
  }
}

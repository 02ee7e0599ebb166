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
 * Renders and uploads each chart, in parallel, and returns their image blocks in the same order:
 * `undefined` where there was no chart or where it could not be drawn or uploaded (logged). The
 * message a chart illustrates never waits on a failed one.
 */
export async function uploadCharts(
  deps: ChartDeps,
  charts: readonly (ChartPicture | undefined)[],
  context: Record<string, unknown>,
): Promise<(types.ImageBlock | undefined)[]> {
  return Promise.all(
    charts.map(async (chart) => {
      if (!chart) return undefined;
      try {
        const fileId = await uploadPicture(deps, chart, await renderChartPng(chart.spec));
        return chartImageBlock(fileId, chart);
      } catch (err) {
        deps.logger.warn(
          { err, ...context, chart: chart.filename, slackError: slackErrorCode(err) },
          'chart left out: it could not be drawn or uploaded',
        );
        return undefined;
      }
    }),
  );
}

/**
 * Posts a message built with its charts. When Slack refuses the message because of a picture
 * (`invalid_blocks`: a file it has not finished processing, or lost), the same message goes out
 * again without them, and the failure is logged: the text always reaches the channel.
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
    if (images.length === 0 || slackErrorCode(err) !== 'invalid_blocks') throw err;
    deps.logger.warn({ err, ...context }, 'message refused with its charts: posting it without them');
    return post([]);
  }
}

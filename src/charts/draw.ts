/**
 * Draws a chart spec as a PNG: Vega-Lite compiles it, Vega lays it out as SVG (no canvas, no
 * browser), resvg rasterises the SVG. The font ships in an npm package and is the only one
 * loaded, so a chart looks the same on a laptop, in CI and in a slim container with no fonts.
 * Tens of milliseconds of CPU per chart: the bot runs this in render-worker.ts, never on the
 * thread that acks Slack.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from './specs.js';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

/** The SVG of a chart; its size is the spec's (autosize `fit`). */
export async function drawChartSvg(spec: TopLevelSpec): Promise<string> {
  // renderer 'none': no scenegraph drawing on a canvas, only the SVG string below.
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG bytes, at the spec's size. */
export async function drawChartPng(spec: TopLevelSpec): Promise<Buffer> {
  const svg = await drawChartSvg(spec);
  const image = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  }).render();
  return image.asPng();
}

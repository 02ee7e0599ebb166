import { crc32, inflateSync } from 'node:zlib';
import { renderChartPng } from '../../src/charts/render.js';
import { distributionSpec } from '../../src/charts/specs.js';

/**
 * Decodes a PNG far enough to prove it is whole: the signature, every chunk's CRC, the header's
 * size, and the image data inflating to exactly one filter byte plus `width × channels` bytes
 * per row. Returns the size and the raw pixel rows (for comparing two images).
 */
export function decodePng(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body[8];
      const colourType = body[9] ?? -1;
      if (bitDepth !== 8) throw new Error(`unexpected bit depth ${bitDepth}`);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colourType] ?? 0;
      if (!channels) throw new Error(`unexpected colour type ${colourType}`);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  const pixels = inflateSync(Buffer.concat(data));
  if (pixels.length !== height * (1 + width * channels))
    throw new Error(`image data is ${pixels.length} bytes, expected ${height * (1 + width * channels)}`);
  return { width, height, pixels };
}

/**
 * Starts the bot's chart renderer (a worker thread, started on first use) and waits until it has
 * drawn once, so a test that times a reply which waits for a chart (closing a pulse) does not
 * also time the thread's start-up.
 */
export async function warmChartRenderer(): Promise<void> {
  const spec = distributionSpec({
    locale: 'en',
    title: 'warm-up',
    scoreAxis: 'score',
    countAxis: 'answers',
    distribution: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  });
  await renderChartPng(spec);
}

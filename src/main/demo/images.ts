import { deflateSync } from 'node:zlib';
import { Random } from './random';

/**
 * Small but real images for evidence: a PNG sales chart and a JPEG "photo" of a receipt.
 * Written by hand so the demo needs no image library, and exact bytes follow from the seed.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Rgb = readonly [number, number, number];

/**
 * 64x48 RGB bar chart of ten days' takings around the outage; the 15th and 16th are red and
 * low, which is what a shop's screenshot of its sales app looked like that week.
 */
export function makePng(seed: number, width = 64, height = 48): Buffer {
  const rnd = new Random(seed);
  const background: Rgb = [250, 250, 247];
  const axis: Rgb = [120, 120, 120];
  const normal: Rgb = [52, 101, 164];
  const outage: Rgb = [204, 51, 51];
  const pixels: Rgb[][] = Array.from({ length: height }, () =>
    Array.from({ length: width }, () => background),
  );
  const base = height - 4;
  for (let x = 2; x < width - 1; x += 1) pixels[base]![x] = axis;
  for (let y = 2; y <= base; y += 1) pixels[y]![2] = axis;
  for (let bar = 0; bar < 10; bar += 1) {
    const down = bar === 5 || bar === 6;
    const top = base - (down ? rnd.int(2, 8) : rnd.int(22, base - 4));
    for (let x = 4 + bar * 6; x < 8 + bar * 6 && x < width; x += 1) {
      for (let y = top; y < base; y += 1) pixels[y]![x] = down ? outage : normal;
    }
  }
  const raw = Buffer.alloc(height * (1 + width * 3));
  let offset = 0;
  for (const row of pixels) {
    raw[offset++] = 0; // filter type None: simplest, and the image is tiny anyway
    for (const [r, g, b] of row) {
      raw[offset++] = r;
      raw[offset++] = g;
      raw[offset++] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter variants, no interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Baseline greyscale JPEG in which every 8x8 block is one flat shade. A flat block has only a
 * DC coefficient, so no DCT is needed: with a DC quantiser of 8, the coefficient is exactly
 * (shade - 128). The picture is coarse but decodes in any viewer.
 */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]; // ITU T.81 Annex K.3, table K.3
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// Only end-of-block is ever written; ZRL rides along so no code is a lone all-ones bit.
const AC_BITS = [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALUES = [0x00, 0xf0];

function huffmanCodes(bits: number[], values: number[]): Map<number, [number, number]> {
  const codes = new Map<number, [number, number]>();
  let code = 0;
  let k = 0;
  bits.forEach((count, i) => {
    for (let j = 0; j < count; j += 1) codes.set(values[k++] ?? 0, [code++, i + 1]);
    code <<= 1;
  });
  return codes;
}

class BitWriter {
  readonly bytes: number[] = [];
  private acc = 0;
  private used = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i -= 1) {
      this.acc = (this.acc << 1) | ((value >>> i) & 1);
      this.used += 1;
      if (this.used === 8) this.flushByte();
    }
  }

  /** Pads the last byte with 1 bits, as T.81 requires. */
  finish(): void {
    while (this.used !== 0) this.write(1, 1);
  }

  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0x00); // byte stuffing
    this.acc = 0;
    this.used = 0;
  }
}

function segment(marker: number, body: number[]): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

/** Shades of a receipt photographed on a dark table, in 8x8 blocks: 12 wide, 16 tall. */
function receiptBlocks(rnd: Random): number[][] {
  const cols = 12;
  const rows = 16;
  const grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => 64));
  for (let y = 1; y < rows - 1; y += 1) for (let x = 2; x < cols - 2; x += 1) grid[y]![x] = 236;
  for (let y = 3; y < rows - 3; y += 2) {
    const end = 3 + rnd.int(2, cols - 6);
    for (let x = 3; x < end; x += 1) grid[y]![x] = 150;
  }
  for (let x = 3; x < cols - 3; x += 1) grid[rows - 3]![x] = 90; // the total line
  return grid;
}

export function makeJpeg(seed: number, comment = ''): Buffer {
  const blocks = receiptBlocks(new Random(seed));
  const height = blocks.length * 8;
  const width = (blocks[0]?.length ?? 0) * 8;
  const dc = huffmanCodes(DC_BITS, DC_VALUES);
  const eob = huffmanCodes(AC_BITS, AC_VALUES).get(0x00) ?? [0, 2];
  const bits = new BitWriter();
  let previous = 0;
  for (const row of blocks) {
    for (const shade of row) {
      const value = shade - 128;
      const diff = value - previous;
      previous = value;
      const size = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
      const [code, length] = dc.get(size) ?? [0, 0];
      bits.write(code, length);
      if (size > 0) bits.write(diff > 0 ? diff : diff + (1 << size) - 1, size);
      bits.write(eob[0], eob[1]);
    }
  }
  bits.finish();
  const text = Array.from(Buffer.from(comment, 'utf8'));
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...(text.length > 0 ? segment(0xfe, text) : []),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(8)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES]),
    ...segment(0xc4, [0x10, ...AC_BITS, ...AC_VALUES]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...bits.bytes,
    0xff,
    0xd9,
  ]);
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFile } from 'yazl';

/** Temp directories made by a test file, removed by its afterEach(cleanupTempDirs). */
const made: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'review-desk-evidence-'));
  made.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('\0\0\0\rIHDR', 'latin1'),
]);
export const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
export const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');
export const ELF_BYTES = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]);

export interface ZipItem {
  name: string;
  data: Buffer | string;
  mode?: number;
  compress?: boolean;
}

export function zipBytes(items: ZipItem[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const item of items) {
    const data = typeof item.data === 'string' ? Buffer.from(item.data) : item.data;
    zip.addBuffer(data, item.name, {
      ...(item.mode === undefined ? {} : { mode: item.mode }),
      compress: item.compress ?? true,
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export async function writeZip(dir: string, name: string, items: ZipItem[]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await zipBytes(items));
  return path;
}

export function xlsxBytes(): Promise<Buffer> {
  return zipBytes([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
  ]);
}

/**
 * Rewrites the uncompressed size every header declares for the entry, so the zip lies
 * about how far its data expands.
 */
export function patchDeclaredSize(zip: Buffer, declared: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt32LE(declared, i + 22);
    if (sig === 0x02014b50) out.writeUInt32LE(declared, i + 24);
    if (sig === 0x08074b50) out.writeUInt32LE(declared, i + 12);
  }
  return out;
}

/**
 * Rewrites the CRC-32 every header gives for the entry (a single-entry zip), so the zip lies
 * about its bytes' checksum.
 */
export function patchCrc(zip: Buffer, crc: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt32LE(crc, i + 14);
    if (sig === 0x02014b50) out.writeUInt32LE(crc, i + 16);
    if (sig === 0x08074b50) out.writeUInt32LE(crc, i + 4);
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const CRC_BY_TOP_BYTE = new Map(CRC_TABLE.map((entry, i) => [entry >>> 24, i]));

/**
 * `prefix` followed by four bytes chosen so the whole has the CRC-32 `target`: different bytes
 * under the same checksum, as anyone can make them (CRC-32 is no hash).
 */
export function withCrc(prefix: Buffer, target: number, crcOf: (b: Buffer) => number): Buffer {
  const indexes: number[] = [];
  let register = ~target >>> 0;
  for (let k = 0; k < 4; k++) {
    const i = CRC_BY_TOP_BYTE.get(register >>> 24)!;
    indexes.unshift(i);
    register = ((register ^ CRC_TABLE[i]!) << 8) >>> 0;
  }
  let state = ~crcOf(prefix) >>> 0;
  const tail = indexes.map((i) => {
    const byte = (state ^ i) & 0xff;
    state = ((state >>> 8) ^ CRC_TABLE[i]!) >>> 0;
    return byte;
  });
  return Buffer.concat([prefix, Buffer.from(tail)]);
}

import { excelJs } from '../lib/exceljs';
import iconv from 'iconv-lite';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import { BATCH_FIELDS, FIELD_HEADERS } from '../../shared/domain/batch-format';
import { splitEvidenceList } from '../../shared/domain/evidence';
import { DEMO_TIMESTAMP, makeEvidenceFile } from './evidence-files';
import { isDeliberatelyMissing } from './evidence-names';
import type { ClaimRow } from './generate-claims';

/**
 * Writes synthetic batches in every layout the intake side sends (docs/domain.md: CSV in three
 * encodings, XLSX, JSON) plus the evidence folder or zip beside them. Everything streams in
 * chunks so a million-row benchmark file never exists in memory as a whole.
 */

export type HeaderLanguage = 'ko' | 'en';
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'cp949';

export interface CsvOptions {
  encoding: CsvEncoding;
  headers: HeaderLanguage;
}

const CHUNK_ROWS = 2_000;

function headerNames(language: HeaderLanguage): string[] {
  return BATCH_FIELDS.map((field) => FIELD_HEADERS[field][language]);
}

/**
 * A file stream whose 'error' is always listened to: without a listener, a failure to open
 * (a missing folder, a full disk) would be thrown as an uncaught exception, not rejected.
 */
function openOutput(path: string): WriteStream {
  const stream = createWriteStream(path);
  stream.on('error', () => undefined);
  return stream;
}

async function put(stream: WriteStream, chunk: Buffer | string): Promise<void> {
  if (stream.errored) throw stream.errored;
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await finished(stream);
}

/** RFC 4180 quoting; leading or trailing spaces are quoted too so readers that trim keep them. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CP949 has no ₩ (U+20A9). Korean Excel writes the won sign as byte 0x5C, which reads back as
 * a backslash, and the money parser accepts that spelling; so the demo does the same.
 */
function encodeChunk(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'cp949') return iconv.encode(text.replace(/₩/g, '\\'), 'cp949');
  return Buffer.from(text, 'utf8');
}

/** Returns the number of data rows written. Lines end in CRLF, as Excel writes them. */
export async function writeBatchCsv(
  path: string,
  rows: Iterable<ClaimRow>,
  options: CsvOptions,
): Promise<number> {
  const stream = openOutput(path);
  let count = 0;
  try {
    if (options.encoding === 'utf-8-bom') await put(stream, Buffer.from([0xef, 0xbb, 0xbf]));
    let chunk = `${headerNames(options.headers).map(csvField).join(',')}\r\n`;
    let inChunk = 0;
    for (const row of rows) {
      chunk += `${BATCH_FIELDS.map((field) => csvField(row[field])).join(',')}\r\n`;
      count += 1;
      inChunk += 1;
      if (inChunk === CHUNK_ROWS) {
        await put(stream, encodeChunk(chunk, options.encoding));
        chunk = '';
        inChunk = 0;
      }
    }
    if (chunk !== '') await put(stream, encodeChunk(chunk, options.encoding));
  } finally {
    await close(stream);
  }
  return count;
}

/** One sheet, every cell a string, as the intake side's export writes it. */
export async function writeBatchXlsx(
  path: string,
  rows: Iterable<ClaimRow>,
  headers: HeaderLanguage = 'ko',
): Promise<number> {
  const workbook = new (excelJs().stream.xlsx.WorkbookWriter)({
    filename: path,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('접수목록');
  sheet.addRow(headerNames(headers)).commit();
  let count = 0;
  for (const row of rows) {
    sheet.addRow(BATCH_FIELDS.map((field) => row[field])).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** An array of objects keyed by header name, one object per line so the file diffs well. */
export async function writeBatchJson(
  path: string,
  rows: Iterable<ClaimRow>,
  headers: HeaderLanguage = 'ko',
): Promise<number> {
  const names = headerNames(headers);
  const stream = openOutput(path);
  let count = 0;
  try {
    let chunk = '[';
    for (const row of rows) {
      const entry = Object.fromEntries(BATCH_FIELDS.map((field, i) => [names[i], row[field]]));
      chunk += `${count === 0 ? '\n' : ',\n'}  ${JSON.stringify(entry)}`;
      count += 1;
      if (count % CHUNK_ROWS === 0) {
        await put(stream, chunk);
        chunk = '';
      }
    }
    await put(stream, `${chunk}\n]\n`);
  } finally {
    await close(stream);
  }
  return count;
}

export interface EvidenceFile {
  /** As listed in the batch: "K-2022-000123/pos_2022-10-15.csv". */
  name: string;
  claimId: string;
  businessName: string;
  industry: string;
}

/** Every file the rows name, except the ones meant to be missing (listed separately). */
export function listEvidence(rows: Iterable<ClaimRow>): {
  files: EvidenceFile[];
  missing: string[];
} {
  const files: EvidenceFile[] = [];
  const missing: string[] = [];
  for (const row of rows) {
    for (const name of splitEvidenceList(row.evidence)) {
      if (isDeliberatelyMissing(name)) missing.push(name);
      else
        files.push({
          name,
          claimId: row.claim_id,
          businessName: row.business_name,
          industry: row.industry,
        });
    }
  }
  return { files, missing };
}

/**
 * Generated names are always "claim/file.ext", but rows may have been edited by hand: a name
 * that could land outside the evidence folder or zip root is refused rather than written.
 */
function checkedSegments(name: string): string[] {
  const segments = name.split('/');
  const bad = segments.some((s) => s === '' || s === '.' || s === '..' || /[\\:]/.test(s));
  if (bad) throw new RangeError(`not a safe relative evidence name: ${name}`);
  return segments;
}

export async function writeEvidenceFolder(
  dir: string,
  rows: Iterable<ClaimRow>,
): Promise<{ written: number; missing: string[] }> {
  const { files, missing } = listEvidence(rows);
  for (const file of files) {
    const target = join(dir, ...checkedSegments(file.name));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await makeEvidenceFile(file));
  }
  return { written: files.length, missing };
}

export async function writeEvidenceZip(
  zipPath: string,
  rows: Iterable<ClaimRow>,
): Promise<{ written: number; missing: string[] }> {
  const { files, missing } = listEvidence(rows);
  const zip = new yazl.ZipFile();
  const out = openOutput(zipPath);
  zip.outputStream.pipe(out);
  for (const file of files) {
    checkedSegments(file.name);
    // A fixed mtime keeps the zip byte-identical from one run to the next.
    zip.addBuffer(await makeEvidenceFile(file), file.name, { mtime: DEMO_TIMESTAMP });
  }
  zip.end();
  await finished(out);
  return { written: files.length, missing };
}

import { createReadStream, readSync, openSync, closeSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { decodeStream, detectEncoding } from './encoding';
import {
  CHUNK_ROWS,
  rowObject,
  uniqueHeaders,
  UnreadableBatchError,
  type BatchReader,
  type SourceRow,
} from './types';

function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The end of the last complete record in a piece of CSV text: the last line break that is not
 * inside quotes. RFC 4180 escapes a quote as "", so counting quotes keeps the parity right.
 */
export function lastRecordEnd(text: string): number {
  let inQuotes = false;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) end = i;
  }
  return end;
}

function parseRecords(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy' });
  return parsed.data;
}

/**
 * Streams a CSV in any of the encodings Korean Excel writes. Decoded text arrives in pieces of
 * a few hundred kilobytes; each piece's complete records are parsed at once (papaparse), and
 * a record cut by the piece boundary waits for the next piece. The first record is the header.
 */
export async function openCsvReader(file: string): Promise<BatchReader> {
  const totalBytes = statSync(file).size;
  const encoding = detectEncoding(readHead(file, 64 * 1024));
  const bytes = createReadStream(file, { highWaterMark: 512 * 1024 });
  let bytesRead = 0;
  bytes.on('data', (chunk) => (bytesRead += chunk.length));
  const pieces = decodeStream(bytes, encoding)[Symbol.asyncIterator]() as AsyncIterator<string>;
  let carry = '';
  let finished = false;
  const pending: string[][] = [];

  /** Fills `pending` with the next parsed records; false once the file is exhausted. */
  async function more(): Promise<boolean> {
    while (!finished) {
      const next = await pieces.next();
      if (next.done) {
        finished = true;
        if (carry.trim() !== '') pending.push(...parseRecords(carry));
        carry = '';
        return pending.length > 0;
      }
      carry += next.value;
      const end = lastRecordEnd(carry);
      if (end < 0) continue;
      const records = parseRecords(carry.slice(0, end + 1));
      carry = carry.slice(end + 1);
      for (const record of records) pending.push(record);
      if (pending.length > 0) return true;
    }
    return pending.length > 0;
  }

  try {
    await more();
  } catch (error) {
    throw new UnreadableBatchError(file, String(error));
  }
  const header = pending.shift();
  if (!header) throw new UnreadableBatchError(file, 'the file is empty');
  const headers = uniqueHeaders(header);

  async function* chunks(): AsyncGenerator<SourceRow[]> {
    let row = 1;
    for (;;) {
      if (pending.length === 0 && !(await more())) return;
      const chunk: SourceRow[] = [];
      while (pending.length > 0 && chunk.length < CHUNK_ROWS) {
        row += 1;
        chunk.push({ row, values: rowObject(headers, pending.shift()!) });
      }
      yield chunk;
    }
  }

  return {
    format: 'csv',
    encoding,
    sheets: [],
    headers,
    chunks,
    bytesRead: () => bytesRead,
    totalBytes,
    close: () => bytes.destroy(),
  };
}

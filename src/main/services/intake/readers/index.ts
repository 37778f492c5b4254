import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { openCsvReader } from './csv';
import { openJsonReader } from './json';
import { UnreadableBatchError, type BatchFormat, type BatchReader } from './types';
import { openXlsxReader } from './xlsx';

export type { BatchReader, SourceRow, BatchFormat } from './types';
export { UnreadableBatchError } from './types';

/** By content first (a renamed file still reads), by extension where content cannot tell. */
export function detectFormat(file: string): BatchFormat {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(8);
  const n = readSync(fd, head, 0, 8, 0);
  closeSync(fd);
  if (n >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    return 'xlsx';
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.xlsx') return 'xlsx';
  const start = head
    .subarray(0, n)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return start.startsWith('[') ? 'json' : 'csv';
}

export async function openBatchReader(
  file: string,
  options: { sheet?: string | null } = {},
): Promise<BatchReader> {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new UnreadableBatchError(file, 'the file does not exist');
  }
  if (!stat.isFile()) throw new UnreadableBatchError(file, 'not a file');
  if (stat.size === 0) throw new UnreadableBatchError(file, 'the file is empty');
  const format = detectFormat(file);
  if (format === 'xlsx') return openXlsxReader(file, options.sheet ?? null);
  if (format === 'json') return openJsonReader(file);
  return openCsvReader(file);
}

import { ServiceError } from '../../errors';
import type { BatchRefusalCode } from '../../../../shared/domain/batch-refusals';
import type { TextEncoding } from './encoding';

/** One data row as the file had it: its row number as a spreadsheet shows it, and header -> text. */
export interface SourceRow {
  row: number;
  values: Record<string, string>;
}

export type BatchFormat = 'csv' | 'xlsx' | 'json';

export interface BatchReader {
  format: BatchFormat;
  encoding: TextEncoding | null;
  /** Sheet names of a workbook, in order; empty for CSV and JSON. */
  sheets: string[];
  headers: string[];
  /** Data rows in chunks (a chunk per few thousand rows keeps the per-row cost low). */
  chunks(): AsyncGenerator<SourceRow[]>;
  /** How far through the file the reader is, for progress. */
  bytesRead(): number;
  totalBytes: number;
  close(): void;
}

/**
 * A batch file refused whole, at open or part-way through (a cut record, a stray quote, bad
 * bytes): a ServiceError, so the CLI and the router report it as a typed refusal wherever it is
 * thrown; the import's transaction rolls back. `issueCode` names the kind, `at` the place.
 */
export class UnreadableBatchError extends ServiceError {
  constructor(
    readonly file: string,
    reason: string,
    readonly issueCode: BatchRefusalCode = 'unreadable_batch',
    at = '',
  ) {
    super('validation_failed', `${file} cannot be read as a claim batch: ${reason}`, [
      { path: at, code: issueCode, message: reason },
    ]);
    this.name = 'UnreadableBatchError';
  }
}

export const CHUNK_ROWS = 2000;

/**
 * A streamed chunk also ends once its cells hold this many characters, so a file of long rows
 * comes in more, smaller chunks and what is held at once stays bounded (the import's worker
 * thread runs within a fixed heap: prepare-in-worker.ts).
 */
export const CHUNK_CHARS = 2_000_000;

/**
 * Header names as keys: blank headers get a column letter, repeated ones a suffix, so no
 * cell of the file is dropped or overwritten when the row becomes an object.
 */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((header, index) => {
    const base = header.trim() === '' ? `(열 ${index + 1})` : header.trim();
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base} (${count + 1})`;
  });
}

/** Cells beyond the header row's width are kept under a positional name. */
export function rowObject(
  headers: readonly string[],
  cells: readonly string[],
): Record<string, string> {
  const values: Record<string, string> = {};
  const width = Math.max(headers.length, cells.length);
  for (let i = 0; i < width; i++) {
    const cell = cells[i] ?? '';
    const key = headers[i] ?? `(열 ${i + 1})`;
    if (i >= headers.length && cell === '') continue;
    // A "__proto__" header stays an ordinary key (assignment would drop the cell).
    if (key === '__proto__')
      Object.defineProperty(values, key, {
        value: cell,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else values[key] = cell;
  }
  return values;
}

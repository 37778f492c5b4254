import ExcelJS from '../../../lib/exceljs';
import type { CellValue, Row, stream } from 'exceljs';
import { statSync } from 'node:fs';
import { fromSpreadsheetDate } from '../../../../shared/domain/dates';
import {
  CHUNK_ROWS,
  rowObject,
  uniqueHeaders,
  UnreadableBatchError,
  type BatchReader,
  type SourceRow,
} from './types';

/** A cell as the text a person sees in Excel, whatever exceljs made of it. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return fromSpreadsheetDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

function cellsOf(row: Row): string[] {
  // row.values is 1-based with a hole at index 0.
  const values = row.values as CellValue[];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  return cells;
}

/**
 * Streams one worksheet (the first, or the one named) without loading the workbook into
 * memory. Rows keep their sheet row numbers, so a quarantine report points at the right line.
 */
export async function openXlsxReader(
  file: string,
  sheet: string | null = null,
): Promise<BatchReader> {
  const totalBytes = statSync(file).size;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  const sheets: string[] = [];
  const worksheets = reader[Symbol.asyncIterator]() as AsyncIterator<stream.xlsx.WorksheetReader>;
  let worksheet: stream.xlsx.WorksheetReader | undefined;
  try {
    for (;;) {
      const next = await worksheets.next();
      if (next.done) break;
      const name = (next.value as unknown as { name: string }).name;
      sheets.push(name);
      if (sheet === null || name === sheet) {
        worksheet = next.value;
        break;
      }
      // The workbook is one stream: a sheet passed over must still be read through.
      for await (const _row of next.value) void _row;
    }
  } catch (error) {
    throw new UnreadableBatchError(file, `not a readable XLSX workbook (${String(error)})`);
  }
  if (!worksheet)
    throw new UnreadableBatchError(
      file,
      sheet === null ? 'the workbook has no sheet' : `there is no sheet named "${sheet}"`,
    );

  const rows = worksheet[Symbol.asyncIterator]() as AsyncIterator<Row>;
  const first = await rows.next();
  if (first.done) throw new UnreadableBatchError(file, 'the sheet is empty');
  const headers = uniqueHeaders(cellsOf(first.value));

  async function* chunks(): AsyncGenerator<SourceRow[]> {
    let chunk: SourceRow[] = [];
    for (;;) {
      const next = await rows.next();
      if (next.done) break;
      const cells = cellsOf(next.value);
      if (cells.every((cell) => cell.trim() === '')) continue;
      chunk.push({ row: next.value.number, values: rowObject(headers, cells) });
      if (chunk.length === CHUNK_ROWS) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  let done = false;
  return {
    format: 'xlsx',
    encoding: null,
    sheets,
    headers,
    chunks: async function* () {
      yield* chunks();
      done = true;
    },
    // The zip is read as one stream; progress is only known at the end.
    bytesRead: () => (done ? totalBytes : 0),
    totalBytes,
    close: () => undefined,
  };
}

import { statSync } from 'node:fs';
import { CHUNK_ROWS, rowObject, uniqueHeaders, UnreadableBatchError } from '../types';
import type { BatchReader, SourceRow } from '../types';
import { sheetRows, type SheetRow } from './sheet-rows';
import { readWorkbookParts, type WorkbookParts } from './workbook-parts';
import { WorkbookZip } from './workbook-zip';
import { DamagedPartError } from './xml-part';

export { XLSX_LIMITS } from './xml-part';

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Streams one worksheet (the first, or the one named). The workbook is refused whole, with the
 * place it broke, when any part it needs is damaged or cut, even after rows were read: the
 * import's transaction then rolls back, so a cut file never imports the rows before the cut.
 * Rows keep their sheet row numbers, so a quarantine report points at the right line.
 */
export async function openXlsxReader(
  file: string,
  sheetName: string | null = null,
): Promise<BatchReader> {
  const totalBytes = statSync(file).size;
  let zip: WorkbookZip;
  try {
    zip = await WorkbookZip.open(file);
  } catch (error) {
    throw new UnreadableBatchError(
      file,
      `not a readable XLSX workbook: its zip is damaged or cut (${(error as Error).message})`,
      'xlsx_damaged',
    );
  }
  try {
    return await readerFor(file, zip, sheetName, totalBytes);
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function readerFor(
  file: string,
  zip: WorkbookZip,
  sheetName: string | null,
  totalBytes: number,
): Promise<BatchReader> {
  let parts: WorkbookParts;
  try {
    parts = await readWorkbookParts(zip);
  } catch (error) {
    throw refusal(file, error, atPart(error));
  }
  const sheet =
    sheetName === null ? parts.sheets[0] : parts.sheets.find((s) => s.name === sheetName);
  if (!sheet)
    throw new UnreadableBatchError(
      file,
      sheetName === null ? 'the workbook has no sheet' : `there is no sheet named "${sheetName}"`,
      'xlsx_no_sheet',
    );
  if (!zip.has(sheet.part))
    throw new UnreadableBatchError(
      file,
      `sheet "${sheet.name}" is missing from the workbook (${sheet.part})`,
      'xlsx_damaged',
    );

  try {
    await zip.verify(sheet.part);
  } catch (error) {
    throw refusal(file, error, { place: `sheet "${sheet.name}" (${sheet.part})`, at: sheet.part });
  }

  // Progress by the sheet's inflated bytes, scaled to the file's size.
  const sheetBytes = Math.max(1, zip.sizeOf(sheet.part));
  let inflated = 0;
  let lastRow: number | null = null;
  const rows = (async function* () {
    try {
      for await (const batch of sheetRows(zip, sheet, parts, (n) => (inflated += n))) {
        for (const row of batch) {
          lastRow = row.row;
          yield row;
        }
      }
    } catch (error) {
      throw refusal(file, error, atRow(sheet.name, lastRow));
    }
  })();

  let header: SheetRow | undefined;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    header = next.value;
    break;
  }
  if (!header) throw new UnreadableBatchError(file, 'the sheet is empty', 'xlsx_empty_sheet');
  const headers = uniqueHeaders(header.cells);

  async function* chunks(): AsyncGenerator<SourceRow[]> {
    let chunk: SourceRow[] = [];
    for await (const { row, cells } of rows) {
      if (isBlank(cells)) continue;
      chunk.push({ row, values: rowObject(headers, cells) });
      if (chunk.length === CHUNK_ROWS) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  return {
    format: 'xlsx',
    encoding: null,
    sheets: parts.sheets.map((s) => s.name),
    headers,
    chunks,
    bytesRead: () => Math.min(totalBytes, Math.round((inflated / sheetBytes) * totalBytes)),
    totalBytes,
    close: () => {
      rows.return(undefined).catch(() => undefined);
      zip.close();
    },
  };
}

/** Where a refusal happened: `place` finishes "damaged or cut at ...", `at` is the path. */
interface Place {
  place: string;
  at: string;
}

const atPart = (error: unknown): Place => {
  const part = error instanceof DamagedPartError ? error.part : '';
  return { place: `part ${part}`, at: part };
};

const atRow = (sheet: string, lastRow: number | null): Place =>
  lastRow === null
    ? { place: `sheet "${sheet}" before its first row`, at: 'row 1' }
    : { place: `sheet "${sheet}" after row ${lastRow}`, at: `row ${lastRow}` };

function refusal(file: string, error: unknown, { place, at }: Place): UnreadableBatchError {
  if (error instanceof UnreadableBatchError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof DamagedPartError ? error.code : 'xlsx_damaged';
  const what = code === 'xlsx_damaged' ? `the workbook is damaged or cut at ${place}` : place;
  return new UnreadableBatchError(
    file,
    `${what}: ${message}; nothing is imported from it`,
    code,
    at,
  );
}

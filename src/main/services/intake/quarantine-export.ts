import Papa from 'papaparse';
import { QUARANTINE_EXPORT_HEADERS } from '../../../shared/domain/batch-format';
import { guardCell } from '../../../shared/domain/spreadsheet-cell';
import { listQuarantine } from '../../db/repositories/quarantine';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { findBatchById } from '../../db/repositories/batches';
import { writeNewFile } from '../new-file';

/**
 * Writes a batch's open quarantine rows as CSV (UTF-8 with BOM, so Korean Excel opens it as
 * Hangul) under the file's own headers, with the entry number, the row in the batch's own file
 * and the reasons in front. Fixed in a spreadsheet, the file imports back into the same batch
 * (intoBatchId): each row ends the entry its 보류번호 names, as a claim or as a new entry that
 * replaces it, so the next export has one row per row still open.
 *
 * Every cell goes through guardCell: inert in a spreadsheet, and undone exactly by the import,
 * which knows the file by those two columns (isQuarantineExport), so the claim text that comes
 * back is the text the source had.
 */
export function exportQuarantineCsv(
  ctx: ServiceContext,
  batchId: number,
  outFile: string,
): { rows: number } {
  if (!findBatchById(ctx.db, batchId))
    throw new ServiceError('not_found', `batch ${batchId} does not exist`);
  const entries = listQuarantine(ctx.db, batchId, { openOnly: true });
  const headers: string[] = [];
  for (const entry of entries)
    for (const key of Object.keys(entry.raw))
      // A source column named like one of the export's own would appear twice; the entry in
      // the database keeps it.
      if (!headers.includes(key) && !QUARANTINE_EXPORT_HEADERS.includes(key)) headers.push(key);
  const rows = entries.map((entry) => [
    String(entry.id),
    String(entry.originalRow),
    entry.kind === 'duplicate'
      ? `이미 묶음 ${entry.existingBatchId}에 있는 접수번호 / already in batch ${entry.existingBatchId}`
      : entry.reasons.map((reason) => `${reason.field}: ${reason.ko}`).join('; '),
    ...headers.map((header) => entry.raw[header] ?? ''),
  ]);
  // Headers come from the intake file too, so they are as untrusted as the values.
  const table = [[...QUARANTINE_EXPORT_HEADERS, ...headers], ...rows].map((row) =>
    row.map(guardCell),
  );
  // Never over another file: it may be the fixed copy of an earlier export, not yet imported.
  writeNewFile(
    outFile,
    `\uFEFF${Papa.unparse(table, { newline: '\r\n' })}`,
    'a quarantine export is never saved over another file',
  );
  return { rows: rows.length };
}

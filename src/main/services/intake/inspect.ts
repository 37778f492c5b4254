import { isQuarantineExport, resolveColumns } from '../../../shared/domain/batch-format';
import { unguardCell } from '../../../shared/domain/spreadsheet-cell';
import type { ImportInspection } from '../../../shared/ipc/intake-schemas';
import { openBatchReader } from './readers';

const SAMPLE_ROWS = 5;

/** What the column-mapping step shows before an import: format, encoding, headers and a few rows. */
export async function inspectBatchFile(
  file: string,
  sheet: string | null = null,
): Promise<ImportInspection> {
  // An unreadable file is refused with the reader's typed error (its issue code and place).
  const reader = await openBatchReader(file, { sheet });
  try {
    const sampleRows: Record<string, string>[] = [];
    for await (const chunk of reader.chunks()) {
      sampleRows.push(...chunk.slice(0, SAMPLE_ROWS).map((row) => row.values));
      break;
    }
    // A quarantine export coming back is mapped by the headers the import will use.
    const headers = isQuarantineExport(reader.headers)
      ? reader.headers.map(unguardCell)
      : reader.headers;
    const columns = resolveColumns(headers);
    return {
      format: reader.format,
      encoding: reader.encoding,
      sheets: reader.sheets,
      headers,
      mapping: columns.mapping,
      unknownHeaders: columns.unknownHeaders,
      missingRequired: columns.missingRequired,
      duplicateFields: columns.duplicateFields,
      sampleRows,
    };
  } finally {
    reader.close();
  }
}

import { resolveColumns } from '../../../shared/domain/batch-format';
import type { ImportInspection } from '../../../shared/ipc/import-schemas';
import { ServiceError } from '../errors';
import { openBatchReader, UnreadableBatchError } from './readers';

const SAMPLE_ROWS = 5;

/** What the column-mapping step shows before an import: format, encoding, headers and a few rows. */
export async function inspectBatchFile(
  file: string,
  sheet: string | null = null,
): Promise<ImportInspection> {
  let reader;
  try {
    reader = await openBatchReader(file, { sheet });
  } catch (error) {
    if (error instanceof UnreadableBatchError)
      throw new ServiceError('validation_failed', error.message);
    throw error;
  }
  try {
    const sampleRows: Record<string, string>[] = [];
    for await (const chunk of reader.chunks()) {
      sampleRows.push(...chunk.slice(0, SAMPLE_ROWS).map((row) => row.values));
      break;
    }
    const columns = resolveColumns(reader.headers);
    return {
      format: reader.format,
      encoding: reader.encoding,
      sheets: reader.sheets,
      headers: reader.headers,
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

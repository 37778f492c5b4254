import { basename } from 'node:path';
import {
  FIELD_HEADERS,
  isQuarantineExport,
  QUARANTINE_ENTRY_HEADER,
  QUARANTINE_EXPORT_HEADERS,
  resolveColumns,
  type ResolvedColumns,
} from '../../../shared/domain/batch-format';
import { unguardCell } from '../../../shared/domain/spreadsheet-cell';
import type { ImportRequest } from '../../../shared/ipc/intake-schemas';
import { ServiceError } from '../errors';

/** The file's columns mapped to claim fields; a file that lacks one, or maps one twice, is refused. */
export function checkColumns(headers: readonly string[], request: ImportRequest): ResolvedColumns {
  const columns = resolveColumns(headers, request.mapping ?? {});
  const problems = [
    ...columns.missingRequired.map((field) => ({
      path: field,
      code: 'missing_column',
      message: `no column for ${FIELD_HEADERS[field].ko} (${field})`,
    })),
    ...columns.duplicateFields.map((field) => ({
      path: field,
      code: 'duplicate_column',
      message: `more than one column maps to ${FIELD_HEADERS[field].ko} (${field})`,
    })),
  ];
  if (problems.length > 0) {
    throw new ServiceError(
      'validation_failed',
      `${basename(request.file)} needs a column mapping: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
  return columns;
}

export interface RoundTrip {
  headers: readonly string[];
  values: (cells: Record<string, string>) => Record<string, string>;
  entryOf: (cells: Record<string, string>) => number | null;
}

/**
 * For a quarantine export coming back (isQuarantineExport): its headers and cells with the
 * export's guard removed (unguardCell, which touches only text guardCell could have made), and
 * without the export's own columns; entryOf reads the row's 보류번호 (the entry it copies).
 * Any other file is read exactly as it is, so a person's own leading ' is kept.
 */
export function restoreRoundTrip(headers: readonly string[]): RoundTrip {
  if (!isQuarantineExport(headers))
    return { headers, values: (cells) => cells, entryOf: () => null };
  const restored = headers.map(unguardCell);
  const renamed = new Map(headers.map((header, i) => [header, restored[i]!]));
  return {
    headers: restored,
    values: (cells) => {
      const out: Record<string, string> = {};
      for (const [header, cell] of Object.entries(cells)) {
        // The export's own columns are not the claimant's data: a row set aside again is kept
        // under the file's headers only, so the next export has the same shape.
        if (QUARANTINE_EXPORT_HEADERS.includes(header)) continue;
        // defineProperty keeps a "__proto__" header an ordinary key.
        Object.defineProperty(out, renamed.get(header) ?? unguardCell(header), {
          value: unguardCell(cell),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    },
    entryOf: (cells) => {
      const text = unguardCell(cells[QUARANTINE_ENTRY_HEADER] ?? '').trim();
      return /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null;
    },
  };
}

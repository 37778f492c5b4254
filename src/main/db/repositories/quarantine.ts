import type { RowIssue } from '../../../shared/domain/claim-row';
import type { Db } from '../connection';

export interface QuarantineInput {
  batchId: number;
  importFileId: number;
  sourceRow: number;
  kind: 'invalid' | 'duplicate';
  claimId: string | null;
  raw: Record<string, string>;
  reasons: RowIssue[];
  existingBatchId: number | null;
  /** The open entry this row is a fixed copy of, when it came back from an export and failed again. */
  fixesEntryId: number | null;
}

/** Which end a row reached (migration 015's quarantine_status). */
export type QuarantineStatus = 'open' | 'resolved' | 'discarded' | 'superseded';

export interface QuarantineEntry extends QuarantineInput {
  id: number;
  status: QuarantineStatus;
  /** The claim a later, fixed row became. */
  resolvedBy: string | null;
  /** The entry a fixed copy that was set aside again became. */
  supersededBy: number | null;
  discard: { reason: string; by: string; at: string } | null;
  /** The row in the batch's own file, followed back through every fixed copy. */
  originalRow: number;
}

export function quarantineInserter(db: Db): (entry: QuarantineInput) => number {
  const statement = db.prepare(
    `INSERT INTO quarantine (batch_id, import_file_id, source_row, kind, claim_id, raw, reasons,
       existing_batch_id, fixes_entry_id)
     VALUES (@batchId, @importFileId, @sourceRow, @kind, @claimId, @raw, @reasons,
       @existingBatchId, @fixesEntryId)`,
  );
  return (entry) =>
    Number(
      statement.run({
        ...entry,
        raw: JSON.stringify(entry.raw),
        reasons: JSON.stringify(entry.reasons),
      }).lastInsertRowid,
    );
}

interface StatusRow {
  id: number;
  batchId: number;
  importFileId: number;
  sourceRow: number;
  kind: 'invalid' | 'duplicate';
  claimId: string | null;
  raw: string;
  reasons: string;
  existingBatchId: number | null;
  fixesEntryId: number | null;
  status: QuarantineStatus;
  resolvedBy: string | null;
  supersededBy: number | null;
  discardReason: string | null;
  discardedBy: string | null;
  discardedAt: string | null;
}

const SELECT_STATUS = `SELECT id, batch_id AS batchId, import_file_id AS importFileId,
    source_row AS sourceRow, kind, claim_id AS claimId, raw, reasons,
    existing_batch_id AS existingBatchId, fixes_entry_id AS fixesEntryId, status,
    resolved_by AS resolvedBy, superseded_by AS supersededBy, discard_reason AS discardReason,
    discarded_by AS discardedBy, discarded_at AS discardedAt
  FROM quarantine_status`;

function decode(row: StatusRow, originalRow: number): QuarantineEntry {
  const { discardReason, discardedBy, discardedAt, raw, reasons, ...rest } = row;
  return {
    ...rest,
    raw: JSON.parse(raw) as Record<string, string>,
    reasons: JSON.parse(reasons) as RowIssue[],
    discard:
      discardReason === null ? null : { reason: discardReason, by: discardedBy!, at: discardedAt! },
    originalRow,
  };
}

/** A batch's quarantine, every entry with the end it reached, in the order the rows arrived. */
export function listQuarantine(
  db: Db,
  batchId: number,
  options: { openOnly?: boolean } = {},
): QuarantineEntry[] {
  const rows = db
    .prepare(`${SELECT_STATUS} WHERE batch_id = ? ORDER BY import_file_id, source_row`)
    .all(batchId) as StatusRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const originalRow = (row: StatusRow): number => {
    let first = row;
    while (first.fixesEntryId !== null && byId.has(first.fixesEntryId))
      first = byId.get(first.fixesEntryId)!;
    return first.sourceRow;
  };
  return rows
    .filter((row) => !options.openOnly || row.status === 'open')
    .map((row) => decode(row, originalRow(row)));
}

export function findQuarantineEntry(db: Db, id: number): QuarantineEntry | undefined {
  const row = db.prepare(`${SELECT_STATUS} WHERE id = ?`).get(id) as StatusRow | undefined;
  return row && decode(row, row.sourceRow);
}

/** Prepared once, run per returning row: is this entry of the batch still open? */
export function openEntryLookup(db: Db): (batchId: number, id: number) => boolean {
  const statement = db.prepare(
    `SELECT 1 FROM quarantine_status WHERE id = ? AND batch_id = ? AND status = 'open'`,
  );
  return (batchId, id) => statement.get(id, batchId) !== undefined;
}

/**
 * Links open quarantine rows to the claim a fixed row became: the entry the row named (a
 * returning export's 보류번호), and every open row of the batch with the same claim id.
 */
export function resolverFor(
  db: Db,
): (
  batchId: number,
  claimId: string,
  importFileId: number,
  at: string,
  entryId: number | null,
) => number {
  const statement = db.prepare(
    `INSERT INTO quarantine_resolutions (quarantine_id, claim_id, import_file_id, resolved_at)
     SELECT id, @claimId, @importFileId, @at FROM quarantine_status
     WHERE batch_id = @batchId AND status = 'open' AND (claim_id = @claimId OR id = @entryId)`,
  );
  return (batchId, claimId, importFileId, at, entryId) =>
    statement.run({ batchId, claimId, importFileId, at, entryId }).changes;
}

export function insertQuarantineDiscard(
  db: Db,
  discard: { quarantineId: number; reason: string; by: string; at: string },
): void {
  db.prepare(
    `INSERT INTO quarantine_discards (quarantine_id, reason, discarded_by, discarded_at)
     VALUES (@quarantineId, @reason, @by, @at)`,
  ).run(discard);
}

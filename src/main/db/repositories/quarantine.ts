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
}

export interface QuarantineEntry extends QuarantineInput {
  id: number;
  /** The claim a later, fixed row became; null while the row is still waiting. */
  resolvedBy: string | null;
}

export function quarantineInserter(db: Db): (entry: QuarantineInput) => void {
  const statement = db.prepare(
    `INSERT INTO quarantine (batch_id, import_file_id, source_row, kind, claim_id, raw, reasons, existing_batch_id)
     VALUES (@batchId, @importFileId, @sourceRow, @kind, @claimId, @raw, @reasons, @existingBatchId)`,
  );
  return (entry) =>
    statement.run({
      ...entry,
      raw: JSON.stringify(entry.raw),
      reasons: JSON.stringify(entry.reasons),
    });
}

/** raw and reasons stay JSON text until decoded. */
type QuarantineRow = Omit<QuarantineEntry, 'raw' | 'reasons'> & { raw: string; reasons: string };

function decode(row: QuarantineRow): QuarantineEntry {
  return {
    ...row,
    raw: JSON.parse(row.raw) as Record<string, string>,
    reasons: JSON.parse(row.reasons) as RowIssue[],
  };
}

export function listQuarantine(
  db: Db,
  batchId: number,
  options: { unresolvedOnly?: boolean } = {},
): QuarantineEntry[] {
  const rows = db
    .prepare(
      `SELECT q.id, q.batch_id AS batchId, q.import_file_id AS importFileId,
         q.source_row AS sourceRow, q.kind, q.claim_id AS claimId, q.raw, q.reasons,
         q.existing_batch_id AS existingBatchId, r.claim_id AS resolvedBy FROM quarantine q
       LEFT JOIN quarantine_resolutions r ON r.quarantine_id = q.id
       WHERE q.batch_id = ? ${options.unresolvedOnly ? 'AND r.quarantine_id IS NULL' : ''}
       ORDER BY q.import_file_id, q.source_row`,
    )
    .all(batchId) as QuarantineRow[];
  return rows.map(decode);
}

/** Links every waiting quarantine row of the batch with this claim id to the claim it became. */
export function resolverFor(
  db: Db,
): (batchId: number, claimId: string, importFileId: number, at: string) => number {
  const statement = db.prepare(
    `INSERT INTO quarantine_resolutions (quarantine_id, claim_id, import_file_id, resolved_at)
     SELECT q.id, @claimId, @importFileId, @at FROM quarantine q
     WHERE q.batch_id = @batchId AND q.claim_id = @claimId
       AND NOT EXISTS (SELECT 1 FROM quarantine_resolutions r WHERE r.quarantine_id = q.id)`,
  );
  return (batchId, claimId, importFileId, at) =>
    statement.run({ batchId, claimId, importFileId, at }).changes;
}

import type { EvidenceProblem } from '../../../shared/domain/evidence';
import type { Db } from '../connection';

export type EvidenceStatus = 'stored' | 'missing' | 'rejected';

export interface EvidenceInput {
  claimId: string;
  position: number;
  fileName: string;
  status: EvidenceStatus;
  sha256: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  // Written as a code the screens word in both languages; rows read back may hold older text.
  problem: EvidenceProblem | null;
}

export function evidenceInserter(db: Db): (item: EvidenceInput) => void {
  const statement = db.prepare(
    `INSERT INTO evidence (claim_id, position, file_name, status, sha256, media_type, size_bytes, problem)
     VALUES (@claimId, @position, @fileName, @status, @sha256, @mediaType, @sizeBytes, @problem)`,
  );
  return (item) => statement.run(item);
}

export function insertEvidence(db: Db, item: EvidenceInput): void {
  evidenceInserter(db)(item);
}

export function listEvidenceForClaim(db: Db, claimId: string): EvidenceInput[] {
  return db
    .prepare(
      `SELECT claim_id AS claimId, position, file_name AS fileName, status, sha256,
              media_type AS mediaType, size_bytes AS sizeBytes, problem
       FROM evidence WHERE claim_id = ? ORDER BY position`,
    )
    .all(claimId) as EvidenceInput[];
}

/** Where the next file for a claim goes: after everything it already has. */
export function nextEvidencePosition(db: Db, claimId: string): number {
  return db
    .prepare('SELECT coalesce(max(position) + 1, 0) FROM evidence WHERE claim_id = ?')
    .pluck()
    .get(claimId) as number;
}

/** A file that came later than the claim's batch, linked to the arrival that brought it. */
export function insertArrivedEvidence(db: Db, item: EvidenceInput & { arrivalId: number }): void {
  db.prepare(
    `INSERT INTO evidence (claim_id, position, file_name, status, sha256, media_type, size_bytes,
       problem, arrival_id)
     VALUES (@claimId, @position, @fileName, @status, @sha256, @mediaType, @sizeBytes, @problem,
       @arrivalId)`,
  ).run(item);
}

/** A claim's evidence with the arrival each file came in (null: it came with the batch). */
export function listEvidenceWithArrivals(
  db: Db,
  claimId: string,
): (EvidenceInput & { arrivalId: number | null })[] {
  return db
    .prepare(
      `SELECT claim_id AS claimId, position, file_name AS fileName, status, sha256,
              media_type AS mediaType, size_bytes AS sizeBytes, problem, arrival_id AS arrivalId
       FROM evidence WHERE claim_id = ? ORDER BY position`,
    )
    .all(claimId) as (EvidenceInput & { arrivalId: number | null })[];
}

import type { Agreement } from '../../../shared/domain/committee/agreement';
import type { Outcome, ReasonCode } from '../../../shared/domain/decision';
import type { Db } from '../connection';

/*
 * Rows of the members' recommendation files (recommendation_files, recommendations; both
 * append-only) and of the per-claim agreement derived from them (claim_agreement, migration
 * 011). Which file counts for a member is one rule, kept in LATEST_FILE: per member and batch,
 * the file with the latest payload createdAt, then the later import. Older files stay stored
 * and listed, marked as superseded.
 */

/** True for `f`, a recommendation_files row, when it is its member's latest for its batch. */
const LATEST_FILE = `f.id = (SELECT g.id FROM recommendation_files g
  WHERE g.member = f.member AND g.batch_id = f.batch_id
  ORDER BY g.created_at DESC, g.id DESC LIMIT 1)`;

/** A stored file found by the SHA-256 of its bytes, with its batch and how many it holds. */
export interface StoredRecommendationFile {
  member: string;
  batchId: number;
  batchName: string;
  count: number;
}

export function findRecommendationFileBySha256(
  db: Db,
  fileSha256: string,
): StoredRecommendationFile | undefined {
  return db
    .prepare(
      `SELECT f.member, f.batch_id AS batchId, b.name AS batchName,
              (SELECT count(*) FROM recommendations r WHERE r.file_id = f.id) AS count
       FROM recommendation_files f JOIN batches b ON b.id = f.batch_id
       WHERE f.file_sha256 = ?`,
    )
    .get(fileSha256) as StoredRecommendationFile | undefined;
}

export interface RecommendationFileInsert {
  fileSha256: string;
  member: string;
  kid: string;
  batchId: number;
  createdAt: string;
  importedAt: string;
  importedBy: string;
  fileText: string;
}

/** Stores a file's row; returns its id. */
export function insertRecommendationFile(db: Db, file: RecommendationFileInsert): number {
  return Number(
    db
      .prepare(
        `INSERT INTO recommendation_files (file_sha256, member, kid, batch_id, created_at,
           imported_at, imported_by, file_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        file.fileSha256,
        file.member,
        file.kid,
        file.batchId,
        file.createdAt,
        file.importedAt,
        file.importedBy,
        file.fileText,
      ).lastInsertRowid,
  );
}

export interface RecommendationInsert {
  fileId: number;
  claimId: string;
  outcome: Outcome;
  amount: number | null;
  reasonCodes: readonly ReasonCode[];
  note: string;
}

/** Prepared once, run per recommendation of a file. */
export function recommendationInserter(db: Db): (rec: RecommendationInsert) => void {
  const statement = db.prepare(
    `INSERT INTO recommendations (file_id, claim_id, outcome, amount, reason_codes, note)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  return (rec) => {
    statement.run(
      rec.fileId,
      rec.claimId,
      rec.outcome,
      rec.amount,
      JSON.stringify(rec.reasonCodes),
      rec.note,
    );
  };
}

/** One member's current recommendation on one claim. */
export interface LatestRecommendationRow {
  claimId: string;
  member: string;
  outcome: Outcome;
  amount: number | null;
  reasonCodes: ReasonCode[];
}

/**
 * Each member's recommendations from that member's latest file for the claim's batch, for one
 * batch or (no batchId) all, by claim id then member name.
 */
export function listLatestRecommendations(db: Db, batchId?: number): LatestRecommendationRow[] {
  const rows = db
    .prepare(
      `SELECT r.claim_id AS claimId, f.member, r.outcome, r.amount, r.reason_codes AS reasonCodes
       FROM recommendations r JOIN recommendation_files f ON f.id = r.file_id
       WHERE (@batch IS NULL OR f.batch_id = @batch) AND ${LATEST_FILE}
       ORDER BY r.claim_id, f.member`,
    )
    .all({ batch: batchId ?? null }) as (Omit<LatestRecommendationRow, 'reasonCodes'> & {
    reasonCodes: string;
  })[];
  return rows.map((row) => ({
    ...row,
    reasonCodes: JSON.parse(row.reasonCodes) as ReasonCode[],
  }));
}

/** One member's current recommendation on a claim, with the file's signer and signing time. */
export interface ClaimRecommendationRow {
  member: string;
  kid: string;
  signedAt: string;
  outcome: Outcome;
  amount: number | null;
  reasonCodes: ReasonCode[];
  note: string;
}

/** Each member's recommendation on one claim from their latest file, by member name. */
export function listClaimRecommendations(db: Db, claimId: string): ClaimRecommendationRow[] {
  const rows = db
    .prepare(
      `SELECT f.member, f.kid, f.created_at AS signedAt, r.outcome, r.amount,
              r.reason_codes AS reasonCodes, r.note
       FROM recommendations r JOIN recommendation_files f ON f.id = r.file_id
       WHERE r.claim_id = ? AND ${LATEST_FILE}
       ORDER BY f.member`,
    )
    .all(claimId) as (Omit<ClaimRecommendationRow, 'reasonCodes'> & { reasonCodes: string })[];
  return rows.map((row) => ({
    ...row,
    reasonCodes: JSON.parse(row.reasonCodes) as ReasonCode[],
  }));
}

/** An imported file as listed, without its text. */
export interface RecommendationFileRow {
  id: number;
  member: string;
  kid: string;
  batchId: number;
  batchName: string;
  count: number;
  signedAt: string;
  importedAt: string;
  importedBy: string;
  fileSha256: string;
  /** False when a later file of the same member for the same batch supersedes it. */
  current: boolean;
}

/** Every imported file, newest import first. */
export function listRecommendationFileRows(db: Db): RecommendationFileRow[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.member, f.kid, f.batch_id AS batchId, b.name AS batchName,
              (SELECT count(*) FROM recommendations r WHERE r.file_id = f.id) AS count,
              f.created_at AS signedAt, f.imported_at AS importedAt, f.imported_by AS importedBy,
              f.file_sha256 AS fileSha256, (${LATEST_FILE}) AS current
       FROM recommendation_files f JOIN batches b ON b.id = f.batch_id
       ORDER BY f.id DESC`,
    )
    .all() as (Omit<RecommendationFileRow, 'current'> & { current: number })[];
  return rows.map((row) => ({ ...row, current: row.current === 1 }));
}

/** Removes the agreement of every claim of the batch that has any recommendation. */
export function deleteBatchClaimAgreement(db: Db, batchId: number): void {
  db.prepare(
    `DELETE FROM claim_agreement WHERE claim_id IN (
       SELECT r.claim_id FROM recommendations r JOIN recommendation_files f ON f.id = r.file_id
       WHERE f.batch_id = ?)`,
  ).run(batchId);
}

export interface ClaimAgreementInsert {
  claimId: string;
  agreement: Agreement;
  members: number;
  split: string;
}

/** Prepared once, run per claim of a batch. */
export function claimAgreementInserter(db: Db): (row: ClaimAgreementInsert) => void {
  const statement = db.prepare(
    'INSERT INTO claim_agreement (claim_id, agreement, members, split) VALUES (?, ?, ?, ?)',
  );
  return (row) => {
    statement.run(row.claimId, row.agreement, row.members, row.split);
  };
}

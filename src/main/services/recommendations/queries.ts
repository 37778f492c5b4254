import {
  agreementOf,
  type Agreement,
  type MemberRecommendation,
} from '../../../shared/domain/committee/agreement';
import type { Outcome, ReasonCode } from '../../../shared/domain/decision';
import { formatFingerprint } from '../../../shared/domain/signing/fingerprint';
import type { Db } from '../../db/connection';
import { latestRoster } from '../roster';
import { opinionSplit } from './agreement-summary';

/*
 * Reading what the secretary imported. Which file counts for a member is one rule, kept in
 * LATEST_FILE: per member and batch, the file with the latest payload createdAt, then the
 * later import. Older files stay stored and listed, marked as superseded.
 */

/** True for `f`, a recommendation_files row, when it is its member's latest for its batch. */
const LATEST_FILE = `f.id = (SELECT g.id FROM recommendation_files g
  WHERE g.member = f.member AND g.batch_id = f.batch_id
  ORDER BY g.created_at DESC, g.id DESC LIMIT 1)`;

/** The short fingerprint people compare, from a kid (both are the same SHA-256 digest). */
export function fingerprintOfKid(kid: string): string {
  return formatFingerprint(Buffer.from(kid, 'base64url').toString('hex'));
}

/** Roles by kid on the latest roster: who a key belongs to now. */
function rolesByKid(db: Db): Map<string, string> {
  const roster = latestRoster(db);
  return new Map((roster?.payload.members ?? []).map((m) => [m.kid, m.role]));
}

interface RecommendationRow {
  claimId: string;
  member: string;
  outcome: Outcome;
  amount: number | null;
  reasonCodes: string;
}

/**
 * Per claim, each member's recommendation from that member's latest file for the claim's
 * batch, members in name order.
 */
export function recommendationsByClaim(
  db: Db,
  batchId?: number,
): Map<string, MemberRecommendation[]> {
  const rows = db
    .prepare(
      `SELECT r.claim_id AS claimId, f.member, r.outcome, r.amount, r.reason_codes AS reasonCodes
       FROM recommendations r JOIN recommendation_files f ON f.id = r.file_id
       WHERE (@batch IS NULL OR f.batch_id = @batch) AND ${LATEST_FILE}
       ORDER BY r.claim_id, f.member`,
    )
    .all({ batch: batchId ?? null }) as RecommendationRow[];
  const byClaim = new Map<string, MemberRecommendation[]>();
  for (const row of rows) {
    const list = byClaim.get(row.claimId) ?? [];
    list.push({
      member: row.member,
      outcome: row.outcome,
      amount: row.amount,
      reasonCodes: JSON.parse(row.reasonCodes) as ReasonCode[],
    });
    byClaim.set(row.claimId, list);
  }
  return byClaim;
}

export interface ClaimRecommendation extends MemberRecommendation {
  /** The member's role on the latest roster; null when their key is no longer on it. */
  role: string | null;
  note: string;
  fingerprint: string;
  /** When the member signed the file this comes from. */
  signedAt: string;
}

export interface ClaimRecommendations {
  claimId: string;
  agreement: Agreement;
  /** Group sizes of equal recommendations, largest first ("2:1"); null without any. */
  split: string | null;
  recommendations: ClaimRecommendation[];
}

/** Who recommended what on one claim (latest file of each member) and how they stand. */
export function claimRecommendations(db: Db, claimId: string): ClaimRecommendations {
  const rows = db
    .prepare(
      `SELECT f.member, f.kid, f.created_at AS signedAt, r.outcome, r.amount,
              r.reason_codes AS reasonCodes, r.note
       FROM recommendations r JOIN recommendation_files f ON f.id = r.file_id
       WHERE r.claim_id = ? AND ${LATEST_FILE}
       ORDER BY f.member`,
    )
    .all(claimId) as (Omit<RecommendationRow, 'claimId'> & {
    kid: string;
    signedAt: string;
    note: string;
  })[];
  const roles = rolesByKid(db);
  const recommendations = rows.map((row): ClaimRecommendation => ({
    member: row.member,
    role: roles.get(row.kid) ?? null,
    fingerprint: fingerprintOfKid(row.kid),
    outcome: row.outcome,
    amount: row.amount,
    reasonCodes: JSON.parse(row.reasonCodes) as ReasonCode[],
    note: row.note,
    signedAt: row.signedAt,
  }));
  return {
    claimId,
    agreement: agreementOf(recommendations),
    split: recommendations.length === 0 ? null : opinionSplit(recommendations),
    recommendations,
  };
}

export interface RecommendationFileSummary {
  id: number;
  member: string;
  role: string | null;
  fingerprint: string;
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
export function listRecommendationFiles(db: Db): RecommendationFileSummary[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.member, f.kid, f.batch_id AS batchId, b.name AS batchName,
              (SELECT count(*) FROM recommendations r WHERE r.file_id = f.id) AS count,
              f.created_at AS signedAt, f.imported_at AS importedAt, f.imported_by AS importedBy,
              f.file_sha256 AS fileSha256, (${LATEST_FILE}) AS current
       FROM recommendation_files f JOIN batches b ON b.id = f.batch_id
       ORDER BY f.id DESC`,
    )
    .all() as (Omit<RecommendationFileSummary, 'role' | 'fingerprint' | 'current'> & {
    kid: string;
    current: number;
  })[];
  const roles = rolesByKid(db);
  return rows.map(({ kid, current, ...row }) => ({
    ...row,
    role: roles.get(kid) ?? null,
    fingerprint: fingerprintOfKid(kid),
    current: current === 1,
  }));
}

import {
  agreementOf,
  type Agreement,
  type MemberRecommendation,
} from '../../../shared/domain/committee/agreement';
import { formatFingerprint } from '../../../shared/domain/signing/fingerprint';
import type { Db } from '../../db/connection';
import {
  listClaimRecommendations,
  listLatestRecommendations,
  listRecommendationFileRows,
  type RecommendationFileRow,
} from '../../db/repositories/recommendations';
import { latestRoster } from '../roster';
import { opinionSplit } from './agreement-summary';

/*
 * Reading what the secretary imported. Which file counts for a member is one rule, kept with
 * the SQL (LATEST_FILE in the recommendations repository): per member and batch, the file with
 * the latest payload createdAt, then the later import. Older files stay stored and listed,
 * marked as superseded.
 */

/** The short fingerprint people compare, from a kid (both are the same SHA-256 digest). */
export function fingerprintOfKid(kid: string): string {
  return formatFingerprint(Buffer.from(kid, 'base64url').toString('hex'));
}

/** Roles by kid on the latest roster: who a key belongs to now. */
function rolesByKid(db: Db): Map<string, string> {
  const roster = latestRoster(db);
  return new Map((roster?.payload.members ?? []).map((m) => [m.kid, m.role]));
}

/**
 * Per claim, each member's recommendation from that member's latest file for the claim's
 * batch, members in name order.
 */
export function recommendationsByClaim(
  db: Db,
  batchId?: number,
): Map<string, MemberRecommendation[]> {
  const byClaim = new Map<string, MemberRecommendation[]>();
  for (const row of listLatestRecommendations(db, batchId)) {
    const list = byClaim.get(row.claimId) ?? [];
    list.push({
      member: row.member,
      outcome: row.outcome,
      amount: row.amount,
      reasonCodes: row.reasonCodes,
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
  const rows = listClaimRecommendations(db, claimId);
  const roles = rolesByKid(db);
  const recommendations = rows.map((row): ClaimRecommendation => ({
    member: row.member,
    role: roles.get(row.kid) ?? null,
    fingerprint: fingerprintOfKid(row.kid),
    outcome: row.outcome,
    amount: row.amount,
    reasonCodes: row.reasonCodes,
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

/** An imported file as listed, the signer named by the roster rather than by key id. */
export interface RecommendationFileSummary extends Omit<RecommendationFileRow, 'kid'> {
  role: string | null;
  fingerprint: string;
}

/** Every imported file, newest import first. */
export function listRecommendationFiles(db: Db): RecommendationFileSummary[] {
  const rows = listRecommendationFileRows(db);
  const roles = rolesByKid(db);
  return rows.map(({ kid, current, ...row }) => ({
    ...row,
    role: roles.get(kid) ?? null,
    fingerprint: fingerprintOfKid(kid),
    current,
  }));
}

import { agreementOf, type MemberRecommendation } from '../../../shared/domain/committee/agreement';
import type { Db } from '../../db/connection';
import {
  claimAgreementInserter,
  deleteBatchClaimAgreement,
} from '../../db/repositories/recommendations';

/*
 * The per-claim agreement the review grid sorts and filters on (table claim_agreement,
 * migration 011). It is derived from the recommendation tables and rewritten for a whole batch
 * inside the transaction that imports a file of that batch, so it cannot drift from them. The
 * rule itself is agreementOf, the one the claim detail uses.
 */

/** What one recommendation says for comparing: the outcome, and the amount where one is taken. */
function opinionOf(rec: Pick<MemberRecommendation, 'outcome' | 'amount'>): string {
  return `${rec.outcome}:${rec.amount ?? ''}`;
}

/**
 * The sizes of the groups recommending the same thing, largest first: "3" when three agree,
 * "2:1" when one of three differs. Non-empty input only.
 */
export function opinionSplit(recs: readonly Pick<MemberRecommendation, 'outcome' | 'amount'>[]) {
  const sizes = new Map<string, number>();
  for (const rec of recs) sizes.set(opinionOf(rec), (sizes.get(opinionOf(rec)) ?? 0) + 1);
  return [...sizes.values()].sort((a, b) => b - a).join(':');
}

/**
 * Rewrites the agreement of every claim of `batchId` that has any recommendation, from
 * `byClaim` (recommendationsByClaim for that batch). Runs in the caller's transaction.
 */
export function writeClaimAgreement(
  db: Db,
  batchId: number,
  byClaim: ReadonlyMap<string, readonly MemberRecommendation[]>,
): void {
  deleteBatchClaimAgreement(db, batchId);
  const insert = claimAgreementInserter(db);
  for (const [claimId, recs] of byClaim) {
    if (recs.length === 0) continue;
    insert({
      claimId,
      agreement: agreementOf(recs),
      members: recs.length,
      split: opinionSplit(recs),
    });
  }
}

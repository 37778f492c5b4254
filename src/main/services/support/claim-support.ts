import { calculateSupport } from '../../../shared/domain/support-calculator';
import { FIXED_SUPPORT, type Tier } from '../../../shared/domain/tier';
import type { Db } from '../../db/connection';
import {
  deleteAllSupport,
  fixedSupportInserter,
  listCommitteeSupportInputs,
  supportInserter,
} from '../../db/repositories/claim-support';
import { findLatestPolicy } from '../../db/repositories/support-policies';

/**
 * Rewrites claim_support for the whole workspace: the two brackets get their fixed amount
 * (one statement), committee_review claims the calculator's figure on their claimed loss under
 * the latest policy. Runs inside the caller's transaction when there is one.
 */
export function recomputeClaimSupport(db: Db): {
  calculated: number;
  policyVersion: number | null;
} {
  const run = () => {
    const policy = findLatestPolicy(db) ?? null;
    deleteAllSupport(db);
    const fixed = Object.entries(FIXED_SUPPORT) as [Tier, number][];
    const insertFixed = fixedSupportInserter(db);
    for (const [tier, amount] of fixed) insertFixed(amount, tier);
    if (policy === null) return { calculated: 0, policyVersion: null };
    const insert = supportInserter(db);
    const review = listCommitteeSupportInputs(db);
    for (const [claimId, industry, service, loss] of review) {
      const { recommended } = calculateSupport(policy, { industry, service }, loss ?? 0);
      insert(claimId, recommended, policy.version);
    }
    return { calculated: review.length, policyVersion: policy.version };
  };
  return db.inTransaction ? run() : db.transaction(run)();
}

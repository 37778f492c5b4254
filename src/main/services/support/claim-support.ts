import { calculateSupport } from '../../../shared/domain/support-calculator';
import { FIXED_SUPPORT, type Tier } from '../../../shared/domain/tier';
import type { Db } from '../../db/connection';
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
    db.prepare('DELETE FROM claim_support').run();
    const fixed = Object.entries(FIXED_SUPPORT) as [Tier, number][];
    const insertFixed = db.prepare(
      'INSERT INTO claim_support (claim_id, amount, policy_version) SELECT claim_id, ?, NULL FROM claims WHERE tier = ?',
    );
    for (const [tier, amount] of fixed) insertFixed.run(amount, tier);
    if (policy === null) return { calculated: 0, policyVersion: null };
    const insert = db.prepare(
      'INSERT INTO claim_support (claim_id, amount, policy_version) VALUES (?, ?, ?)',
    );
    const review = db
      .prepare(
        "SELECT claim_id, industry, service, claimed_loss FROM claims WHERE tier = 'committee_review'",
      )
      .raw()
      .all() as [string, string | null, string, number | null][];
    for (const [claimId, industry, service, loss] of review) {
      const { recommended } = calculateSupport(policy, { industry, service }, loss ?? 0);
      insert.run(claimId, recommended, policy.version);
    }
    return { calculated: review.length, policyVersion: policy.version };
  };
  return db.inTransaction ? run() : db.transaction(run)();
}

import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../connection';

/**
 * Each claim's calculated support (derived data, migration 006): rewritten for the whole
 * workspace after every write that changes claims or the policy.
 */

export function deleteAllSupport(db: Db): void {
  db.prepare('DELETE FROM claim_support').run();
}

/** Prepared once, run per tier: every claim of a tier gets the same fixed amount, no policy. */
export function fixedSupportInserter(db: Db): (amount: number, tier: Tier) => void {
  const statement = db.prepare(
    'INSERT INTO claim_support (claim_id, amount, policy_version) SELECT claim_id, ?, NULL FROM claims WHERE tier = ?',
  );
  return (amount, tier) => {
    statement.run(amount, tier);
  };
}

/** Prepared once, run per claim. */
export function supportInserter(
  db: Db,
): (claimId: string, amount: number, policyVersion: number) => void {
  const statement = db.prepare(
    'INSERT INTO claim_support (claim_id, amount, policy_version) VALUES (?, ?, ?)',
  );
  return (claimId, amount, policyVersion) => {
    statement.run(claimId, amount, policyVersion);
  };
}

/**
 * What the calculator needs of each committee_review claim. Tuples rather than objects: this
 * reads every claim of the tier, a few per cent of a batch of up to a million.
 */
export type CommitteeSupportInput = [
  claimId: string,
  industry: string | null,
  service: string,
  claimedLoss: number | null,
];

export function listCommitteeSupportInputs(db: Db): CommitteeSupportInput[] {
  return db
    .prepare(
      "SELECT claim_id, industry, service, claimed_loss FROM claims WHERE tier = 'committee_review'",
    )
    .raw()
    .all() as CommitteeSupportInput[];
}

/** Whether any claim has its support computed (a workspace from before migration 006 has none). */
export function hasAnySupport(db: Db): boolean {
  return db.prepare('SELECT 1 FROM claim_support LIMIT 1').get() !== undefined;
}

import type { Outcome } from '../../../shared/domain/decision';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../connection';

/*
 * The counts behind the secretary's summary (services/payouts/secretary-summary.ts), for the
 * whole workspace (batchId null) or one batch.
 */

export const TIER_COUNTS_SQL = `
  SELECT tier, count(*) AS n FROM claims
  WHERE @batchId IS NULL OR batch_id = @batchId
  GROUP BY tier`;

/** Committee cases by their current decision: the one no amendment replaces yet. */
export const COMMITTEE_SQL = `
  SELECT d.outcome AS outcome, count(*) AS n,
         coalesce(sum(c.claimed_loss), 0) AS claimed,
         count(*) - count(c.claimed_loss) AS withoutLoss
  FROM claims c
  LEFT JOIN decisions d
    ON d.claim_id = c.claim_id
   AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = d.id)
  WHERE c.tier = 'committee_review' AND (@batchId IS NULL OR c.batch_id = @batchId)
  GROUP BY d.outcome`;

/** Committee cases with one current outcome (null: undecided) and what they claim. */
export interface CommitteeOutcomeRow {
  outcome: Outcome | null;
  n: number;
  claimed: number;
  withoutLoss: number;
}

/** Claims per tier. */
export function countClaimsByTier(db: Db, batchId: number | null): { tier: Tier; n: number }[] {
  return db.prepare(TIER_COUNTS_SQL).all({ batchId }) as { tier: Tier; n: number }[];
}

/** committee_review claims grouped by their current decision's outcome. */
export function countCommitteeCasesByOutcome(
  db: Db,
  batchId: number | null,
): CommitteeOutcomeRow[] {
  return db.prepare(COMMITTEE_SQL).all({ batchId }) as CommitteeOutcomeRow[];
}

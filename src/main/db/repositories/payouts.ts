import type { Outcome } from '../../../shared/domain/decision';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../connection';
import { councilDecisionIdOf } from './council-decision';

/*
 * The counts behind the secretary's summary (services/payouts/secretary-summary.ts), for the
 * whole workspace (batchId null) or one batch.
 */

export const TIER_COUNTS_SQL = `
  SELECT tier, count(*) AS n FROM claims
  WHERE @batchId IS NULL OR batch_id = @batchId
  GROUP BY tier`;

/**
 * Committee cases by their council decision (council-decision.ts: a view recorded outside a
 * meeting decides nothing; see services/ledger/ledger-rows.ts).
 */
export const COMMITTEE_SQL = `
  SELECT d.outcome AS outcome, count(*) AS n,
         coalesce(sum(c.claimed_loss), 0) AS claimed,
         count(*) - count(c.claimed_loss) AS withoutLoss
  FROM claims c
  LEFT JOIN decisions d
    ON d.id = ${councilDecisionIdOf('c.claim_id')}
  WHERE c.tier = 'committee_review' AND (@batchId IS NULL OR c.batch_id = @batchId)
  GROUP BY d.outcome`;

/** Committee cases with one council outcome (null: not decided by the council) and their claims. */
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

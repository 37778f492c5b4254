import type { ClaimantType } from '../../../shared/domain/claim';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../connection';

/*
 * The payout ledger's rows (a read model over claims, batches, claim_support, decisions and
 * meetings): tier_30k and tier_50k claims with their bracket amount, committee_review claims
 * whose current decision (the one nothing replaces) is approve or partial, in claim-id order.
 * The rule itself is documented and applied in services/ledger/ledger-rows.ts.
 */

/** A claim the ledger pays, with both candidate amounts; which one applies is the service's rule. */
export interface LedgerSourceRow {
  claimId: string;
  businessName: string | null;
  businessRegNo: string | null;
  claimantType: ClaimantType;
  tier: Tier;
  claimedLoss: number | null;
  batchId: number;
  batchName: string;
  bracketAmount: number | null;
  decisionId: number | null;
  decidedAmount: number | null;
  meetingNumber: number | null;
  /** The day the decision was recorded, Korean time (YYYY-MM-DD); null for a bracket. */
  decidedOn: string | null;
}

// decided_at is UTC (toISOString); the ledger dates decisions by the Korean calendar day.
export const LEDGER_SQL = `
  SELECT c.claim_id AS claimId, c.business_name AS businessName,
         c.business_reg_no AS businessRegNo, c.claimant_type AS claimantType, c.tier,
         c.claimed_loss AS claimedLoss, c.batch_id AS batchId, b.name AS batchName,
         s.amount AS bracketAmount, d.id AS decisionId, d.amount AS decidedAmount,
         m.number AS meetingNumber, date(d.decided_at, '+9 hours') AS decidedOn
  FROM claims c
  JOIN batches b ON b.id = c.batch_id
  LEFT JOIN claim_support s
    ON s.claim_id = c.claim_id AND c.tier IN ('tier_30k', 'tier_50k')
  LEFT JOIN decisions d
    ON d.claim_id = c.claim_id AND c.tier = 'committee_review'
   AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = d.id)
  LEFT JOIN meetings m ON m.id = d.meeting_id
  WHERE (c.tier IN ('tier_30k', 'tier_50k') OR d.outcome IN ('approve', 'partial'))
    AND (@batchId IS NULL OR c.batch_id = @batchId)
  ORDER BY c.claim_id`;

/** The ledger's rows for the whole workspace (null) or one batch. */
export function listLedgerSourceRows(db: Db, batchId: number | null): LedgerSourceRow[] {
  return db.prepare(LEDGER_SQL).all({ batchId }) as LedgerSourceRow[];
}

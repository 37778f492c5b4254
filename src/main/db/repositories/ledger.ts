import type { ClaimantType } from '../../../shared/domain/claim';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../connection';
import { councilDecisionIdOf, isCouncilDecision } from './council-decision';

/*
 * The payout ledger's rows (a read model over claims, batches, claim_support, decisions and
 * meetings): tier_30k and tier_50k claims with their bracket amount, committee_review claims
 * whose council decision is approve or partial, in claim-id order; and, apart, the committee
 * claims awaiting the council. The rule itself is documented in services/ledger/ledger-rows.ts.
 */

/**
 * A claim's council decision (see council-decision.ts). A decision recorded outside any
 * meeting and not co-signed as an amendment is a member's view, however recent, and pays
 * nothing.
 */
const COUNCIL_DECISION = councilDecisionIdOf('c.claim_id');

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
    ON c.tier = 'committee_review' AND d.id = ${COUNCIL_DECISION}
  LEFT JOIN meetings m ON m.id = d.meeting_id
  WHERE (c.tier IN ('tier_30k', 'tier_50k') OR d.outcome IN ('approve', 'partial'))
    AND (@batchId IS NULL OR c.batch_id = @batchId)
  ORDER BY c.claim_id`;

/**
 * Committee claims the council has not decided to pay or refuse: no meeting decision yet, or
 * one that deferred the claim or asked for more evidence. With the latest view recorded outside
 * a meeting, if any (the head of the chain when it is not the council's), and who recorded it.
 */
export const AWAITING_COUNCIL_SQL = `
  SELECT c.claim_id AS claimId, c.business_name AS businessName, c.claimed_loss AS claimedLoss,
         c.batch_id AS batchId, b.name AS batchName,
         d.outcome AS councilOutcome, m.number AS meetingNumber,
         h.outcome AS outsideOutcome, h.amount AS outsideAmount, h.decided_by AS outsideBy,
         CASE WHEN h.id IS NULL THEN NULL
              WHEN EXISTS (SELECT 1 FROM people p WHERE p.name = h.decided_by AND p.kid IS NOT NULL)
              THEN 1 ELSE 0 END AS outsideByOnRoster
  FROM claims c
  JOIN batches b ON b.id = c.batch_id
  LEFT JOIN decisions d ON d.id = ${COUNCIL_DECISION}
  LEFT JOIN meetings m ON m.id = d.meeting_id
  LEFT JOIN decisions h
    ON h.claim_id = c.claim_id AND NOT ${isCouncilDecision('h')}
   AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = h.id)
  WHERE c.tier = 'committee_review'
    AND (d.id IS NULL OR d.outcome IN ('defer', 'request_evidence'))
    AND (@batchId IS NULL OR c.batch_id = @batchId)
  ORDER BY c.claim_id`;

/** A committee claim the ledger does not pay because the council has not decided it. */
export interface AwaitingCouncilRow {
  claimId: string;
  businessName: string | null;
  claimedLoss: number | null;
  batchId: number;
  batchName: string;
  /** defer or request_evidence when a meeting sent it back; null when no meeting decided it. */
  councilOutcome: 'defer' | 'request_evidence' | null;
  meetingNumber: number | null;
  /** The latest view recorded outside a meeting, if any: a recommendation, never paid. */
  outsideOutcome: string | null;
  outsideAmount: number | null;
  outsideBy: string | null;
  /**
   * Whether the name recorded is a member of a roster this workspace loaded (1), or not (0: an
   * operating-system account or a name typed before people were their keys, so an unknown
   * person); null without a view.
   */
  outsideByOnRoster: 0 | 1 | null;
}

export function listAwaitingCouncilRows(db: Db, batchId: number | null): AwaitingCouncilRow[] {
  return db.prepare(AWAITING_COUNCIL_SQL).all({ batchId }) as AwaitingCouncilRow[];
}

/**
 * Committee claims whose latest record is a member's view (made outside any meeting and not a
 * co-signed amendment), placed after the council's own: before issue 14 such a record was paid; now it is a member's view, and
 * the ledger says how many it no longer pays for that reason.
 */
export const OUTSIDE_MEETING_SQL = `
  SELECT count(*) FROM claims c
  JOIN decisions h ON h.claim_id = c.claim_id AND NOT ${isCouncilDecision('h')}
   AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = h.id)
  WHERE c.tier = 'committee_review' AND (@batchId IS NULL OR c.batch_id = @batchId)`;

export function countOutsideMeetingHeads(db: Db, batchId: number | null): number {
  return db.prepare(OUTSIDE_MEETING_SQL).pluck().get({ batchId }) as number;
}

/** The ledger's rows for the whole workspace (null) or one batch. */
export function listLedgerSourceRows(db: Db, batchId: number | null): LedgerSourceRow[] {
  return db.prepare(LEDGER_SQL).all({ batchId }) as LedgerSourceRow[];
}

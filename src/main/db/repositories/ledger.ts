import type { ClaimantType } from '../../../shared/domain/claim';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../connection';
import { councilDecisionIdOf, isCouncilDecision } from './council-decision';

/*
 * The payout ledger's rows (a read model over claims, batches, claim_support, decisions,
 * meetings and claim_versions): tier_30k and tier_50k claims with their bracket amount,
 * committee_review claims whose council decision is approve or partial, in claim-id order; and,
 * apart, the committee claims awaiting the council. A committee claim carries the tier it was
 * imported with when it has been re-tiered since (an admitted appeal, a correction): version 1
 * of claim_versions, absent for a claim never versioned. The rule itself is documented in
 * services/ledger/ledger-rows.ts.
 */

/** Version 1 of a committee claim that has versions: the tier it was imported (and paid) as. */
const IMPORTED_VERSION_JOIN = `LEFT JOIN claim_versions v
    ON c.tier = 'committee_review' AND v.claim_id = c.claim_id AND v.version = 1`;

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
  /** A re-tiered committee claim's tier at import; null for any other claim. */
  importedTier: Tier | null;
}

// decided_at is UTC (toISOString); the ledger dates decisions by the Korean calendar day. Only
// the three tiers named first can pay (d joins committee claims alone): naming them lets
// claims_by_tier pick out the claims that may, about a seventh of them, and sort those, where
// walking every claim in id order read them all (150 ms against 90 ms at 105k claims).
export const LEDGER_SQL = `
  SELECT c.claim_id AS claimId, c.business_name AS businessName,
         c.business_reg_no AS businessRegNo, c.claimant_type AS claimantType, c.tier,
         c.claimed_loss AS claimedLoss, c.batch_id AS batchId, b.name AS batchName,
         s.amount AS bracketAmount, d.id AS decisionId, d.amount AS decidedAmount,
         m.number AS meetingNumber, date(d.decided_at, '+9 hours') AS decidedOn,
         v.tier AS importedTier
  FROM claims c
  JOIN batches b ON b.id = c.batch_id
  LEFT JOIN claim_support s
    ON s.claim_id = c.claim_id AND c.tier IN ('tier_30k', 'tier_50k')
  LEFT JOIN decisions d
    ON c.tier = 'committee_review' AND d.id = ${COUNCIL_DECISION}
  LEFT JOIN meetings m ON m.id = d.meeting_id
  ${IMPORTED_VERSION_JOIN}
  WHERE c.tier IN ('tier_30k', 'tier_50k', 'committee_review')
    AND (c.tier IN ('tier_30k', 'tier_50k') OR d.outcome IN ('approve', 'partial'))
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
         v.tier AS importedTier
  FROM claims c
  JOIN batches b ON b.id = c.batch_id
  LEFT JOIN decisions d ON d.id = ${COUNCIL_DECISION}
  LEFT JOIN meetings m ON m.id = d.meeting_id
  ${IMPORTED_VERSION_JOIN}
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
  /** The tier it was imported with when it has been re-tiered since; null otherwise. */
  importedTier: Tier | null;
}

export function listAwaitingCouncilRows(db: Db, batchId: number | null): AwaitingCouncilRow[] {
  return db.prepare(AWAITING_COUNCIL_SQL).all({ batchId }) as AwaitingCouncilRow[];
}

/**
 * Committee claims whose latest record is a member's view (made outside any meeting and not a
 * co-signed amendment), placed after the council's own: before issue 14 such a record was paid;
 * now it is a member's view, and the ledger lists each with what it pays instead (the council's
 * decision, or nothing while the council has not decided).
 */
export const OUTSIDE_VIEWS_SQL = `
  SELECT c.claim_id AS claimId, c.business_name AS businessName,
         h.outcome AS viewOutcome, h.amount AS viewAmount, h.decided_by AS recordedBy,
         h.decided_at AS recordedAt,
         d.outcome AS councilOutcome, d.amount AS councilAmount, m.number AS meetingNumber
  FROM claims c
  JOIN decisions h ON h.claim_id = c.claim_id AND NOT ${isCouncilDecision('h')}
   AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = h.id)
  LEFT JOIN decisions d ON d.id = ${COUNCIL_DECISION}
  LEFT JOIN meetings m ON m.id = d.meeting_id
  WHERE c.tier = 'committee_review' AND (@batchId IS NULL OR c.batch_id = @batchId)
  ORDER BY c.claim_id`;

/** A member's view that is a committee claim's latest record: listed, never paid. */
export interface OutsideViewRow {
  claimId: string;
  businessName: string | null;
  viewOutcome: string;
  viewAmount: number | null;
  /** The name recorded with it (see the ledger service for who that may be). */
  recordedBy: string;
  recordedAt: string;
  /** The council's decision the ledger follows instead; null when the council has not decided. */
  councilOutcome: string | null;
  councilAmount: number | null;
  meetingNumber: number | null;
}

export function listOutsideViewRows(db: Db, batchId: number | null): OutsideViewRow[] {
  return db.prepare(OUTSIDE_VIEWS_SQL).all({ batchId }) as OutsideViewRow[];
}

/** A LEDGER_SQL row as .raw() gives it: its columns in the SELECT's order. */
type LedgerSourceTuple = [
  LedgerSourceRow['claimId'],
  LedgerSourceRow['businessName'],
  LedgerSourceRow['businessRegNo'],
  LedgerSourceRow['claimantType'],
  LedgerSourceRow['tier'],
  LedgerSourceRow['claimedLoss'],
  LedgerSourceRow['batchId'],
  LedgerSourceRow['batchName'],
  LedgerSourceRow['bracketAmount'],
  LedgerSourceRow['decisionId'],
  LedgerSourceRow['decidedAmount'],
  LedgerSourceRow['meetingNumber'],
  LedgerSourceRow['decidedOn'],
  LedgerSourceRow['importedTier'],
];

/**
 * A row by its SELECT's names. The ledger reads its rows as arrays and names them here: at 15k
 * rows better-sqlite3 building each row as an object took a third of the query's time (45 ms).
 * A test holds these names to LEDGER_SQL's columns.
 */
export function decodeLedgerSourceRow(row: LedgerSourceTuple): LedgerSourceRow {
  return {
    claimId: row[0],
    businessName: row[1],
    businessRegNo: row[2],
    claimantType: row[3],
    tier: row[4],
    claimedLoss: row[5],
    batchId: row[6],
    batchName: row[7],
    bracketAmount: row[8],
    decisionId: row[9],
    decidedAmount: row[10],
    meetingNumber: row[11],
    decidedOn: row[12],
    importedTier: row[13],
  };
}

/** The ledger's rows for the whole workspace (null) or one batch. */
export function listLedgerSourceRows(db: Db, batchId: number | null): LedgerSourceRow[] {
  const rows = db.prepare(LEDGER_SQL).raw().all({ batchId }) as LedgerSourceTuple[];
  return rows.map(decodeLedgerSourceRow);
}

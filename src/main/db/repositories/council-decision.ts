/*
 * What makes a decision the council's, in one place for every query that pays or counts:
 * it was confirmed in a meeting, or it is an amendment the secretary proposed and the chair
 * co-signed (migration 014). Anything else in a claim's chain is a member's view.
 */

/** True for a row of `decisions` under the given alias that the council made. */
export const isCouncilDecision = (alias: string) =>
  `(${alias}.meeting_id IS NOT NULL OR EXISTS (SELECT 1 FROM council_amendment_cosignatures k
     WHERE k.decision_id = ${alias}.id))`;

/**
 * The id of the claim's latest council decision (the chain runs in id order, so the latest is
 * the highest id), for the claim id the SQL expression `claimId` names; NULL when none.
 */
export const councilDecisionIdOf = (claimId: string) =>
  `(SELECT max(x.id) FROM decisions x WHERE x.claim_id = ${claimId} AND ${isCouncilDecision('x')})`;

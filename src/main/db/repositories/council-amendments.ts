import type { Outcome, ReasonCode } from '../../../shared/domain/decision';
import type { Db } from '../connection';

/** A proposed change to the council's decision on a claim, as the secretary signed it. */
export interface CouncilAmendmentProposal {
  claimId: string;
  amendsDecisionId: number;
  outcome: Outcome;
  amount: number | null;
  reasonCodes: ReasonCode[];
  note: string;
  reason: string;
  proposedBy: string;
  proposedKid: string;
  proposedAt: string;
}

/** The chair's co-signature, with the decision it recorded. */
export interface CouncilAmendmentCosignature {
  decisionId: number;
  cosignedBy: string;
  cosignedKid: string;
  cosignedAt: string;
}

export interface CouncilAmendmentRow extends CouncilAmendmentProposal {
  id: number;
  cosignature: CouncilAmendmentCosignature | null;
}

const COLUMNS = `a.id, a.claim_id AS claimId, a.amends_decision_id AS amendsDecisionId, a.outcome,
  a.amount, a.reason_codes AS reasonCodes, a.note, a.reason, a.proposed_by AS proposedBy,
  a.proposed_kid AS proposedKid, a.proposed_at AS proposedAt,
  k.decision_id AS decisionId, k.cosigned_by AS cosignedBy, k.cosigned_kid AS cosignedKid,
  k.cosigned_at AS cosignedAt`;

const FROM = `FROM council_amendments a
  LEFT JOIN council_amendment_cosignatures k ON k.amendment_id = a.id`;

type Row = Omit<CouncilAmendmentProposal, 'reasonCodes'> & {
  id: number;
  reasonCodes: string;
  decisionId: number | null;
  cosignedBy: string | null;
  cosignedKid: string | null;
  cosignedAt: string | null;
};

function decode(row: Row): CouncilAmendmentRow {
  const { decisionId, cosignedBy, cosignedKid, cosignedAt, reasonCodes, ...proposal } = row;
  return {
    ...proposal,
    reasonCodes: JSON.parse(reasonCodes) as ReasonCode[],
    cosignature:
      decisionId === null
        ? null
        : {
            decisionId,
            cosignedBy: cosignedBy!,
            cosignedKid: cosignedKid!,
            cosignedAt: cosignedAt!,
          },
  };
}

export function insertCouncilAmendment(db: Db, proposal: CouncilAmendmentProposal): number {
  const result = db
    .prepare(
      `INSERT INTO council_amendments (claim_id, amends_decision_id, outcome, amount,
         reason_codes, note, reason, proposed_by, proposed_kid, proposed_at)
       VALUES (@claimId, @amendsDecisionId, @outcome, @amount, @reasonCodes, @note, @reason,
         @proposedBy, @proposedKid, @proposedAt)`,
    )
    .run({ ...proposal, reasonCodes: JSON.stringify(proposal.reasonCodes) });
  return Number(result.lastInsertRowid);
}

export function insertCosignature(
  db: Db,
  amendmentId: number,
  cosignature: CouncilAmendmentCosignature,
): void {
  db.prepare(
    `INSERT INTO council_amendment_cosignatures (amendment_id, decision_id, cosigned_by,
       cosigned_kid, cosigned_at)
     VALUES (@amendmentId, @decisionId, @cosignedBy, @cosignedKid, @cosignedAt)`,
  ).run({ amendmentId, ...cosignature });
}

export function findCouncilAmendment(db: Db, id: number): CouncilAmendmentRow | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE a.id = ?`).get(id) as Row | undefined;
  return row ? decode(row) : undefined;
}

/** Every amendment, newest first; or one claim's. */
export function listCouncilAmendments(db: Db, claimId?: string): CouncilAmendmentRow[] {
  const rows =
    claimId === undefined
      ? db.prepare(`SELECT ${COLUMNS} ${FROM} ORDER BY a.id DESC`).all()
      : db
          .prepare(`SELECT ${COLUMNS} ${FROM} WHERE a.claim_id = ? ORDER BY a.id DESC`)
          .all(claimId);
  return (rows as Row[]).map(decode);
}

/**
 * Amendments co-signed in a time window (ISO instants, `from` exclusive, `to` inclusive; null
 * for open ends), oldest first: what a meeting's minutes report as done since the last one.
 */
export function listCosignedBetween(
  db: Db,
  from: string | null,
  to: string | null,
): CouncilAmendmentRow[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} ${FROM}
       WHERE k.amendment_id IS NOT NULL
         AND (@from IS NULL OR k.cosigned_at > @from) AND (@to IS NULL OR k.cosigned_at <= @to)
       ORDER BY k.cosigned_at, a.id`,
    )
    .all({ from, to }) as Row[];
  return rows.map(decode);
}

/** The decisions of a claim's chain that a chair's co-signature recorded. */
export function listCosignedDecisionIds(db: Db, claimId: string): number[] {
  return db
    .prepare(
      `SELECT k.decision_id FROM council_amendment_cosignatures k
       JOIN council_amendments a ON a.id = k.amendment_id
       WHERE a.claim_id = ? ORDER BY k.decision_id`,
    )
    .pluck()
    .all(claimId) as number[];
}

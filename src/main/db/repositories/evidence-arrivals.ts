import type { Db } from '../connection';

export interface EvidenceArrivalInput {
  claimId: string;
  /** The folder's or zip's own name, never its full path. */
  sourceName: string;
  receivedAt: string;
  recordedBy: string;
  /** The claim's current decision when it was an evidence request, else null. */
  answersDecisionId: number | null;
  stored: number;
  rejected: number;
  missing: number;
}

export interface EvidenceArrival extends EvidenceArrivalInput {
  id: number;
}

const ARRIVAL_COLUMNS = `id, claim_id AS claimId, source_name AS sourceName,
  received_at AS receivedAt, recorded_by AS recordedBy, answers_decision_id AS answersDecisionId,
  stored, rejected, missing`;

export function insertEvidenceArrival(db: Db, arrival: EvidenceArrivalInput): number {
  const result = db
    .prepare(
      `INSERT INTO evidence_arrivals (claim_id, source_name, received_at, recorded_by,
         answers_decision_id, stored, rejected, missing)
       VALUES (@claimId, @sourceName, @receivedAt, @recordedBy, @answersDecisionId, @stored,
         @rejected, @missing)`,
    )
    .run(arrival);
  return Number(result.lastInsertRowid);
}

/** A claim's arrivals, oldest first. */
export function listEvidenceArrivals(db: Db, claimId: string): EvidenceArrival[] {
  return db
    .prepare(`SELECT ${ARRIVAL_COLUMNS} FROM evidence_arrivals WHERE claim_id = ? ORDER BY id`)
    .all(claimId) as EvidenceArrival[];
}

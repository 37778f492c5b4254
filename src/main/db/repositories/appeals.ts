import type { AppealRuling, AppealState } from '../../../shared/domain/appeals';
import type { Outcome } from '../../../shared/domain/decision';
import type { Db } from '../connection';

/*
 * Appeals and their rulings (migration 018). Where an appeal stands is the view appeal_status's
 * `state`; nothing here stores it.
 */

export interface AppealInput {
  claimId: string;
  grounds: string;
  /** The day the claimant's appeal came in (YYYY-MM-DD, Korean calendar). */
  receivedOn: string;
  filedAt: string;
  recordedBy: string;
  /** The evidence arrival that brought the appeal's new evidence, if any. */
  arrivalId: number | null;
}

export interface AppealRow extends AppealInput {
  id: number;
  /** The folder's or zip's own name the new evidence came in. */
  evidenceSource: string | null;
  state: AppealState;
  ruling: AppealRuling | null;
  rulingReason: string | null;
  ruledBy: string | null;
  ruledAt: string | null;
  /** The claim version an admission created (council review); null otherwise. */
  claimVersion: number | null;
}

export interface AppealRulingInput {
  appealId: number;
  ruling: AppealRuling;
  reason: string;
  ruledBy: string;
  ruledAt: string;
  claimVersion: number | null;
}

const APPEAL_COLUMNS = `s.id, s.claim_id AS claimId, s.grounds, s.received_on AS receivedOn,
  s.filed_at AS filedAt, s.recorded_by AS recordedBy, s.arrival_id AS arrivalId,
  e.source_name AS evidenceSource, s.state, s.ruling, s.ruling_reason AS rulingReason,
  s.ruled_by AS ruledBy, s.ruled_at AS ruledAt, s.claim_version AS claimVersion`;
const APPEAL_FROM = `appeal_status s LEFT JOIN evidence_arrivals e ON e.id = s.arrival_id`;

export function insertAppeal(db: Db, appeal: AppealInput): number {
  const result = db
    .prepare(
      `INSERT INTO appeals (claim_id, grounds, received_on, filed_at, recorded_by, arrival_id)
       VALUES (@claimId, @grounds, @receivedOn, @filedAt, @recordedBy, @arrivalId)`,
    )
    .run(appeal);
  return Number(result.lastInsertRowid);
}

export function insertAppealRuling(db: Db, ruling: AppealRulingInput): void {
  db.prepare(
    `INSERT INTO appeal_rulings (appeal_id, ruling, reason, ruled_by, ruled_at, claim_version)
     VALUES (@appealId, @ruling, @reason, @ruledBy, @ruledAt, @claimVersion)`,
  ).run(ruling);
}

export function findAppeal(db: Db, id: number): AppealRow | undefined {
  return db.prepare(`SELECT ${APPEAL_COLUMNS} FROM ${APPEAL_FROM} WHERE s.id = ?`).get(id) as
    AppealRow | undefined;
}

/** The claim's appeal still waiting for a ruling; there is at most one. */
export function findOpenAppeal(db: Db, claimId: string): AppealRow | undefined {
  return db
    .prepare(
      `SELECT ${APPEAL_COLUMNS} FROM ${APPEAL_FROM} WHERE s.claim_id = ? AND s.state = 'filed'`,
    )
    .get(claimId) as AppealRow | undefined;
}

/** Every appeal, or one claim's, oldest first. */
export function listAppeals(db: Db, claimId: string | null): AppealRow[] {
  return db
    .prepare(
      `SELECT ${APPEAL_COLUMNS} FROM ${APPEAL_FROM}
       WHERE @claimId IS NULL OR s.claim_id = @claimId ORDER BY s.id`,
    )
    .all({ claimId }) as AppealRow[];
}

/** Appeals by where they stand, for the whole workspace (null) or one batch's claims. */
export function countAppealsByState(
  db: Db,
  batchId: number | null,
): { state: AppealState; n: number }[] {
  return db
    .prepare(
      `SELECT s.state, count(*) AS n FROM appeal_status s JOIN claims c ON c.claim_id = s.claim_id
       WHERE @batchId IS NULL OR c.batch_id = @batchId GROUP BY s.state`,
    )
    .all({ batchId }) as { state: AppealState; n: number }[];
}

/** An appeal as a meeting's minutes report it: as it stood when the meeting closed. */
export interface MinutesAppealRow {
  id: number;
  claimId: string;
  businessName: string | null;
  grounds: string;
  receivedOn: string;
  ruling: AppealRuling | null;
  rulingReason: string | null;
  ruledBy: string | null;
  ruledAt: string | null;
  decisionOutcome: Outcome | null;
  decisionAmount: number | null;
  decisionMeeting: number | null;
}

/**
 * Appeals filed up to `upTo` (a meeting's close), each with its ruling if made by then and, for
 * an admitted one, the council's latest decision on the claim since the admission, made in a
 * meeting numbered up to `meetingNumber` (so this meeting's own confirmations count, even when
 * the chair confirmed after the close).
 */
export function listAppealsForMinutes(
  db: Db,
  upTo: string,
  meetingNumber: number,
): MinutesAppealRow[] {
  return db
    .prepare(
      `SELECT a.id, a.claim_id AS claimId, c.business_name AS businessName, a.grounds,
         a.received_on AS receivedOn, r.ruling, r.reason AS rulingReason, r.ruled_by AS ruledBy,
         r.ruled_at AS ruledAt, d.outcome AS decisionOutcome, d.amount AS decisionAmount,
         m.number AS decisionMeeting
       FROM appeals a
       JOIN claims c ON c.claim_id = a.claim_id
       LEFT JOIN appeal_rulings r ON r.appeal_id = a.id AND r.ruled_at <= @upTo
       LEFT JOIN decisions d ON r.ruling = 'admitted' AND d.id = (
         SELECT max(x.id) FROM decisions x JOIN meetings xm ON xm.id = x.meeting_id
         WHERE x.claim_id = a.claim_id AND xm.number <= @meetingNumber
           AND x.decided_at > r.ruled_at)
       LEFT JOIN meetings m ON m.id = d.meeting_id
       WHERE a.filed_at <= @upTo
       ORDER BY a.id`,
    )
    .all({ upTo, meetingNumber }) as MinutesAppealRow[];
}

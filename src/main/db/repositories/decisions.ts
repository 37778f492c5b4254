import type {
  DecisionDraft,
  DecisionRecord,
  Outcome,
  ReasonCode,
} from '../../../shared/domain/decision';
import type { Db } from '../connection';
import { councilDecisionIdOf, isCouncilDecision } from './council-decision';

/** The columns as DecisionRecord names them; reason codes stay JSON text until decoded. */
const DECISION_COLUMNS = `d.id, d.claim_id AS claimId, d.outcome, d.amount, d.reason_codes AS reasonCodes,
  d.note, d.replaces_id AS replacesId, d.amendment_reason AS amendmentReason,
  d.policy_version AS policyVersion, d.verified_loss AS verifiedLoss,
  d.recommended_amount AS recommendedAmount, d.override_reason AS overrideReason,
  d.meeting_id AS meetingId, d.decided_by AS decidedBy, d.decided_at AS decidedAt`;

type DecisionRow = Omit<DecisionRecord, 'reasonCodes'> & { reasonCodes: string };

function decode(row: DecisionRow): DecisionRecord {
  return { ...row, reasonCodes: JSON.parse(row.reasonCodes) as ReasonCode[] };
}

export function insertDecision(
  db: Db,
  draft: DecisionDraft,
  meta: { decidedBy: string; decidedAt: string },
): DecisionRecord {
  // A draft may omit the calculation link; the record always carries it, null when unused.
  const record: Omit<DecisionRecord, 'id'> = {
    ...draft,
    policyVersion: draft.policyVersion ?? null,
    verifiedLoss: draft.verifiedLoss ?? null,
    recommendedAmount: draft.recommendedAmount ?? null,
    overrideReason: draft.overrideReason ?? null,
    meetingId: draft.meetingId ?? null,
    ...meta,
  };
  const result = db
    .prepare(
      `INSERT INTO decisions (claim_id, outcome, amount, reason_codes, note, replaces_id,
         amendment_reason, policy_version, verified_loss, recommended_amount, override_reason,
         meeting_id, decided_by, decided_at)
       VALUES (@claimId, @outcome, @amount, @reasonCodes, @note, @replacesId, @amendmentReason,
         @policyVersion, @verifiedLoss, @recommendedAmount, @overrideReason,
         @meetingId, @decidedBy, @decidedAt)`,
    )
    .run({ ...record, reasonCodes: JSON.stringify(record.reasonCodes) });
  return { ...record, id: Number(result.lastInsertRowid) };
}

/** A claim's decisions in the order they were recorded; the last is the current one. */
export function listDecisionsForClaim(db: Db, claimId: string): DecisionRecord[] {
  const rows = db
    .prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.claim_id = ? ORDER BY d.id`)
    .all(claimId) as DecisionRow[];
  return rows.map(decode);
}

export function findDecision(db: Db, id: number): DecisionRecord | undefined {
  const row = db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.id = ?`).get(id) as
    DecisionRow | undefined;
  return row ? decode(row) : undefined;
}

/** The decision nothing replaces yet, or undefined when the claim is undecided. */
export function currentDecisionForClaim(db: Db, claimId: string): DecisionRecord | undefined {
  const row = db
    .prepare(
      `SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.claim_id = ?
         AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = d.id)`,
    )
    .get(claimId) as DecisionRow | undefined;
  return row ? decode(row) : undefined;
}

/**
 * The council's latest decision on a claim: the latest confirmed in a meeting or co-signed as
 * an amendment (ids run in chain order), or undefined when the council has not decided it.
 */
export function latestCouncilDecision(db: Db, claimId: string): DecisionRecord | undefined {
  const row = db
    .prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.id = ${councilDecisionIdOf('?')}`)
    .get(claimId) as DecisionRow | undefined;
  return row ? decode(row) : undefined;
}

/** Per claim, the latest decision recorded with a meeting as its source, as minutes show it. */
export interface MeetingMinutesDecisionRow {
  claimId: string;
  id: number;
  outcome: Outcome;
  amount: number | null;
  reasonCodes: ReasonCode[];
  note: string;
  decidedAt: string;
  decidedBy: string;
}

/** Rows whose reason codes are still the stored JSON text. */
type Encoded<T extends { reasonCodes: ReasonCode[] }> = Omit<T, 'reasonCodes'> & {
  reasonCodes: string;
};

function decodeReasonCodes<T extends { reasonCodes: ReasonCode[] }>(row: Encoded<T>): T {
  return { ...row, reasonCodes: JSON.parse(row.reasonCodes) as ReasonCode[] } as T;
}

/** Per claim, the latest decision recorded with this meeting as its source (no order). */
export function listMeetingMinutesDecisions(
  db: Db,
  meetingId: number,
): MeetingMinutesDecisionRow[] {
  const rows = db
    .prepare(
      `SELECT claim_id AS claimId, id, outcome, amount, reason_codes AS reasonCodes, note,
              decided_at AS decidedAt, decided_by AS decidedBy
       FROM decisions d WHERE meeting_id = ?
         AND id = (SELECT max(id) FROM decisions e
                   WHERE e.meeting_id = d.meeting_id AND e.claim_id = d.claim_id)`,
    )
    .all(meetingId) as Encoded<MeetingMinutesDecisionRow>[];
  return rows.map(decodeReasonCodes<MeetingMinutesDecisionRow>);
}

/** What a meeting's decision file takes from each of its decisions. */
export type MeetingFileDecisionRow = Pick<
  DecisionRecord,
  'id' | 'claimId' | 'outcome' | 'amount' | 'reasonCodes' | 'note' | 'policyVersion'
>;

/** Per claim, the latest decision recorded with this meeting as its source, by claim id. */
export function listMeetingFileDecisions(db: Db, meetingId: number): MeetingFileDecisionRow[] {
  const rows = db
    .prepare(
      `SELECT id, claim_id AS claimId, outcome, amount, reason_codes AS reasonCodes, note,
              policy_version AS policyVersion
       FROM decisions d WHERE meeting_id = ?
         AND id = (SELECT max(id) FROM decisions e WHERE e.meeting_id = d.meeting_id
                     AND e.claim_id = d.claim_id)
       ORDER BY claim_id`,
    )
    .all(meetingId) as Encoded<MeetingFileDecisionRow>[];
  return rows.map(decodeReasonCodes<MeetingFileDecisionRow>);
}

/** One member's latest own decision on a claim of a batch, with the claim's content hash. */
export interface MemberDecisionRow {
  claimId: string;
  claimContentHash: string;
  outcome: Outcome;
  amount: number | null;
  reasonCodes: ReasonCode[];
  note: string;
}

/** Per claim of the batch, the latest view `member` recorded outside the council's decisions. */
export function listMemberLatestDecisions(
  db: Db,
  batchId: number,
  member: string,
): MemberDecisionRow[] {
  const rows = db
    .prepare(
      `SELECT d.claim_id AS claimId, c.content_hash AS claimContentHash, d.outcome, d.amount,
              d.reason_codes AS reasonCodes, d.note
       FROM decisions d JOIN claims c ON c.claim_id = d.claim_id
       WHERE c.batch_id = ? AND d.decided_by = ?
         AND d.id = (SELECT max(e.id) FROM decisions e
                     WHERE e.claim_id = d.claim_id AND e.decided_by = d.decided_by
                       AND NOT ${isCouncilDecision('e')})
       ORDER BY d.claim_id`,
    )
    .all(batchId, member) as Encoded<MemberDecisionRow>[];
  return rows.map(decodeReasonCodes<MemberDecisionRow>);
}

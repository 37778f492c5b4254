import type {
  QuorumRule,
  Tally,
  ThresholdRule,
  VoteResult,
  VoteValue,
} from '../../../shared/domain/committee';
import type { Outcome, ReasonCode } from '../../../shared/domain/decision';
import type { AgendaProposal } from '../../../shared/ipc/meeting-schemas';
import type { Db } from '../connection';

/** Rows of migration 008's tables, read and written in the services' terms. */

export interface MeetingRow {
  id: number;
  number: number;
  heldOn: string;
  place: string;
  quorum: QuorumRule;
  threshold: ThresholdRule;
  status: 'open' | 'closed';
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
}

interface RawMeeting {
  id: number;
  number: number;
  held_on: string;
  place: string;
  quorum_rule: string;
  threshold: string;
  status: 'open' | 'closed';
  opened_by: string;
  opened_at: string;
  closed_at: string | null;
}

function meetingFromRaw(raw: RawMeeting): MeetingRow {
  return {
    id: raw.id,
    number: raw.number,
    heldOn: raw.held_on,
    place: raw.place,
    quorum: JSON.parse(raw.quorum_rule) as QuorumRule,
    threshold: JSON.parse(raw.threshold) as ThresholdRule,
    status: raw.status,
    openedBy: raw.opened_by,
    openedAt: raw.opened_at,
    closedAt: raw.closed_at,
  };
}

export function insertMeeting(
  db: Db,
  meeting: Omit<MeetingRow, 'id' | 'status' | 'closedAt'>,
): number {
  const result = db
    .prepare(
      `INSERT INTO meetings (number, held_on, place, quorum_rule, threshold, opened_by, opened_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      meeting.number,
      meeting.heldOn,
      meeting.place,
      JSON.stringify(meeting.quorum),
      JSON.stringify(meeting.threshold),
      meeting.openedBy,
      meeting.openedAt,
    );
  return Number(result.lastInsertRowid);
}

export function findMeeting(db: Db, id: number): MeetingRow | undefined {
  const raw = db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as RawMeeting | undefined;
  return raw ? meetingFromRaw(raw) : undefined;
}

export function findMeetingByNumber(db: Db, number: number): MeetingRow | undefined {
  const raw = db.prepare('SELECT * FROM meetings WHERE number = ?').get(number) as
    RawMeeting | undefined;
  return raw ? meetingFromRaw(raw) : undefined;
}

/** Newest meeting first: the one being run is usually the latest. */
export function listMeetingRows(db: Db): MeetingRow[] {
  const rows = db.prepare('SELECT * FROM meetings ORDER BY number DESC').all() as RawMeeting[];
  return rows.map(meetingFromRaw);
}

export function markMeetingClosed(db: Db, id: number, closedAt: string): void {
  db.prepare("UPDATE meetings SET status = 'closed', closed_at = ? WHERE id = ?").run(closedAt, id);
}

export interface AttendanceRow {
  member: string;
  present: boolean;
}

export function upsertAttendance(db: Db, meetingId: number, entry: AttendanceRow): void {
  db.prepare(
    `INSERT INTO meeting_attendance (meeting_id, person, present) VALUES (?, ?, ?)
     ON CONFLICT (meeting_id, person) DO UPDATE SET present = excluded.present`,
  ).run(meetingId, entry.member, entry.present ? 1 : 0);
}

export function listAttendance(db: Db, meetingId: number): AttendanceRow[] {
  const rows = db
    .prepare('SELECT person, present FROM meeting_attendance WHERE meeting_id = ? ORDER BY person')
    .all(meetingId) as { person: string; present: number }[];
  return rows.map((row) => ({ member: row.person, present: row.present === 1 }));
}

export interface AgendaRow {
  claimId: string;
  position: number;
  proposal: AgendaProposal | null;
  addedAt: string;
  addedBy: string;
  votingClosedAt: string | null;
  result: VoteResult | null;
  tally: Tally | null;
}

interface RawAgenda {
  claim_id: string;
  position: number;
  proposed_outcome: Outcome | null;
  proposed_amount: number | null;
  proposed_reasons: string | null;
  added_at: string;
  added_by: string;
  voting_closed_at: string | null;
  result: VoteResult | null;
  tally: string | null;
}

function agendaFromRaw(raw: RawAgenda): AgendaRow {
  return {
    claimId: raw.claim_id,
    position: raw.position,
    proposal:
      raw.proposed_outcome === null
        ? null
        : {
            outcome: raw.proposed_outcome,
            amount: raw.proposed_amount,
            reasonCodes: JSON.parse(raw.proposed_reasons ?? '[]') as ReasonCode[],
          },
    addedAt: raw.added_at,
    addedBy: raw.added_by,
    votingClosedAt: raw.voting_closed_at,
    result: raw.result,
    tally: raw.tally === null ? null : (JSON.parse(raw.tally) as Tally),
  };
}

/** Appends the claim at the end of the agenda; returns its position. */
export function insertAgendaItem(
  db: Db,
  meetingId: number,
  item: { claimId: string; proposal: AgendaProposal | null; addedAt: string; addedBy: string },
): number {
  const { next } = db
    .prepare(
      'SELECT coalesce(max(position), 0) + 1 AS next FROM meeting_agenda WHERE meeting_id = ?',
    )
    .get(meetingId) as { next: number };
  db.prepare(
    `INSERT INTO meeting_agenda (meeting_id, claim_id, position, proposed_outcome, proposed_amount,
       proposed_reasons, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    meetingId,
    item.claimId,
    next,
    item.proposal?.outcome ?? null,
    item.proposal?.amount ?? null,
    item.proposal ? JSON.stringify(item.proposal.reasonCodes) : null,
    item.addedAt,
    item.addedBy,
  );
  return next;
}

export function findAgendaItem(db: Db, meetingId: number, claimId: string): AgendaRow | undefined {
  const raw = db
    .prepare('SELECT * FROM meeting_agenda WHERE meeting_id = ? AND claim_id = ?')
    .get(meetingId, claimId) as RawAgenda | undefined;
  return raw ? agendaFromRaw(raw) : undefined;
}

export function countAgendaItems(db: Db, meetingId: number): number {
  const { items } = db
    .prepare('SELECT count(*) AS items FROM meeting_agenda WHERE meeting_id = ?')
    .get(meetingId) as { items: number };
  return items;
}

export function listAgenda(db: Db, meetingId: number): AgendaRow[] {
  const rows = db
    .prepare('SELECT * FROM meeting_agenda WHERE meeting_id = ? ORDER BY position')
    .all(meetingId) as RawAgenda[];
  return rows.map(agendaFromRaw);
}

export function markVotingClosed(
  db: Db,
  meetingId: number,
  claimId: string,
  closed: { at: string; result: VoteResult; tally: Tally },
): void {
  db.prepare(
    `UPDATE meeting_agenda SET voting_closed_at = ?, result = ?, tally = ?
     WHERE meeting_id = ? AND claim_id = ?`,
  ).run(closed.at, closed.result, JSON.stringify(closed.tally), meetingId, claimId);
}

export interface VoteRow {
  member: string;
  vote: VoteValue;
  recordedAt: string;
  recordedBy: string;
}

export function insertVote(db: Db, meetingId: number, claimId: string, vote: VoteRow): void {
  db.prepare(
    `INSERT INTO meeting_votes (meeting_id, claim_id, member, vote, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(meetingId, claimId, vote.member, vote.vote, vote.recordedAt, vote.recordedBy);
}

/** Every vote recorded on an item, oldest first; the last per member is their standing vote. */
export function listVoteHistory(db: Db, meetingId: number, claimId: string): VoteRow[] {
  return db
    .prepare(
      `SELECT member, vote, recorded_at AS recordedAt, recorded_by AS recordedBy
       FROM meeting_votes WHERE meeting_id = ? AND claim_id = ? ORDER BY id`,
    )
    .all(meetingId, claimId) as VoteRow[];
}

/** The latest vote of each member on an item, in member-name order. */
export function standingVotes(history: readonly VoteRow[]): VoteRow[] {
  const latest = new Map<string, VoteRow>();
  for (const row of history) latest.set(row.member, row);
  return [...latest.values()].sort((a, b) =>
    a.member < b.member ? -1 : a.member > b.member ? 1 : 0,
  );
}

/** Members with any vote in the meeting: they were there, so they cannot be marked absent. */
export function membersWhoVoted(db: Db, meetingId: number): Set<string> {
  const rows = db
    .prepare('SELECT DISTINCT member FROM meeting_votes WHERE meeting_id = ?')
    .all(meetingId) as { member: string }[];
  return new Set(rows.map((row) => row.member));
}

/** The decision a meeting confirmed for a claim, if any. */
export function confirmedDecisionId(db: Db, meetingId: number, claimId: string): number | null {
  const row = db
    .prepare('SELECT max(id) AS id FROM decisions WHERE meeting_id = ? AND claim_id = ?')
    .get(meetingId, claimId) as { id: number | null };
  return row.id;
}

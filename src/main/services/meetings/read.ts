import {
  countedTally,
  quorumMet,
  resultOf,
  type AttendanceEntry,
} from '../../../shared/domain/committee';
import type {
  AgendaItemDto,
  MeetingDetail,
  MeetingSummary,
} from '../../../shared/ipc/meeting-schemas';
import {
  confirmedDecisionId,
  countAgendaItems,
  listAgenda,
  listAttendance,
  listMeetingRows,
  listVoteHistory,
  standingVotes,
  type AgendaRow,
  type MeetingRow,
} from '../../db/repositories/meetings';
import type { Db } from '../../db/connection';
import type { ServiceContext } from '../context';
import { getMeetingRow } from './access';

function summaryOf(db: Db, meeting: MeetingRow, attendance: AttendanceEntry[]): MeetingSummary {
  return {
    ...meeting,
    members: attendance.length,
    present: attendance.filter((entry) => entry.present).length,
    agendaItems: countAgendaItems(db, meeting.id),
  };
}

/**
 * One agenda item as the UI and the minutes need it. A closed item shows the result frozen at
 * closing; an open one what the rules give for the votes so far, so the table updates live.
 */
export function agendaItemView(
  db: Db,
  meeting: MeetingRow,
  attendance: AttendanceEntry[],
  item: AgendaRow,
): AgendaItemDto {
  const voteHistory = listVoteHistory(db, meeting.id, item.claimId);
  const votes = standingVotes(voteHistory);
  const rules = { quorum: meeting.quorum, threshold: meeting.threshold };
  return {
    claimId: item.claimId,
    position: item.position,
    proposal: item.proposal,
    addedBy: item.addedBy,
    addedAt: item.addedAt,
    votes,
    voteHistory,
    tally: item.tally ?? countedTally(attendance, votes),
    result: item.result ?? resultOf(rules, attendance, votes),
    votingClosedAt: item.votingClosedAt,
    confirmedDecisionId: confirmedDecisionId(db, meeting.id, item.claimId),
  };
}

export function listMeetings(ctx: ServiceContext): { meetings: MeetingSummary[] } {
  return {
    meetings: listMeetingRows(ctx.db).map((meeting) =>
      summaryOf(ctx.db, meeting, listAttendance(ctx.db, meeting.id)),
    ),
  };
}

/** A meeting with its attendance, agenda, every vote, tallies and results. */
export function getMeeting(ctx: ServiceContext, meetingId: number): MeetingDetail {
  const meeting = getMeetingRow(ctx, meetingId);
  const attendance = listAttendance(ctx.db, meeting.id);
  return {
    ...summaryOf(ctx.db, meeting, attendance),
    attendance,
    quorumMet: quorumMet(meeting.quorum, attendance),
    agenda: listAgenda(ctx.db, meeting.id).map((item) =>
      agendaItemView(ctx.db, meeting, attendance, item),
    ),
  };
}

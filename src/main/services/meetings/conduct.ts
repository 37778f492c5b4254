import { durableTransaction } from '../../db/connection';
import {
  countedTally,
  meetingRulesIssues,
  resultOf,
  RULE_ISSUE_MESSAGES,
  type AttendanceEntry,
  type VoteValue,
} from '../../../shared/domain/committee';
import { DECISION_ISSUE_MESSAGES, validateDecision } from '../../../shared/domain/decision';
import type {
  AgendaProposal,
  MeetingDetail,
  OpenMeetingRequest,
} from '../../../shared/ipc/meeting-schemas';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { getClaim } from '../../db/repositories/claims';
import {
  findAgendaItem,
  findMeetingByNumber,
  insertAgendaItem,
  insertMeeting,
  insertVote,
  listAgenda,
  listAttendance,
  listVoteHistory,
  markMeetingClosed,
  markVotingClosed,
  standingVotes,
  upsertAttendance,
  type MeetingRow,
} from '../../db/repositories/meetings';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { requireSecretary } from '../people/people';
import { requireOpenMeeting, votingMembers } from './access';
import { getMeeting } from './read';

/**
 * Running a meeting: the secretary's writes. Each runs in one transaction with its audit entry;
 * the rules are checked inside it, against the meeting as it stands.
 */

function refuse(code: string, path: string, message: string): never {
  throw new ServiceError('validation_failed', message, [{ path, code, message }]);
}

/** Attendance names voting members only, each once. */
function checkAttendance(ctx: ServiceContext, attendance: readonly AttendanceEntry[]): void {
  const voters = votingMembers(ctx);
  const seen = new Set<string>();
  for (const { member } of attendance) {
    if (seen.has(member)) refuse('duplicate_member', 'attendance', `${member} is listed twice`);
    seen.add(member);
    if (!voters.has(member)) {
      refuse('not_a_member', 'attendance', `${member} is not a voting member (member or chair)`);
    }
  }
}

export function openMeeting(ctx: ServiceContext, request: OpenMeetingRequest): MeetingDetail {
  const secretary = requireSecretary(ctx, 'Opening a meeting');
  const id = durableTransaction(ctx.db, () => {
    if (findMeetingByNumber(ctx.db, request.number)) {
      throw new ServiceError('conflict', `meeting no. ${request.number} already exists`);
    }
    checkAttendance(ctx, request.attendance);
    // Everyone on the roster is marked either way, so "majority of members" has a fixed base
    // and an absent member is recorded as absent rather than simply missing.
    const listed = new Set(request.attendance.map((entry) => entry.member));
    const missing = [...votingMembers(ctx)].filter((name) => !listed.has(name));
    if (missing.length > 0) {
      refuse(
        'attendance_incomplete',
        'attendance',
        `mark present or absent: ${missing.join(', ')}`,
      );
    }
    const rules = { quorum: request.quorum, threshold: request.threshold };
    const [issue] = meetingRulesIssues(rules, request.attendance.length);
    if (issue) refuse(issue, 'quorum', RULE_ISSUE_MESSAGES[issue].en);

    const at = ctx.now().toISOString();
    const meetingId = insertMeeting(ctx.db, {
      number: request.number,
      heldOn: request.heldOn,
      place: request.place,
      ...rules,
      openedBy: secretary.name,
      openedAt: at,
    });
    for (const entry of request.attendance) upsertAttendance(ctx.db, meetingId, entry);
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'meeting.opened',
      subjectType: 'meeting',
      subjectId: String(meetingId),
      details: {
        number: request.number,
        heldOn: request.heldOn,
        place: request.place,
        quorum: request.quorum,
        threshold: request.threshold,
        present: request.attendance.filter((e) => e.present).map((e) => e.member),
        absent: request.attendance.filter((e) => !e.present).map((e) => e.member),
      },
    });
    return meetingId;
  });
  return getMeeting(ctx, id);
}

/**
 * Corrects or completes attendance while the meeting is open (someone arrives late or leaves
 * early). A member whose vote stands on an item still being voted on cannot be marked absent:
 * that would silently drop a counted vote. Items already closed keep their frozen results.
 */
export function setAttendance(
  ctx: ServiceContext,
  request: { meetingId: number; attendance: AttendanceEntry[] },
): MeetingDetail {
  requireSecretary(ctx, 'Recording attendance');
  durableTransaction(ctx.db, () => {
    const meeting = requireOpenMeeting(ctx, request.meetingId);
    checkAttendance(ctx, request.attendance);
    const votingNow = new Set(
      listAgenda(ctx.db, meeting.id)
        .filter((item) => item.votingClosedAt === null)
        .flatMap((item) => listVoteHistory(ctx.db, meeting.id, item.claimId))
        .map((vote) => vote.member),
    );
    for (const entry of request.attendance) {
      if (!entry.present && votingNow.has(entry.member)) {
        throw new ServiceError(
          'conflict',
          `${entry.member} has voted on an item still open; close that vote before marking them absent`,
        );
      }
      upsertAttendance(ctx.db, meeting.id, entry);
    }
    appendAudit(ctx.db, signerOf(ctx), {
      at: ctx.now().toISOString(),
      action: 'meeting.attendance_set',
      subjectType: 'meeting',
      subjectId: String(meeting.id),
      details: {
        changes: request.attendance.map((e) => ({ member: e.member, present: e.present })),
      },
    });
  });
  return getMeeting(ctx, request.meetingId);
}

/**
 * The proposal is checked with the decision rules it will later have to meet (amount and
 * reasons), so a motion that could never be confirmed is not put to a vote.
 */
function checkProposal(
  proposal: AgendaProposal,
  claimedLoss: number | null,
  claimId: string,
): void {
  const issues = validateDecision(
    { claimId, ...proposal, note: '', replacesId: null, amendmentReason: null },
    { claimedLoss, reviewable: true, current: null },
  ).filter((issue) => issue.field === 'amount' || issue.field === 'reasonCodes');
  if (issues.length > 0) {
    throw new ServiceError(
      'validation_failed',
      `the proposal for ${claimId} breaks ${issues.map((i) => i.code).join(', ')}`,
      issues.map((issue) => ({
        path: `proposal.${issue.field}`,
        code: issue.code,
        message: DECISION_ISSUE_MESSAGES[issue.code].en,
      })),
    );
  }
}

export function addToAgenda(
  ctx: ServiceContext,
  request: { meetingId: number; claimId: string; proposal: AgendaProposal | null },
): MeetingDetail {
  requireSecretary(ctx, 'Setting the agenda');
  durableTransaction(ctx.db, () => {
    const meeting = requireOpenMeeting(ctx, request.meetingId);
    const claim = getClaim(ctx.db, request.claimId);
    if (!claim) throw new ServiceError('not_found', `claim ${request.claimId} does not exist`);
    if (claim.tier !== 'committee_review') {
      refuse('claim_not_reviewable', 'claimId', `${claim.claimId} is not for committee review`);
    }
    if (findAgendaItem(ctx.db, meeting.id, claim.claimId)) {
      throw new ServiceError('conflict', `${claim.claimId} is already on this meeting's agenda`);
    }
    if (request.proposal) checkProposal(request.proposal, claim.claimedLoss, claim.claimId);
    const at = ctx.now().toISOString();
    const position = insertAgendaItem(ctx.db, meeting.id, {
      claimId: claim.claimId,
      proposal: request.proposal,
      addedAt: at,
      addedBy: ctx.actor,
    });
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'meeting.agenda_added',
      subjectType: 'claim',
      subjectId: claim.claimId,
      details: { meetingId: meeting.id, position, proposal: request.proposal },
    });
  });
  return getMeeting(ctx, request.meetingId);
}

function openItem(ctx: ServiceContext, meeting: MeetingRow, claimId: string) {
  const item = findAgendaItem(ctx.db, meeting.id, claimId);
  if (!item) {
    throw new ServiceError(
      'not_found',
      `${claimId} is not on meeting no. ${meeting.number}'s agenda`,
    );
  }
  if (item.votingClosedAt !== null) {
    throw new ServiceError('conflict', `voting on ${claimId} is closed`);
  }
  return item;
}

/**
 * Records one member's vote on one item. A changed vote is a new row that supersedes the old
 * one; repeating the standing vote writes nothing. Absent members have no vote, and a recusal
 * is final for the item: a member with a conflict of interest cannot come back in to vote.
 */
export function recordVote(
  ctx: ServiceContext,
  request: { meetingId: number; claimId: string; member: string; vote: VoteValue },
): MeetingDetail {
  requireSecretary(ctx, 'Recording votes');
  durableTransaction(ctx.db, () => {
    const meeting = requireOpenMeeting(ctx, request.meetingId);
    openItem(ctx, meeting, request.claimId);
    if (!votingMembers(ctx).has(request.member)) {
      refuse(
        'not_a_member',
        'member',
        `${request.member} is not a voting member (member or chair)`,
      );
    }
    const attendance = listAttendance(ctx.db, meeting.id).find((e) => e.member === request.member);
    if (!attendance?.present) {
      refuse(
        'member_absent',
        'member',
        `${request.member} is not present, and absent members have no vote`,
      );
    }
    const standing = standingVotes(listVoteHistory(ctx.db, meeting.id, request.claimId)).find(
      (vote) => vote.member === request.member,
    );
    if (standing?.vote === request.vote) return;
    if (standing?.vote === 'recused') {
      refuse(
        'recusal_final',
        'vote',
        `${request.member} recused on ${request.claimId} and cannot vote on it`,
      );
    }
    const at = ctx.now().toISOString();
    insertVote(ctx.db, meeting.id, request.claimId, {
      member: request.member,
      vote: request.vote,
      recordedAt: at,
      recordedBy: ctx.actor,
    });
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'meeting.vote_recorded',
      subjectType: 'claim',
      subjectId: request.claimId,
      details: {
        meetingId: meeting.id,
        member: request.member,
        vote: request.vote,
        supersedes: standing?.vote ?? null,
      },
    });
  });
  return getMeeting(ctx, request.meetingId);
}

/** Freezes an item's result under the meeting's rules, with the attendance as it is now. */
function closeItemVoting(ctx: ServiceContext, meeting: MeetingRow, claimId: string): void {
  const attendance = listAttendance(ctx.db, meeting.id);
  const votes = standingVotes(listVoteHistory(ctx.db, meeting.id, claimId));
  const rules = { quorum: meeting.quorum, threshold: meeting.threshold };
  const result = resultOf(rules, attendance, votes);
  const counts = countedTally(attendance, votes);
  const at = ctx.now().toISOString();
  markVotingClosed(ctx.db, meeting.id, claimId, { at, result, tally: counts });
  appendAudit(ctx.db, signerOf(ctx), {
    at,
    action: 'meeting.voting_closed',
    subjectType: 'claim',
    subjectId: claimId,
    details: {
      meetingId: meeting.id,
      result,
      tally: { ...counts },
      present: attendance.filter((e) => e.present).length,
      members: attendance.length,
    },
  });
}

export function closeVoting(
  ctx: ServiceContext,
  request: { meetingId: number; claimId: string },
): MeetingDetail {
  requireSecretary(ctx, 'Closing a vote');
  durableTransaction(ctx.db, () => {
    const meeting = requireOpenMeeting(ctx, request.meetingId);
    openItem(ctx, meeting, request.claimId);
    closeItemVoting(ctx, meeting, request.claimId);
  });
  return getMeeting(ctx, request.meetingId);
}

/** Ends the meeting: any item still being voted on has its result frozen first. */
export function closeMeeting(ctx: ServiceContext, meetingId: number): MeetingDetail {
  requireSecretary(ctx, 'Closing a meeting');
  durableTransaction(ctx.db, () => {
    const meeting = requireOpenMeeting(ctx, meetingId);
    const stillOpen = listAgenda(ctx.db, meeting.id).filter((item) => item.votingClosedAt === null);
    for (const item of stillOpen) closeItemVoting(ctx, meeting, item.claimId);
    const at = ctx.now().toISOString();
    markMeetingClosed(ctx.db, meeting.id, at);
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'meeting.closed',
      subjectType: 'meeting',
      subjectId: String(meeting.id),
      details: {
        number: meeting.number,
        votesClosedAtClose: stillOpen.map((item) => item.claimId),
      },
    });
  });
  return getMeeting(ctx, meetingId);
}

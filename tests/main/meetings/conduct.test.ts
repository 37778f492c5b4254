import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import {
  addToAgenda,
  closeMeeting,
  closeVoting,
  getMeeting,
  listMeetings,
  recordVote,
  setAttendance,
} from '../../../src/main/services/meetings';
import { stopActing } from '../../../src/main/services/identity/acting';
import type { VoteValue } from '../../../src/shared/domain/committee';
import {
  actAs,
  CHAIR,
  councilWorkspace,
  expectServiceError,
  FIXED_TIER_CLAIM,
  joinCouncil,
  MEMBERS,
  openWith,
  OTHER_REVIEW_CLAIM,
  REVIEW_CLAIM,
  SECRETARY,
} from './support';

let ws: ReturnType<typeof councilWorkspace>;
afterEach(() => ws?.cleanup());

const [chair, kim, choi, jung, han] = MEMBERS;
const vote = (member: string, value: VoteValue, claimId = REVIEW_CLAIM) =>
  recordVote(ws, { meetingId: 1, claimId, member, vote: value });

describe('opening a meeting', () => {
  it('is the secretary’s work', () => {
    ws = councilWorkspace();
    actAs(ws, kim);
    expectServiceError(() => openWith(ws, 5), 'forbidden');
    actAs(ws, '감사 윤');
    expectServiceError(() => openWith(ws, 5), 'forbidden');
    stopActing(ws);
    expectServiceError(() => openWith(ws, 5), 'forbidden');
    expect(listMeetings(ws).meetings).toEqual([]);
    // The chair stands in for the secretary.
    actAs(ws, CHAIR);
    expect(openWith(ws, 5)).toMatchObject({ openedBy: CHAIR });
  });

  it('marks every voting member present or absent, and refuses rules the roster cannot meet', () => {
    ws = councilWorkspace();
    const partial = MEMBERS.slice(1).map((member) => ({ member, present: true }));
    expectServiceError(
      () => openWith(ws, 5, { attendance: partial }),
      'validation_failed',
      'attendance_incomplete',
    );
    const withSecretary = [
      ...MEMBERS.map((member) => ({ member, present: true })),
      { member: SECRETARY, present: true },
    ];
    expectServiceError(
      () => openWith(ws, 5, { attendance: withSecretary }),
      'validation_failed',
      'not_a_member',
    );
    expectServiceError(
      () => openWith(ws, 5, { quorum: { kind: 'at_least', count: 6 } }),
      'validation_failed',
      'quorum_unreachable',
    );

    const meeting = openWith(ws, 4);
    expect(meeting).toMatchObject({
      number: 1,
      status: 'open',
      members: 5,
      present: 4,
      quorumMet: true,
      openedBy: SECRETARY,
    });
    expect(meeting.attendance.find((a) => a.member === han)).toEqual({
      member: han,
      present: false,
    });
    expectServiceError(() => openWith(ws, 4), 'conflict');
    expect(
      listAudit(ws.db)
        .filter((e) => e.action.startsWith('meeting.'))
        .map((e) => e.action),
    ).toEqual(['meeting.opened']);
  });
});

describe('agenda and votes', () => {
  it('takes only committee-review claims, each once, with a motion the decision rules allow', () => {
    ws = councilWorkspace();
    openWith(ws, 4);
    expectServiceError(
      () => addToAgenda(ws, { meetingId: 1, claimId: FIXED_TIER_CLAIM, proposal: null }),
      'validation_failed',
      'claim_not_reviewable',
    );
    expectServiceError(
      () =>
        addToAgenda(ws, {
          meetingId: 1,
          claimId: REVIEW_CLAIM,
          proposal: { outcome: 'approve', amount: 9_000_000, reasonCodes: [] },
        }),
      'validation_failed',
      'amount_above_claimed_loss',
    );
    addToAgenda(ws, {
      meetingId: 1,
      claimId: REVIEW_CLAIM,
      proposal: { outcome: 'approve', amount: 620_000, reasonCodes: [] },
    });
    const meeting = addToAgenda(ws, { meetingId: 1, claimId: OTHER_REVIEW_CLAIM, proposal: null });
    expect(meeting.agenda.map((item) => [item.position, item.claimId])).toEqual([
      [1, REVIEW_CLAIM],
      [2, OTHER_REVIEW_CLAIM],
    ]);
    expectServiceError(
      () => addToAgenda(ws, { meetingId: 1, claimId: REVIEW_CLAIM, proposal: null }),
      'conflict',
    );
  });

  it('counts present members only; absent members have no vote and a recusal is final', () => {
    ws = councilWorkspace();
    openWith(ws, 4); // han is absent
    addToAgenda(ws, { meetingId: 1, claimId: REVIEW_CLAIM, proposal: null });
    vote(chair, 'for');
    vote(kim, 'for');
    vote(choi, 'against');
    vote(jung, 'recused');
    expectServiceError(() => vote(han, 'for'), 'validation_failed', 'member_absent');
    expectServiceError(() => vote(SECRETARY, 'for'), 'validation_failed', 'not_a_member');
    expectServiceError(() => vote(jung, 'for'), 'validation_failed', 'recusal_final');
    expectServiceError(() => vote(jung, 'abstain'), 'validation_failed', 'recusal_final');

    // A changed vote is a new row; the history keeps the old one.
    vote(choi, 'abstain');
    const again = vote(choi, 'abstain'); // the standing vote repeated writes nothing
    const [item] = again.agenda;
    expect(item!.voteHistory.map((v) => `${v.member}:${v.vote}`)).toEqual([
      `${chair}:for`,
      `${kim}:for`,
      `${choi}:against`,
      `${jung}:recused`,
      `${choi}:abstain`,
    ]);
    expect(item!.tally).toEqual({ for: 2, against: 0, abstain: 1, recused: 1 });
    expect(item!.result).toBe('carried');
    expect(item!.votingClosedAt).toBeNull();

    const closed = closeVoting(ws, { meetingId: 1, claimId: REVIEW_CLAIM }).agenda[0]!;
    expect(closed).toMatchObject({ result: 'carried', tally: { for: 2, recused: 1 } });
    expect(closed.votingClosedAt).not.toBeNull();
    expectServiceError(() => vote(kim, 'against'), 'conflict');
    expectServiceError(() => closeVoting(ws, { meetingId: 1, claimId: REVIEW_CLAIM }), 'conflict');
    expect(verifyAuditChain(ws.db).ok).toBe(true);
    const oldestFirst = listAudit(ws.db, { subjectId: REVIEW_CLAIM }).reverse();
    expect(oldestFirst.map((e) => e.action)).toEqual([
      'meeting.agenda_added',
      'meeting.vote_recorded',
      'meeting.vote_recorded',
      'meeting.vote_recorded',
      'meeting.vote_recorded',
      'meeting.vote_recorded',
      'meeting.voting_closed',
    ]);
  });

  it('follows the configured threshold', () => {
    ws = councilWorkspace();
    openWith(ws, 5, { threshold: { kind: 'two_thirds_of_present' } });
    addToAgenda(ws, { meetingId: 1, claimId: REVIEW_CLAIM, proposal: null });
    vote(chair, 'for');
    vote(kim, 'for');
    vote(choi, 'for');
    vote(jung, 'against');
    let item = vote(han, 'abstain').agenda[0]!;
    expect(item.result).toBe('not_carried'); // 3 of 5 is short of two thirds
    item = vote(han, 'recused').agenda[0]!;
    expect(item.result).toBe('carried'); // 3 of 4 once han steps out
  });

  it('reports no quorum when too few are present', () => {
    ws = councilWorkspace();
    const meeting = openWith(ws, 2);
    expect(meeting.quorumMet).toBe(false);
    addToAgenda(ws, { meetingId: 1, claimId: REVIEW_CLAIM, proposal: null });
    vote(chair, 'for');
    vote(kim, 'for');
    expect(closeVoting(ws, { meetingId: 1, claimId: REVIEW_CLAIM }).agenda[0]!.result).toBe(
      'no_quorum',
    );
  });
});

describe('attendance during the meeting', () => {
  it('takes late arrivals, but not an absence that would drop a vote still being counted', () => {
    ws = councilWorkspace();
    openWith(ws, 2);
    addToAgenda(ws, { meetingId: 1, claimId: REVIEW_CLAIM, proposal: null });
    expect(
      setAttendance(ws, { meetingId: 1, attendance: [{ member: choi, present: true }] }).quorumMet,
    ).toBe(true);
    vote(choi, 'for');
    expectServiceError(
      () => setAttendance(ws, { meetingId: 1, attendance: [{ member: choi, present: false }] }),
      'conflict',
    );
    closeVoting(ws, { meetingId: 1, claimId: REVIEW_CLAIM });
    const after = setAttendance(ws, {
      meetingId: 1,
      attendance: [{ member: choi, present: false }],
    });
    expect(after.agenda[0]!.result).toBe('carried'); // frozen at closing
    expect(after.quorumMet).toBe(false);
    // A new member joins by a new roster version, and can then be marked present.
    joinCouncil(ws, '신규 위원', 'member');
    expect(
      setAttendance(ws, { meetingId: 1, attendance: [{ member: '신규 위원', present: true }] })
        .members,
    ).toBe(6);
  });

  it('closing the meeting freezes open items and refuses further writes', () => {
    ws = councilWorkspace();
    openWith(ws, 5);
    addToAgenda(ws, { meetingId: 1, claimId: REVIEW_CLAIM, proposal: null });
    vote(kim, 'against');
    const closed = closeMeeting(ws, 1);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.agenda[0]).toMatchObject({ result: 'not_carried' });
    expectServiceError(() => vote(kim, 'for'), 'conflict');
    expectServiceError(
      () => addToAgenda(ws, { meetingId: 1, claimId: OTHER_REVIEW_CLAIM, proposal: null }),
      'conflict',
    );
    expectServiceError(
      () => setAttendance(ws, { meetingId: 1, attendance: [{ member: kim, present: false }] }),
      'conflict',
    );
    expectServiceError(() => closeMeeting(ws, 1), 'conflict');
    expect(getMeeting(ws, 1).status).toBe('closed');
    expectServiceError(() => getMeeting(ws, 2), 'not_found');
    expect(listAudit(ws.db)[0]?.action).toBe('meeting.closed'); // newest first
    expect(CHAIR).toBe(chair);
  });
});

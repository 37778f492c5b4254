import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { getClaimDetail } from '../../../src/main/services/claims/claims';
import {
  addToAgenda,
  closeVoting,
  confirmFinalDecision,
  recordVote,
} from '../../../src/main/services/meetings';
import type {
  AgendaProposal,
  ConfirmDecisionRequest,
} from '../../../src/shared/ipc/meeting-schemas';
import {
  actAs,
  CHAIR,
  councilWorkspace,
  expectServiceError,
  MEMBERS,
  openWith,
  OTHER_REVIEW_CLAIM,
  REVIEW_CLAIM,
  SECRETARY,
} from './support';

let ws: ReturnType<typeof councilWorkspace>;
afterEach(() => ws?.cleanup());

const MOTION: AgendaProposal = { outcome: 'approve', amount: 620_000, reasonCodes: [] };
const confirmation = (over: Partial<ConfirmDecisionRequest> = {}): ConfirmDecisionRequest => ({
  meetingId: 1,
  claimId: REVIEW_CLAIM,
  outcome: 'approve',
  amount: 620_000,
  reasonCodes: [],
  note: '제1차 회의 의결',
  ...over,
});

/** Meeting 1 with `present` members present; every present member votes `vote` on the claim. */
function votedMeeting(present: number, vote: 'for' | 'against', number = 1) {
  openWith(ws, present, { number });
  const meetingId = number;
  addToAgenda(ws, { meetingId, claimId: REVIEW_CLAIM, proposal: MOTION });
  for (const member of MEMBERS.slice(0, present)) {
    recordVote(ws, { meetingId, claimId: REVIEW_CLAIM, member, vote });
  }
  closeVoting(ws, { meetingId, claimId: REVIEW_CLAIM });
}

describe('the chair confirms a carried motion', () => {
  it('records the decision with the meeting as its source, audited in one chain', () => {
    ws = councilWorkspace();
    votedMeeting(4, 'for');
    expectServiceError(() => confirmFinalDecision(ws, confirmation()), 'forbidden'); // the secretary
    actAs(ws, MEMBERS[1]);
    expectServiceError(() => confirmFinalDecision(ws, confirmation()), 'forbidden');
    actAs(ws, CHAIR);
    expectServiceError(
      () => confirmFinalDecision(ws, confirmation({ amount: 700_000 })),
      'validation_failed',
      'differs_from_motion',
    );

    const { decision, meeting } = confirmFinalDecision(ws, confirmation());
    expect(decision).toMatchObject({
      outcome: 'approve',
      amount: 620_000,
      meetingId: 1,
      decidedBy: CHAIR,
    });
    expect(meeting.agenda[0]!.confirmedDecisionId).toBe(decision.id);
    const detail = getClaimDetail(ws, REVIEW_CLAIM);
    expect(detail.reviewState).toBe('approved');
    expect(detail.decisions).toEqual([decision]);

    const [confirmed, recorded] = listAudit(ws.db, { subjectId: REVIEW_CLAIM }); // newest first
    expect(recorded).toMatchObject({ action: 'decision.recorded', details: { meetingId: 1 } });
    expect(confirmed).toMatchObject({
      action: 'meeting.decision_confirmed',
      actor: CHAIR,
      details: { meetingId: 1, decisionId: decision.id, result: 'carried', tally: { for: 4 } },
    });
    expect(verifyAuditChain(ws.db).ok).toBe(true);
    expectServiceError(() => confirmFinalDecision(ws, confirmation()), 'conflict');
  });

  it('waits for the vote to close', () => {
    ws = councilWorkspace();
    openWith(ws, 5);
    addToAgenda(ws, { meetingId: 1, claimId: OTHER_REVIEW_CLAIM, proposal: null });
    recordVote(ws, { meetingId: 1, claimId: OTHER_REVIEW_CLAIM, member: CHAIR, vote: 'for' });
    actAs(ws, CHAIR);
    expectServiceError(
      () => confirmFinalDecision(ws, confirmation({ claimId: OTHER_REVIEW_CLAIM })),
      'conflict',
    );
    expectServiceError(() => confirmFinalDecision(ws, confirmation({ meetingId: 9 })), 'not_found');
  });
});

describe('a motion that did not carry', () => {
  it('can only be deferred, and a later meeting follows the deferral up', () => {
    ws = councilWorkspace();
    votedMeeting(5, 'against');
    actAs(ws, CHAIR);
    expectServiceError(
      () => confirmFinalDecision(ws, confirmation()),
      'validation_failed',
      'only_defer_when_not_carried',
    );
    const deferral = confirmFinalDecision(
      ws,
      confirmation({ outcome: 'defer', amount: null, note: '차기 회의에서 재논의' }),
    ).decision;
    expect(deferral).toMatchObject({ outcome: 'defer', meetingId: 1, replacesId: null });
    expect(getClaimDetail(ws, REVIEW_CLAIM).reviewState).toBe('deferred');

    actAs(ws, SECRETARY);
    votedMeeting(4, 'for', 2);
    actAs(ws, CHAIR);
    const approval = confirmFinalDecision(ws, confirmation({ meetingId: 2 })).decision;
    expect(approval).toMatchObject({ meetingId: 2, replacesId: deferral.id });
    expect(getClaimDetail(ws, REVIEW_CLAIM).reviewState).toBe('approved');
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it('treats no quorum the same way', () => {
    ws = councilWorkspace();
    votedMeeting(2, 'for');
    actAs(ws, CHAIR);
    expectServiceError(
      () => confirmFinalDecision(ws, confirmation()),
      'validation_failed',
      'only_defer_when_not_carried',
    );
  });
});

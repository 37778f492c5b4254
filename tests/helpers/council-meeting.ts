import type { ServiceContext } from '../../src/main/services/context';
import {
  addToAgenda,
  closeMeeting,
  closeVoting,
  confirmFinalDecision,
  openMeeting,
  recordVote,
} from '../../src/main/services/meetings';
import type { Outcome, ReasonCode } from '../../src/shared/domain/decision';
import { actAsPerson, TEST_COUNCIL } from './council';

/** A motion the council carries unanimously: the claim and the decision it becomes. */
export interface CarriedMotion {
  claimId: string;
  outcome: Outcome;
  amount: number | null;
  reasonCodes?: ReasonCode[];
}

const VOTERS = TEST_COUNCIL.filter((p) => p.role === 'member' || p.role === 'chair').map(
  (p) => p.name,
);

/**
 * The council's decisions made the only way they are made: meeting `number` opened by the
 * secretary of the test council (tests/helpers/council.ts, seated already) with everyone
 * present, each motion put on the agenda and carried by every voter, the meeting closed, and
 * the chair confirming each. For tests (unit and browser) that need decisions the ledger pays;
 * the first decision on each claim only. Leaves the secretary acting.
 */
export function decideInMeeting(
  ctx: ServiceContext,
  number: number,
  heldOn: string,
  motions: readonly CarriedMotion[],
): number {
  actAsPerson(ctx, '박서연');
  const { id: meetingId } = openMeeting(ctx, {
    number,
    heldOn,
    place: '판교 협의체 회의실',
    quorum: { kind: 'majority_of_members' },
    threshold: { kind: 'majority_of_votes_cast' },
    attendance: VOTERS.map((member) => ({ member, present: true })),
  });
  const proposalOf = (m: CarriedMotion) => ({
    outcome: m.outcome,
    amount: m.amount,
    reasonCodes: m.reasonCodes ?? [],
  });
  for (const motion of motions) {
    addToAgenda(ctx, { meetingId, claimId: motion.claimId, proposal: proposalOf(motion) });
    for (const member of VOTERS)
      recordVote(ctx, { meetingId, claimId: motion.claimId, member, vote: 'for' });
    closeVoting(ctx, { meetingId, claimId: motion.claimId });
  }
  closeMeeting(ctx, meetingId);
  actAsPerson(ctx, '이도윤');
  for (const motion of motions)
    confirmFinalDecision(ctx, {
      meetingId,
      claimId: motion.claimId,
      ...proposalOf(motion),
      note: '',
    });
  actAsPerson(ctx, '박서연');
  return meetingId;
}

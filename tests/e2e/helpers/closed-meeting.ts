import { join } from 'node:path';
import type { ServiceContext } from '../../../src/main/services/context';
import { currentDecisionForClaim } from '../../../src/main/db/repositories/decisions';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import {
  addToAgenda,
  closeMeeting,
  confirmFinalDecision,
  openMeeting,
  recordVote,
} from '../../../src/main/services/meetings';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { Profile } from '../../../src/main/services/identity';
import { actAsKeyHolder, makeCouncilKeys, seatCouncilKeys, type CouncilKeys } from './council-keys';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * A workspace with a held and closed meeting, made through the services, for browser specs.
 * The same council as tests/main/meetings/support.ts, which imports vitest and so cannot be
 * loaded by Playwright. Meeting no. 1: four of five present (한지민 absent); the motion on
 * CARRIED_CLAIM carried (최하은 recused, 정우진 cast no vote) and the chair confirmed it;
 * the motion on DEFERRED_CLAIM was voted down and still awaits the chair's confirmation.
 */

export const SECRETARY = '박서연';
export const CHAIR = '이도윤';
export const MEMBERS = [CHAIR, '김민준', '최하은', '정우진', '한지민'] as const;
export const CARRIED_CLAIM = 'K-2022-000101';
export const DEFERRED_CLAIM = 'K-2022-000102';
export const CARRIED_AMOUNT = 620_000;
/** The council on the roster: the secretary, the chair and four members, each with a key file. */
export const COUNCIL: readonly Profile[] = [
  { name: SECRETARY, role: 'secretary' },
  { name: CHAIR, role: 'chair' },
  ...MEMBERS.slice(1).map((name): Profile => ({ name, role: 'member' })),
];

/**
 * Opens (or creates) the workspace in `dir`/workspace with the meeting above, the council's
 * key files under `dir`/keys and its roster v1 imported. The test's connection made the
 * meeting with the secretary's key and the confirmation with the chair's, and is left acting
 * as the secretary; the app starts with nobody acting (a person unlocks their key in it).
 * `workspaceDir` is that folder, for the app to open (openDesktop).
 */
export function closedMeetingWorkspace(dir: string): {
  ws: ServiceContext;
  meetingId: number;
  workspaceDir: string;
  council: CouncilKeys;
} {
  const workspaceDir = join(dir, 'workspace');
  const council = makeCouncilKeys(dir, COUNCIL);
  const ws = openTestWorkspace(workspaceDir);
  loadSampleClaims(ws);
  seatCouncilKeys(ws, council);
  actAsKeyHolder(ws, council, SECRETARY);

  const meetingId = openMeeting(ws, {
    number: 1,
    heldOn: '2022-12-20',
    place: '판교 협의체 회의실',
    quorum: { kind: 'majority_of_members' },
    threshold: { kind: 'majority_of_votes_cast' },
    attendance: MEMBERS.map((member) => ({ member, present: member !== '한지민' })),
  }).id;
  addToAgenda(ws, {
    meetingId,
    claimId: CARRIED_CLAIM,
    proposal: { outcome: 'approve', amount: CARRIED_AMOUNT, reasonCodes: [] },
  });
  addToAgenda(ws, { meetingId, claimId: DEFERRED_CLAIM, proposal: null });
  const vote = (claimId: string, member: string, v: 'for' | 'against' | 'recused') =>
    recordVote(ws, { meetingId, claimId, member, vote: v });
  vote(CARRIED_CLAIM, CHAIR, 'for');
  vote(CARRIED_CLAIM, '김민준', 'for');
  vote(CARRIED_CLAIM, '최하은', 'recused');
  for (const member of MEMBERS.slice(0, 4)) vote(DEFERRED_CLAIM, member, 'against');
  closeMeeting(ws, meetingId);

  actAsKeyHolder(ws, council, CHAIR);
  confirmFinalDecision(ws, {
    meetingId,
    claimId: CARRIED_CLAIM,
    outcome: 'approve',
    amount: CARRIED_AMOUNT,
    reasonCodes: [],
    note: '제1차 회의 의결',
  });
  actAsKeyHolder(ws, council, SECRETARY);
  return { ws, meetingId, workspaceDir, council };
}

/**
 * The chair corrects the meeting's confirmed decision on a claim: a new decision that replaces
 * it, with its reason and the meeting as its source, so the meeting's record (and the minutes
 * drafted from it) changes. Nothing is edited in place.
 */
export function amendMeetingDecision(
  ws: ServiceContext,
  council: CouncilKeys,
  meetingId: number,
  claimId: string,
  amount: number,
  amendmentReason: string,
): void {
  actAsKeyHolder(ws, council, CHAIR);
  const current = currentDecisionForClaim(ws.db, claimId);
  if (!current) throw new Error(`${claimId} has no decision to amend`);
  recordDecision(ws, {
    claimId,
    outcome: 'approve',
    amount,
    reasonCodes: [],
    note: '회의록 검토 중 금액 정정',
    replacesId: current.id,
    amendmentReason,
    meetingId,
  });
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { insertEvidence } from '../../../src/main/db/repositories/evidence';
import type { ServiceContext } from '../../../src/main/services/context';
import { EvidenceStore } from '../../../src/main/services/evidence/store';
import { readPublicKeyFile, type Profile } from '../../../src/main/services/identity';
import { actAs as unlockAs } from '../../../src/main/services/identity/acting';
import {
  closeMeeting,
  addToAgenda,
  confirmFinalDecision,
  recordVote,
} from '../../../src/main/services/meetings';
import { buildRosterPayload, signRoster } from '../../../src/main/services/roster';
import {
  actAs,
  CHAIR,
  MEMBERS,
  openWith,
  OTHER_REVIEW_CLAIM,
  REVIEW_CLAIM,
  SECRETARY,
} from '../meetings/support';
import { makeIdentity } from './council';

/** The meetings fixture's council, with keys: chair, secretary and the four members. */
export const EXPORT_PEOPLE: Profile[] = [
  { name: CHAIR, role: 'chair' },
  { name: SECRETARY, role: 'secretary' },
  ...MEMBERS.slice(1).map((name): Profile => ({ name, role: 'member' })),
];

export type Keyed = ReturnType<typeof makeIdentity>;

export function makeKeys(dir: string, people = EXPORT_PEOPLE): Record<string, Keyed> {
  return Object.fromEntries(people.map((p) => [p.name, makeIdentity(join(dir, 'keys'), p)]));
}

/** Roster v1 of these people, signed by the secretary; returns its text. */
export function rosterOf(keys: Record<string, Keyed>): string {
  const payload = buildRosterPayload({
    council: '1015 피해지원 협의체',
    version: 1,
    validFrom: '2022-11-14',
    members: Object.values(keys).map((k) => readPublicKeyFile(k.publicKeyFile)),
  });
  return signRoster(payload, [keys[SECRETARY]!]);
}

export const EVIDENCE_NAME = `${REVIEW_CLAIM}-receipt.txt`;
export const EVIDENCE_TEXT = '영수증 620,000원';

/** Stores one evidence file for REVIEW_CLAIM in the workspace and a copy in `dir` for auditors. */
export function storeEvidence(ctx: ServiceContext, dir: string): string {
  const stored = new EvidenceStore(ctx.dataDir, ctx.workspaceKey).put(Buffer.from(EVIDENCE_TEXT));
  insertEvidence(ctx.db, {
    claimId: REVIEW_CLAIM,
    position: 100,
    fileName: EVIDENCE_NAME,
    status: 'stored',
    sha256: stored.sha256,
    mediaType: 'text/plain',
    sizeBytes: stored.sizeBytes,
    problem: null,
  });
  const evidenceDir = join(dir, 'evidence');
  mkdirSync(evidenceDir, { recursive: true });
  writeFileSync(join(evidenceDir, EVIDENCE_NAME), EVIDENCE_TEXT);
  return evidenceDir;
}

/**
 * Meeting `number` with four of five present (한지민 absent). On REVIEW_CLAIM the chair and
 * 김민준 vote for, 최하은 recuses and 정우진 casts no vote: carried, the chair confirms the
 * motion. OTHER_REVIEW_CLAIM is voted down and deferred. The meeting is closed. The secretary
 * runs it and the chair confirms, each with their own key: those of the workspace's council
 * (meetings/support's actAs), or with `keys`, those key files (their roster already imported).
 * The secretary is left acting.
 */
export function heldMeeting(ctx: ServiceContext, number = 1, keys?: Record<string, Keyed>): number {
  const as = (name: string) => (keys ? void unlockAs(ctx, keys[name]!) : actAs(ctx, name));
  as(SECRETARY);
  const meeting = openWith(ctx, 4, { number });
  const meetingId = meeting.id;
  addToAgenda(ctx, {
    meetingId,
    claimId: REVIEW_CLAIM,
    proposal: { outcome: 'approve', amount: 620_000, reasonCodes: [] },
  });
  addToAgenda(ctx, { meetingId, claimId: OTHER_REVIEW_CLAIM, proposal: null });
  const vote = (claimId: string, member: string, v: 'for' | 'against' | 'recused') =>
    recordVote(ctx, { meetingId, claimId, member, vote: v });
  vote(REVIEW_CLAIM, CHAIR, 'for');
  vote(REVIEW_CLAIM, '김민준', 'for');
  vote(REVIEW_CLAIM, '최하은', 'recused');
  for (const member of MEMBERS.slice(0, 4)) vote(OTHER_REVIEW_CLAIM, member, 'against');
  closeMeeting(ctx, meetingId);
  as(CHAIR);
  confirmFinalDecision(ctx, {
    meetingId,
    claimId: REVIEW_CLAIM,
    outcome: 'approve',
    amount: 620_000,
    reasonCodes: [],
    note: `제${number}차 회의 의결`,
  });
  confirmFinalDecision(ctx, {
    meetingId,
    claimId: OTHER_REVIEW_CLAIM,
    outcome: 'defer',
    amount: null,
    reasonCodes: [],
    note: '부결, 차기 회의 이월',
  });
  as(SECRETARY);
  return meetingId;
}

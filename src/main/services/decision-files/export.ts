import { requireSecretary } from '../people/people';
import { rmSync } from 'node:fs';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { getClaim } from '../../db/repositories/claims';
import { insertDecisionFile, lastPayloadSha256 } from '../../db/repositories/decision-files';
import {
  listMeetingFileDecisions,
  type MeetingFileDecisionRow as StoredDecision,
} from '../../db/repositories/decisions';
import { listEvidenceForClaim } from '../../db/repositories/evidence';
import {
  findAgendaItem,
  listAttendance,
  listVoteHistory,
  standingVotes,
  type MeetingRow,
} from '../../db/repositories/meetings';
import { findLatestPolicy } from '../../db/repositories/support-policies';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { sha256Hex } from '../hashing';
import type { UnlockedIdentity } from '../identity';
import { getMeetingRow } from '../meetings/access';
import { latestApprovedMinutesSha256 } from '../../db/repositories/minutes';
import { latestRoster, type RosterMember, type VerifiedRoster } from '../roster';
import { buildDecisionPayload, type DecisionRecord } from './payload';
import { decisionFileSha256, signDecisionFile } from './sign';
import { crashPoint, writeNewFile } from '../new-file';
import { durableTransaction, type Db } from '../../db/connection';

/*
 * Exporting a meeting's signed decision file. The choices, all made so that the exported file
 * verifies (verifyDecisionFile) against the roster it names:
 * - The meeting must be closed: its attendance, agenda and votes are then frozen (migration
 *   008's triggers), so the votes in the file are final. The chair may still confirm an item
 *   after the close; exporting again then writes a new file that chains to this one.
 * - The decisions are, per claim, the latest one recorded with this meeting as its source (a
 *   meeting confirms a claim at most once); a later amendment made elsewhere is that other
 *   source's to export, not this meeting's.
 * - Votes are each member's standing vote on the item; every member marked absent in the
 *   attendance appears as 'absent'. A member present who cast no vote is left out: no vote was
 *   recorded, and writing 'abstain' would invent one (the issue: absent is never abstain, and
 *   silence is not abstention either). The meeting's tally counted them the same way.
 * - Evidence is every file stored for the claim (status 'stored', with its SHA-256); files the
 *   import only named (missing or rejected) have no bytes to vouch for and are left out.
 * - The policy version is the one the decisions name. Decisions confirmed in a meeting usually
 *   name none (no calculator run), so then it is the support policy in force when the file is
 *   made, the latest version; a workspace with no policy is refused. Decisions naming
 *   different versions are refused: the file carries one, and picking one would misstate.
 * - The roster is the latest imported one. Every signer must be on it by key, chair AND
 *   secretary among them (their roster roles count, not their profile's), each once; every
 *   voter must be on it by name; its valid-from must not be after the meeting date.
 * - The chain runs over the whole workspace: previousFileSha256 is the payload hash of the file
 *   exported last, whatever its meeting, or null for the first. It is read and the new row
 *   written in one transaction.
 * - Who may export: anyone at the machine, since the signatures carry the authority; the
 *   export is audited with the person at the machine and the signers.
 */

export interface ExportDecisionsRequest {
  meetingId: number;
  /** Chair and secretary of the latest roster at least; members may co-sign. */
  signers: UnlockedIdentity[];
  /** Defaults to the roster's council. */
  council?: string;
}

export interface ExportedDecisionFile {
  fileText: string;
  /** SHA-256 of the file's bytes as written. */
  sha256: string;
  /** What the next file's previousFileSha256 names (decisionFileSha256). */
  payloadSha256: string;
  decisions: DecisionRecord[];
}

function refuse(code: string, path: string, message: string): never {
  throw new ServiceError('validation_failed', message, [{ path, code, message }]);
}

/** Per claim, the latest decision recorded with this meeting as its source. */
function meetingDecisions(db: Db, meetingId: number): StoredDecision[] {
  return listMeetingFileDecisions(db, meetingId);
}

function policyVersionOf(db: Db, decisions: StoredDecision[]): number {
  const named = [...new Set(decisions.map((d) => d.policyVersion).filter((v) => v !== null))];
  if (named.length > 1)
    refuse(
      'policy_versions_differ',
      'policyVersion',
      `the meeting's decisions were made under support policy versions ${named.sort((a, b) => a - b).join(', ')}; a decision file carries one`,
    );
  if (named.length === 1) return named[0]!;
  const latest = findLatestPolicy(db);
  if (!latest) refuse('no_policy', 'policyVersion', 'there is no support policy in this workspace');
  return latest.version;
}

function rosterSigners(roster: VerifiedRoster, signers: UnlockedIdentity[]): RosterMember[] {
  const byKid = new Map(roster.payload.members.map((m) => [m.kid, m]));
  const seen = new Set<string>();
  const members = signers.map((signer) => {
    const member = byKid.get(signer.kid);
    if (!member)
      refuse(
        'signer_not_on_roster',
        'signers',
        `${signer.name}'s key (${signer.fingerprint}) is not on roster v${roster.payload.version}`,
      );
    if (seen.has(member.kid))
      refuse('duplicate_signer', 'signers', `${member.name} is given to sign twice`);
    seen.add(member.kid);
    return member;
  });
  const missing = (['chair', 'secretary'] as const).filter(
    (role) => !members.some((m) => m.role === role),
  );
  if (missing.length > 0)
    refuse(
      'required_signer_missing',
      'signers',
      `a decision file is signed by the chair and the secretary; missing: ${missing.join(', ')}`,
    );
  return members;
}

function votesFor(db: Db, meeting: MeetingRow, claimId: string): DecisionRecord['votes'] {
  const absent = listAttendance(db, meeting.id)
    .filter((entry) => !entry.present)
    .map((entry) => ({ member: entry.member, vote: 'absent' as const }));
  const cast = standingVotes(listVoteHistory(db, meeting.id, claimId)).map(({ member, vote }) => ({
    member,
    vote,
  }));
  return [...cast, ...absent];
}

function recordOf(db: Db, meeting: MeetingRow, decision: StoredDecision): DecisionRecord {
  const claim = getClaim(db, decision.claimId);
  if (!claim) throw new ServiceError('not_found', `claim ${decision.claimId} does not exist`);
  return {
    claimId: claim.claimId,
    claimContentHash: claim.contentHash,
    outcome: decision.outcome,
    amount: decision.amount,
    reasons: { codes: decision.reasonCodes, note: decision.note },
    votes: findAgendaItem(db, meeting.id, claim.claimId)
      ? votesFor(db, meeting, claim.claimId)
      : [],
    evidence: listEvidenceForClaim(db, claim.claimId)
      .filter((e) => e.status === 'stored' && e.sha256 !== null)
      .map((e) => ({ fileName: e.fileName, sha256: e.sha256! })),
  };
}

function checkVoters(roster: VerifiedRoster, records: DecisionRecord[]): void {
  const names = new Set(roster.payload.members.map((m) => m.name));
  const strangers = [
    ...new Set(records.flatMap((r) => r.votes.map((v) => v.member)).filter((n) => !names.has(n))),
  ];
  if (strangers.length > 0)
    refuse(
      'voter_not_on_roster',
      'votes',
      `not on roster v${roster.payload.version}: ${strangers.join(', ')}; import a roster that names every member`,
    );
}

interface BuiltExport {
  meeting: MeetingRow;
  members: RosterMember[];
  roster: VerifiedRoster;
  payload: ReturnType<typeof buildDecisionPayload>;
  previous: string | null;
  fileText: string;
  sha256: string;
  payloadSha256: string;
}

/** Everything up to the signed text; reads only. Runs inside the export's transaction. */
function buildExport(ctx: ServiceContext, request: ExportDecisionsRequest): BuiltExport {
  const meeting = getMeetingRow(ctx, request.meetingId);
  if (meeting.status !== 'closed')
    throw new ServiceError(
      'conflict',
      `meeting no. ${meeting.number} is still open; close it before exporting its decisions`,
    );
  const stored = meetingDecisions(ctx.db, meeting.id);
  if (stored.length === 0)
    throw new ServiceError(
      'conflict',
      `meeting no. ${meeting.number} has no decisions confirmed by the chair`,
    );
  const roster = latestRoster(ctx.db);
  if (!roster)
    throw new ServiceError(
      'conflict',
      'no committee roster is imported; import the signed roster first',
    );
  if (roster.payload.validFrom > meeting.heldOn)
    refuse(
      'roster_not_yet_valid',
      'roster',
      `roster v${roster.payload.version} is valid from ${roster.payload.validFrom}, after the meeting (${meeting.heldOn})`,
    );
  const members = rosterSigners(roster, request.signers);
  const records = stored.map((d) => recordOf(ctx.db, meeting, d));
  checkVoters(roster, records);

  const previous = lastPayloadSha256(ctx.db);
  const payload = buildDecisionPayload({
    council: request.council ?? roster.payload.council,
    meeting: {
      id: String(meeting.id),
      number: meeting.number,
      date: meeting.heldOn,
      place: meeting.place,
    },
    policyVersion: policyVersionOf(ctx.db, stored),
    roster,
    decisions: records,
    // The meeting's latest approved minutes version; null while none is approved.
    minutesSha256: latestApprovedMinutesSha256(ctx.db, meeting.id),
    previousFileSha256: previous,
  });
  const fileText = signDecisionFile(payload, request.signers);
  return {
    meeting,
    members,
    roster,
    payload,
    previous,
    fileText,
    sha256: sha256Hex(fileText),
    payloadSha256: decisionFileSha256(fileText),
  };
}

/** The decision_files row and its audit entry; inside the export's transaction. */
function recordExport(ctx: ServiceContext, built: BuiltExport, savedTo: string | null): void {
  const { meeting, payload, roster, members, sha256, payloadSha256, previous } = built;
  const at = ctx.now().toISOString();
  const decisionFileId = insertDecisionFile(ctx.db, {
    meetingId: meeting.id,
    fileSha256: sha256,
    payloadSha256,
    previousPayloadSha256: previous,
    exportedAt: at,
    exportedBy: ctx.actor,
    fileText: built.fileText,
  });
  appendAudit(ctx.db, signerOf(ctx), {
    at,
    action: 'decisions.exported',
    subjectType: 'meeting',
    subjectId: String(meeting.id),
    details: {
      decisionFileId,
      meetingNumber: meeting.number,
      decisions: payload.decisions.length,
      claimIds: payload.decisions.map((d) => d.claimId),
      fileSha256: sha256,
      payloadSha256,
      previousFileSha256: previous,
      policyVersion: payload.policyVersion,
      minutesSha256: payload.minutesSha256,
      roster: { version: roster.payload.version, fingerprint: roster.fingerprint },
      signers: members.map((m) => ({ name: m.name, role: m.role })),
      ...(savedTo === null ? {} : { savedTo }),
    },
  });
}

function resultOf(built: BuiltExport): ExportedDecisionFile {
  const { fileText, sha256, payloadSha256, payload } = built;
  return { fileText, sha256, payloadSha256, decisions: payload.decisions };
}

/**
 * Builds, signs and records the decision file of one closed meeting, and returns its text
 * without writing it anywhere (the demo and tests keep it in hand). Whatever hands a file out
 * (the app, the CLI) uses exportDecisionFileTo instead, so nothing is recorded that is not on
 * disk. Refuses (ServiceError) an unknown or open meeting, a meeting without confirmed
 * decisions, a workspace without a roster, and signers who are not on it or lack the chair or
 * the secretary.
 */
export function exportMeetingDecisions(
  ctx: ServiceContext,
  request: ExportDecisionsRequest,
): ExportedDecisionFile {
  requireSecretary(ctx, 'Exporting a decision file');
  return durableTransaction(ctx.db, () => {
    const built = buildExport(ctx, request);
    recordExport(ctx, built, null);
    return resultOf(built);
  });
}

export const SIGNED_FILE_RULE = 'a signed file is never overwritten';

/**
 * Exports the decision file to `path`, durable before acknowledged: the file is recorded only
 * once it is safely in place. In one IMMEDIATE transaction (the write lock is held from the
 * chain read to the commit, so nothing can slip in between): build and sign; write the file
 * (temp file, fsync, link into place, folder fsync: writeNewFile); record the row and audit
 * entry; commit with synchronous = FULL. So a crash, at any point:
 * - before the file is in place: nothing is recorded, and no file is under the name (a
 *   dot-named `.partial` temp file may remain from a kill);
 * - after the file is in place, before the commit: the file is complete but not recorded, the
 *   chain still ends at the previous file, and the retry under the same name signs the very
 *   same bytes (the payload has no clock in it and Ed25519 signatures are deterministic), finds
 *   them already there and records them: `existing` is then true;
 * - after the commit: file complete and recorded.
 * A failure after the file was placed (the commit itself) takes the placed file back. A name
 * that holds anything else is refused and nothing is recorded.
 */
export function exportDecisionFileTo(
  ctx: ServiceContext,
  request: ExportDecisionsRequest,
  path: string,
): ExportedDecisionFile & { existing: boolean } {
  // Refused before anything is signed or written, not only by the audit entry at the end.
  requireSecretary(ctx, 'Exporting a decision file');
  let placed = false;
  try {
    return durableTransaction(
      ctx.db,
      () => {
        const built = buildExport(ctx, request);
        const outcome = writeNewFile(path, built.fileText, SIGNED_FILE_RULE, {
          sameBytesIsDone: true,
        });
        placed = outcome === 'written';
        crashPoint('export-decisions:file-in-place');
        recordExport(ctx, built, path);
        return { ...resultOf(built), existing: outcome === 'existing' };
      },
      'immediate',
    );
  } catch (error) {
    if (placed) rmSync(path, { force: true });
    throw error;
  }
}

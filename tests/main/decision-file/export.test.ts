import { ServiceError } from '../../../src/main/services/errors';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import {
  exportMeetingDecisions,
  verifyDecisionFile,
} from '../../../src/main/services/decision-files';
import { openEvidenceSource } from '../../../src/main/services/evidence/source';
import { getClaim } from '../../../src/main/db/repositories/claims';
import { sha256Hex } from '../../../src/main/services/hashing';
import { actAs as unlockAs } from '../../../src/main/services/identity/acting';
import { latestRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import {
  actAs,
  CHAIR,
  councilWorkspace,
  expectServiceError,
  openWith,
  OTHER_REVIEW_CLAIM,
  REVIEW_CLAIM,
  SECRETARY,
} from '../meetings/support';
import { makeIdentity } from './council';
import {
  EVIDENCE_NAME,
  EVIDENCE_TEXT,
  heldMeeting,
  makeKeys,
  rosterOf,
  storeEvidence,
  type Keyed,
} from './export-fixture';

let ws: ReturnType<typeof councilWorkspace>;
afterEach(() => ws?.cleanup());

// Keys are made once for the file: real scrypt, even at the test cost, takes a moment.
const keyDir = makeTempDir('review-desk-export-keys-');
afterAll(keyDir.cleanup);
const keys: Record<string, Keyed> = makeKeys(keyDir.dir);
const rosterText = rosterOf(keys);
const signers = () => [keys[CHAIR]!, keys[SECRETARY]!];

/** The council's roster is the key files' (the file is signed with them); the secretary acts. */
function setUp() {
  ws = councilWorkspace({ rosterText, keys });
  const evidenceDir = storeEvidence(ws, ws.dataDir);
  const meetingId = heldMeeting(ws, 1);
  return { meetingId, evidenceDir };
}

describe('exportMeetingDecisions', { timeout: 60_000 }, () => {
  it('signs the meeting decisions into a file that verifies, with evidence checked', async () => {
    const { meetingId, evidenceDir } = setUp();
    const exported = exportMeetingDecisions(ws, { meetingId, signers: signers() });
    expect(exported.sha256).toBe(sha256Hex(exported.fileText));

    const payload = JSON.parse(
      Buffer.from(JSON.parse(exported.fileText).payload, 'base64url').toString(),
    );
    const roster = latestRoster(ws.db)!;
    expect(payload).toMatchObject({
      council: '1015 피해지원 협의체',
      meeting: { id: String(meetingId), number: 1, date: '2022-12-20', place: '판교 회의실' },
      policyVersion: 1,
      roster: { version: 1, sha256: roster.sha256, fingerprint: roster.fingerprint },
      minutesSha256: null,
      previousFileSha256: null,
    });
    expect(exported.decisions).toEqual(payload.decisions);
    const [review, other] = [payload.decisions[0], payload.decisions[1]];
    expect(other).toMatchObject({ claimId: OTHER_REVIEW_CLAIM, outcome: 'defer', amount: null });
    expect(review).toEqual({
      claimId: REVIEW_CLAIM,
      claimContentHash: getClaim(ws.db, REVIEW_CLAIM)!.contentHash,
      outcome: 'approve',
      amount: 620_000,
      reasons: { codes: [], note: '제1차 회의 의결' },
      // 정우진 was present and cast no vote: left out, neither abstain nor absent.
      votes: [
        { member: '김민준', vote: 'for' },
        { member: CHAIR, vote: 'for' },
        { member: '최하은', vote: 'recused' },
        { member: '한지민', vote: 'absent' },
      ].sort((a, b) => (a.member < b.member ? -1 : 1)),
      evidence: [{ fileName: EVIDENCE_NAME, sha256: sha256Hex(EVIDENCE_TEXT) }],
    });

    const evidence = await openEvidenceSource(evidenceDir);
    const report = await verifyDecisionFile(exported.fileText, { roster, evidence });
    await evidence.close();
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      valid: true,
      records: { total: 2, valid: 2, invalid: [] },
      evidence: { checked: 1, mismatched: 0 },
    });
    expect(report.signatures.map((s) => [s.signer, s.role, s.valid])).toEqual([
      [CHAIR, 'chair', true],
      [SECRETARY, 'secretary', true],
    ]);

    const rows = ws.db.prepare('SELECT * FROM decision_files').all();
    expect(rows).toEqual([
      expect.objectContaining({
        meeting_id: meetingId,
        file_sha256: exported.sha256,
        payload_sha256: exported.payloadSha256,
        previous_payload_sha256: null,
        exported_by: SECRETARY,
        file_text: exported.fileText,
      }),
    ]);
    const [entry] = listAudit(ws.db, { subjectId: String(meetingId) });
    expect(entry).toMatchObject({
      action: 'decisions.exported',
      actor: SECRETARY,
      actorKid: keys[SECRETARY]!.kid,
      subjectType: 'meeting',
      details: {
        payloadSha256: exported.payloadSha256,
        previousFileSha256: null,
        signers: [
          { name: CHAIR, role: 'chair' },
          { name: SECRETARY, role: 'secretary' },
        ],
      },
    });
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it('chains the next export to the previous file', async () => {
    const { meetingId } = setUp();
    const first = exportMeetingDecisions(ws, { meetingId, signers: signers() });
    const second = exportMeetingDecisions(ws, {
      meetingId,
      signers: [...signers(), keys['김민준']!],
    });
    const payload = JSON.parse(
      Buffer.from(JSON.parse(second.fileText).payload, 'base64url').toString(),
    );
    expect(payload.previousFileSha256).toBe(first.payloadSha256);
    const roster = latestRoster(ws.db);
    const ok = await verifyDecisionFile(second.fileText, { roster, previousFile: first.fileText });
    expect(ok.problems).toEqual([]);
    expect(ok.valid).toBe(true);
    const broken = await verifyDecisionFile(second.fileText, {
      roster,
      previousFile: second.fileText,
    });
    expect(broken.problems.map((p) => p.code)).toContain('chain_broken');
    expect(
      ws.db.prepare('SELECT previous_payload_sha256 AS p FROM decision_files ORDER BY id').all(),
    ).toEqual([{ p: null }, { p: first.payloadSha256 }]);
  });

  it('refuses an unknown meeting, an open one, one without decisions', () => {
    setUp();
    const count = () => ws.db.prepare('SELECT count(*) AS n FROM decision_files').get();
    expectServiceError(
      () => exportMeetingDecisions(ws, { meetingId: 99, signers: signers() }),
      'not_found',
    );
    openWith(ws, 4, { number: 2 });
    expect(() => exportMeetingDecisions(ws, { meetingId: 2, signers: signers() })).toThrow(
      /still open/,
    );
    ws.db.prepare("UPDATE meetings SET status = 'closed', closed_at = 't' WHERE id = 2").run();
    expect(() => exportMeetingDecisions(ws, { meetingId: 2, signers: signers() })).toThrow(
      /no decisions confirmed/,
    );
    expect(count()).toEqual({ n: 0 });
  });

  it('without a roster nobody can act, so no meeting is held to export', () => {
    const bare = openTempWorkspace();
    try {
      loadSampleClaims(bare);
      expect(() => unlockAs(bare, keys[SECRETARY]!)).toThrow(/no roster yet/);
      expectServiceError(() => openWith(bare, 4), 'forbidden');
      // Refused for who is acting (nobody) before the meeting is even looked up.
      expectServiceError(
        () => exportMeetingDecisions(bare, { meetingId: 1, signers: signers() }),
        'forbidden',
        'unlock_required',
      );
      expect(bare.db.prepare('SELECT count(*) AS n FROM decision_files').get()).toEqual({ n: 0 });
    } finally {
      bare.cleanup();
    }
  });

  it("is the secretary's or the chair's to export: a member's key is refused, nothing recorded", () => {
    const { meetingId } = setUp();
    actAs(ws, '김민준');
    let refusal: unknown;
    try {
      exportMeetingDecisions(ws, { meetingId, signers: signers() });
    } catch (error) {
      refusal = error;
    }
    // Refused up front, before anything is signed; the audit log holds the same rule again.
    expect(refusal).toBeInstanceOf(ServiceError);
    expect(refusal).toMatchObject({
      code: 'forbidden',
      message: 'Exporting a decision file is for a secretary or chair; 김민준 is the member',
      issues: [{ path: 'acting', code: 'secretariat_required' }],
    });
    expect(ws.db.prepare('SELECT count(*) AS n FROM decision_files').get()).toEqual({ n: 0 });
    // The chair stands in for the secretary.
    actAs(ws, CHAIR);
    exportMeetingDecisions(ws, { meetingId, signers: signers() });
    expect(ws.db.prepare('SELECT exported_by AS by FROM decision_files').all()).toEqual([
      { by: CHAIR },
    ]);
  });

  it('refuses signers off the roster, twice over, or without chair and secretary', () => {
    const { meetingId } = setUp();
    const outsider = makeIdentity(join(keyDir.dir, 'outsider'), { name: CHAIR, role: 'chair' });
    const attempt = (list: Keyed[]) => () =>
      exportMeetingDecisions(ws, { meetingId, signers: list });
    expectServiceError(
      attempt([outsider, keys[SECRETARY]!]),
      'validation_failed',
      'signer_not_on_roster',
    );
    expectServiceError(attempt([keys[CHAIR]!]), 'validation_failed', 'required_signer_missing');
    expectServiceError(
      attempt([keys[SECRETARY]!, keys['김민준']!]),
      'validation_failed',
      'required_signer_missing',
    );
    expectServiceError(attempt([]), 'validation_failed', 'required_signer_missing');
    expectServiceError(
      attempt([keys[CHAIR]!, keys[SECRETARY]!, keys[CHAIR]!]),
      'validation_failed',
      'duplicate_signer',
    );
    expect(ws.db.prepare('SELECT count(*) AS n FROM decision_files').get()).toEqual({ n: 0 });
    expect(listAudit(ws.db, {}).some((e) => e.action === 'decisions.exported')).toBe(false);
  });
});

import { sign } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ActNotPermittedError } from '../../../src/main/db/errors';
import {
  appendAudit,
  GENESIS_HASH,
  hashAuditEntry,
  iterateAudit,
  type AuditEntry,
} from '../../../src/main/db/repositories/audit-log';
import { canonicalJson } from '../../../src/shared/domain/canonical-json';
import { verifyAuditLog } from '../../../src/main/services/audit-log/verify-acts';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { signerOf } from '../../../src/main/services/identity/acting';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import { actAsPerson, councilOf, memoryIdentity, seatCouncil } from '../../helpers/council';
import { openTempWorkspace } from '../../helpers/temp-workspace';
import { openRawDatabase } from '../../helpers/workspace-key';

let ws: ReturnType<typeof openTempWorkspace>;
afterEach(() => ws?.cleanup());

const REVIEW_CLAIM = 'K-2022-000101';

function recommend(claimId = REVIEW_CLAIM) {
  return recordDecision(ws, {
    claimId,
    outcome: 'approve',
    amount: 600_000,
    reasonCodes: [],
    note: '영수증 확인',
    replacesId: null,
    amendmentReason: null,
  });
}

/** A workspace with the sample claims, the test council, and one recommendation by 김민준. */
function councilWithOneAct() {
  ws = openTempWorkspace();
  loadSampleClaims(ws);
  seatCouncil(ws);
  actAsPerson(ws, '김민준');
  recommend();
  return ws;
}

function entries(): AuditEntry[] {
  return [...iterateAudit(ws.db)];
}

/**
 * Rewrites the log as someone holding the file (and maybe a key) would: the triggers dropped,
 * every row replaced, each hash recomputed so the hash chain itself still holds. Only the
 * signatures can then show what was done. (The altered entry is the last signed one, so no
 * later signature is disturbed by its new hash.)
 */
function rewriteLog(change: (entry: AuditEntry) => AuditEntry) {
  let prevHash = GENESIS_HASH;
  const rewritten = entries().map((original) => {
    const entry = { ...change(original), prevHash };
    prevHash = hashAuditEntry(entry);
    return { ...entry, hash: prevHash };
  });
  const raw = openRawDatabase(join(ws.dataDir, 'review-desk.db'), ws.workspaceKey);
  raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DELETE FROM audit_log;');
  const insert = raw.prepare(
    `INSERT INTO audit_log (seq, at, actor, actor_kid, action, subject_type, subject_id, details,
       prev_hash, hash, signature)
     VALUES (@seq, @at, @actor, @actorKid, @action, @subjectType, @subjectId, @details, @prevHash,
       @hash, @signature)`,
  );
  for (const entry of rewritten) insert.run({ ...entry, details: canonicalJson(entry.details) });
  raw.close();
}

const isDecision = (e: AuditEntry) => e.action === 'decision.recorded';

describe('acts with authority need a key, and are signed by it', () => {
  it('refuses a recommendation while nobody has unlocked a key, and writes nothing', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    seatCouncil(ws);
    const before = entries().length;
    expect(() => recommend()).toThrow(ActNotPermittedError);
    expect(() => recommend()).toThrow(/nobody has unlocked their key/);
    expect(entries()).toHaveLength(before);
    expect(ws.db.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(0);
  });

  it('the audit log itself refuses an act by a role that may not do it, whatever called it', () => {
    councilWithOneAct();
    expect(() =>
      appendAudit(ws.db, signerOf(ws), {
        at: '2022-12-20T10:00:00.000Z',
        action: 'meeting.decision_confirmed',
        subjectType: 'claim',
        subjectId: REVIEW_CLAIM,
        details: {},
      }),
    ).toThrow(/needs the key of a chair on the roster; 김민준 is the member/);
  });

  it('data entry needs no key and is recorded as the unidentified operator, unsigned', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    const [imported] = entries();
    expect(imported).toMatchObject({
      action: 'batch.imported',
      actor: UNIDENTIFIED_OPERATOR,
      actorKid: null,
      signature: null,
    });
  });

  it('names the acting key and signs the entry; the whole log verifies against the roster', () => {
    councilWithOneAct();
    const decision = entries().find(isDecision)!;
    const member = councilOf(ws).identities.get('김민준')!;
    expect(decision.actor).toBe('김민준');
    expect(decision.actorKid).toBe(member.kid);
    expect(decision.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyAuditLog(ws.db)).toMatchObject({
      ok: true,
      problem: null,
      signedEntries: 1,
      unsignedBeforeKeys: 0,
      actProblems: [],
    });
  });
});

describe('the chain check names an entry that was altered or replayed', () => {
  it('an actor changed (and every hash after it recomputed): the signature no longer fits', () => {
    councilWithOneAct();
    const seq = entries().find(isDecision)!.seq;
    rewriteLog((e) => (e.seq === seq ? { ...e, actor: '이도윤' } : e));
    const result = verifyAuditLog(ws.db);
    expect(result.problem).toBeNull(); // the hash chain was rebuilt: only the signature tells
    expect(result.ok).toBe(false);
    expect(result.actProblems).toEqual([
      expect.objectContaining({ seq, problem: 'bad_signature', actor: '이도윤' }),
    ]);
  });

  it("replayed under the auditor's own key, re-signed: the signer lacked the role", () => {
    councilWithOneAct();
    const auditor = councilOf(ws).identities.get('감사 윤')!;
    const seq = entries().find(isDecision)!.seq;
    rewriteLog((e) => {
      if (e.seq !== seq) return e;
      const replayed = { ...e, actor: auditor.name, actorKid: auditor.kid };
      // The hash must be the one rewriteLog computes: it signs that (prevHash is unchanged here).
      const hash = hashAuditEntry(replayed);
      return {
        ...replayed,
        signature: sign(null, Buffer.from(hash), auditor.privateKey).toString('base64url'),
      };
    });
    expect(verifyAuditLog(ws.db).actProblems).toEqual([
      expect.objectContaining({ seq, problem: 'signer_lacks_role', actor: '감사 윤' }),
    ]);
  });

  it('re-signed with a key that is on no roster: named as such', () => {
    councilWithOneAct();
    const stranger = memoryIdentity('외부인', 'member');
    const seq = entries().find(isDecision)!.seq;
    rewriteLog((e) => {
      if (e.seq !== seq) return e;
      const replayed = { ...e, actorKid: stranger.kid };
      const hash = hashAuditEntry(replayed);
      return {
        ...replayed,
        signature: sign(null, Buffer.from(hash), stranger.privateKey).toString('base64url'),
      };
    });
    expect(verifyAuditLog(ws.db).actProblems).toEqual([
      expect.objectContaining({ seq, problem: 'signer_not_on_roster' }),
    ]);
  });

  it('a signature stripped from an act made after keys were required: named as unsigned', () => {
    councilWithOneAct();
    const seq = entries().find(isDecision)!.seq;
    rewriteLog((e) => (e.seq === seq ? { ...e, actorKid: null, signature: null } : e));
    expect(verifyAuditLog(ws.db).actProblems).toEqual([
      expect.objectContaining({ seq, problem: 'unsigned_act' }),
    ]);
  });
});

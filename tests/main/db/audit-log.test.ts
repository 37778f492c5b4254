import { openRawDatabase } from '../../helpers/workspace-key';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendAudit,
  GENESIS_HASH,
  hashAuditEntry,
  listAudit,
  verifyAuditChain,
} from '../../../src/main/db/repositories/audit-log';
import { signerOf } from '../../../src/main/services/identity/acting';
import { memoryIdentity } from '../../helpers/council';
import { openTempWorkspace } from '../../helpers/temp-workspace';

let ws: ReturnType<typeof openTempWorkspace>;
afterEach(() => ws?.cleanup());

/** A member's key, as unlocked at this machine: decisions are signed with it. */
const member = memoryIdentity('김민준', 'member');
const signer = signerOf({ acting: member })!;

function append(n: number) {
  for (let i = 1; i <= n; i++) {
    appendAudit(ws.db, signer, {
      at: `2022-11-20T09:00:0${i}.000Z`,
      action: 'decision.recorded',
      subjectType: 'claim',
      subjectId: `K-2022-00000${i}`,
      details: { amount: i * 1000, outcome: 'approve' },
    });
  }
}

/** Tampering as someone with the file and a SQLite shell would: the triggers dropped, rows rewritten. */
function tamper(sql: string) {
  const file = join(ws.dataDir, 'review-desk.db');
  const raw = openRawDatabase(file, ws.workspaceKey);
  raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  raw.exec(sql);
  raw.close();
}

describe('the audit log', () => {
  it('chains each entry to the one before, starting from the genesis hash', () => {
    ws = openTempWorkspace();
    append(3);
    const entries = listAudit(ws.db).reverse();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(entries[2]!.hash).toBe(hashAuditEntry(entries[2]!));
    // Each entry is recorded under the signer's name and key, signed over its hash.
    expect(entries[0]).toMatchObject({ actor: '김민준', actorKid: member.kid });
    expect(entries[0]!.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyAuditChain(ws.db)).toEqual({
      ok: true,
      entries: 3,
      firstBadSeq: null,
      problem: null,
    });
  });

  it('an empty log verifies', () => {
    ws = openTempWorkspace();
    expect(verifyAuditChain(ws.db)).toEqual({
      ok: true,
      entries: 0,
      firstBadSeq: null,
      problem: null,
    });
  });

  it('refuses updates and deletes through SQL', () => {
    ws = openTempWorkspace();
    append(1);
    expect(() => ws.db.exec("UPDATE audit_log SET actor = 'x'")).toThrow(/append-only/);
    expect(() => ws.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });

  it('names the first entry whose content was changed', () => {
    ws = openTempWorkspace();
    append(4);
    tamper(`UPDATE audit_log SET details = '{"amount":999999,"outcome":"approve"}' WHERE seq = 2`);
    expect(verifyAuditChain(ws.db)).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'hash_mismatch',
      entries: 1,
    });
  });

  it('detects a deleted entry in the middle', () => {
    ws = openTempWorkspace();
    append(4);
    tamper('DELETE FROM audit_log WHERE seq = 3');
    expect(verifyAuditChain(ws.db)).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: 'sequence_gap',
    });
  });

  it('detects an entry rewritten with a fresh hash that no longer links', () => {
    ws = openTempWorkspace();
    append(3);
    const second = listAudit(ws.db).find((e) => e.seq === 2)!;
    const forged = { ...second, actor: '다른 사람', prevHash: 'f'.repeat(64) };
    tamper(
      `UPDATE audit_log SET actor = '다른 사람', prev_hash = '${forged.prevHash}', hash = '${hashAuditEntry(forged)}' WHERE seq = 2`,
    );
    expect(verifyAuditChain(ws.db)).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'broken_link',
    });
  });

  it('filters by subject, newest first', () => {
    ws = openTempWorkspace();
    append(3);
    expect(listAudit(ws.db, { subjectId: 'K-2022-000002' }).map((e) => e.seq)).toEqual([2]);
    expect(listAudit(ws.db, { limit: 2 }).map((e) => e.seq)).toEqual([3, 2]);
  });
});

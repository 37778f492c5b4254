import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { GENESIS_HASH, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { verifyAuditLog } from '../../../src/main/services/audit-log/verify-acts';
import { canonicalJson } from '../../../src/shared/domain/canonical-json';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function at12(): Db {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 12);
  return db;
}

/** An entry as schema 12 wrote it: no key, no signature, hashed without an actorKid field. */
interface OldEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, string | number>;
  prevHash: string;
  hash: string;
}

/** The hash as version 12 computed it, written out here so a change to it shows. */
function oldHash(entry: Omit<OldEntry, 'hash'>): string {
  const { seq, at, actor, action, subjectType, subjectId, details, prevHash } = entry;
  const body = canonicalJson({ seq, at, actor, action, subjectType, subjectId, details, prevHash });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

const OLD_ACTS = [
  { actor: '간사 박서연', action: 'batch.imported', subjectType: 'batch', subjectId: '1' },
  { actor: '위원 김민준', action: 'decision.recorded', subjectType: 'claim', subjectId: 'K-1' },
  { actor: '간사 박서연', action: 'meeting.opened', subjectType: 'meeting', subjectId: '1' },
] as const;

const insertEntry = `INSERT INTO audit_log (seq, at, actor, action, subject_type, subject_id,
  details, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @subjectType, @subjectId,
  @details, @prevHash, @hash)`;

/** Schema 12 with a chain of three entries, two people and the person at this machine. */
function workspaceAt12() {
  const db = at12();
  let prevHash = GENESIS_HASH;
  const entries: OldEntry[] = OLD_ACTS.map((act, i) => {
    const body = { ...act, seq: i + 1, at: `2022-11-20T09:00:0${i}.000Z`, details: { n: i } };
    const entry = { ...body, prevHash, hash: oldHash({ ...body, prevHash }) };
    prevHash = entry.hash;
    return entry;
  });
  const insert = db.prepare(insertEntry);
  for (const entry of entries) insert.run({ ...entry, details: canonicalJson(entry.details) });
  db.exec(`
    INSERT INTO people (name, role, added_at, added_by)
      VALUES ('위원 김민준', 'member', 't', 'me'), ('간사 박서연', 'secretary', 't', 'me');
    INSERT INTO workspace_settings (key, value)
      VALUES ('current_person', '위원 김민준'), ('workspace_id', 'ws-1');
  `);
  return { db, entries };
}

const setting = (db: Db, key: string) =>
  db.prepare('SELECT value FROM workspace_settings WHERE key = ?').pluck().get(key);

const columnsOf = (db: Db, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('migration 013: signed acts, people known by their keys', () => {
  it('keeps every earlier entry verifying, and marks where signing becomes the rule', () => {
    const { db, entries } = workspaceAt12();
    migrate(db, MIGRATIONS, 13);
    expect(schemaVersionOf(db)).toBe(13);

    // Not one stored hash was rewritten, and the chain still checks under the new hashing.
    expect(db.prepare('SELECT hash FROM audit_log ORDER BY seq').pluck().all()).toEqual(
      entries.map((e) => e.hash),
    );
    expect(db.prepare('SELECT actor_kid, signature FROM audit_log WHERE seq = 2').get()).toEqual({
      actor_kid: null,
      signature: null,
    });
    expect(verifyAuditChain(db)).toEqual({
      ok: true,
      entries: 3,
      firstBadSeq: null,
      problem: null,
    });
    expect(setting(db, 'acts_signed_from_seq')).toBe('4');
    // The two acts with authority before keys are accepted as such, and counted.
    expect(verifyAuditLog(db)).toMatchObject({
      ok: true,
      entries: 3,
      signedEntries: 0,
      unsignedBeforeKeys: 2,
      actProblems: [],
    });

    // An unsigned act after the mark is not old: it is named.
    const next = {
      seq: 4,
      at: '2022-11-21T09:00:00.000Z',
      actor: '위원 김민준',
      action: 'decision.recorded',
      subjectType: 'claim',
      subjectId: 'K-2',
      details: {},
      prevHash: entries[2]!.hash,
    };
    db.prepare(insertEntry).run({ ...next, details: '{}', hash: oldHash(next) });
    expect(verifyAuditLog(db)).toMatchObject({
      ok: false,
      unsignedBeforeKeys: 2,
      actProblems: [{ seq: 4, problem: 'unsigned_act' }],
    });
  });

  it('drops the person at this machine and gives people a key column', () => {
    const { db } = workspaceAt12();
    migrate(db, MIGRATIONS, 13);
    expect(setting(db, 'current_person')).toBeUndefined();
    expect(setting(db, 'workspace_id')).toBe('ws-1');
    expect(columnsOf(db, 'people')).toContain('kid');
    expect(columnsOf(db, 'audit_log')).toEqual(expect.arrayContaining(['actor_kid', 'signature']));
    // The people already there stay (votes and assignments name them), with no key yet.
    expect(db.prepare('SELECT name, role, kid FROM people ORDER BY name').all()).toEqual([
      { name: '간사 박서연', role: 'secretary', kid: null },
      { name: '위원 김민준', role: 'member', kid: null },
    ]);
  });

  it('starts signing at entry 1 for a workspace with an empty log', () => {
    const db = at12();
    migrate(db, MIGRATIONS, 13);
    expect(setting(db, 'acts_signed_from_seq')).toBe('1');
  });

  it('refuses an entry that names a key without a signature, or the reverse', () => {
    const db = at12();
    migrate(db, MIGRATIONS, 13);
    const kid = 'k'.repeat(43);
    const signature = 's'.repeat(86);
    const insert = db.prepare(`INSERT INTO audit_log (seq, at, actor, actor_kid, action,
      subject_type, subject_id, details, prev_hash, hash, signature)
      VALUES (?, 't', '김민준', ?, 'decision.recorded', 'claim', 'K-1', '{}', ?, ?, ?)`);
    expect(() => insert.run(1, kid, GENESIS_HASH, 'a'.repeat(64), null)).toThrow(
      /names its key and carries its signature, or neither/,
    );
    expect(() => insert.run(1, null, GENESIS_HASH, 'a'.repeat(64), signature)).toThrow(
      /names its key and carries its signature, or neither/,
    );
    // A key and a signature of the wrong size are refused too.
    expect(() => insert.run(1, 'short', GENESIS_HASH, 'a'.repeat(64), signature)).toThrow(/CHECK/);
    expect(() => insert.run(1, kid, GENESIS_HASH, 'a'.repeat(64), 'short')).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    // Both, or neither, go in.
    insert.run(1, kid, GENESIS_HASH, 'a'.repeat(64), signature);
    insert.run(2, null, 'a'.repeat(64), 'b'.repeat(64), null);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(2);
  });
});

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { DatabaseTooNewError, MigrationError } from '../../../src/main/db/errors';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/db/migrations';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openRawDatabase, TEST_KEY } from '../../helpers/workspace-key';
import type Database from 'better-sqlite3-multiple-ciphers';

const temps: (() => void)[] = [];
function tempDb(): { file: string; db: Database.Database } {
  const { dir, cleanup } = makeTempDir();
  temps.push(cleanup);
  const file = join(dir, 'test.db');
  const db = openDatabase(file, { key: TEST_KEY, migrate: false });
  temps.push(() => db.open && db.close());
  return { file, db };
}
afterEach(() => {
  while (temps.length) temps.pop()?.();
});

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('a new file gets WAL, foreign keys and the latest schema', () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(join(dir, 'fresh.db'), { key: TEST_KEY });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    cleanup();
  });

  it('001 creates batches, claims and evidence, with a unique content hash per batch', () => {
    const { db } = tempDb();
    migrate(db, MIGRATIONS, 1);
    expect(schemaVersionOf(db)).toBe(1);
    expect(tables(db)).toEqual(['batches', 'claims', 'evidence']);
    const insert = db.prepare(
      "INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count) VALUES ('a', 'a.csv', 'h1', 't', 'me', 0)",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate, service, paid,
            damage_type, description, tier, tier_rule_version, content_hash)
           VALUES ('K-1', 999, 1, 't', 'individual', '카카오', '카카오톡', 0, 'paid', '', 'general_package', 1, 'h')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('002 adds append-only decisions whose chain cannot fork', () => {
    const { db } = tempDb();
    migrate(db, MIGRATIONS, 2);
    expect(tables(db)).toContain('decisions');
    db.exec(`
      INSERT INTO batches (id, name, source_file, content_hash, imported_at, imported_by, row_count) VALUES (1, 'b', 'b', 'h', 't', 'me', 1);
      INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate, service, paid, damage_type,
        description, tier, tier_rule_version, content_hash, claimed_loss)
        VALUES ('K-2022-000001', 1, 1, 't', 'small_business', '카카오', '카카오톡', 0, 'paid', '', 'committee_review', 1, 'h', 900000);
      INSERT INTO decisions (id, claim_id, outcome, amount, decided_by, decided_at) VALUES (1, 'K-2022-000001', 'approve', 100000, 'me', 't');
      INSERT INTO decisions (id, claim_id, outcome, replaces_id, decided_by, decided_at) VALUES (2, 'K-2022-000001', 'defer', 1, 'me', 't');
    `);
    const fork =
      "INSERT INTO decisions (claim_id, outcome, replaces_id, decided_by, decided_at) VALUES ('K-2022-000001', 'defer', 1, 'me', 't')";
    expect(() => db.exec(fork)).toThrow(/UNIQUE/);
    expect(() => db.exec('UPDATE decisions SET amount = 1 WHERE id = 1')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM decisions WHERE id = 2')).toThrow(/append-only/);
    // An approval without an amount, or a rejection with one, cannot be stored even by hand.
    expect(() =>
      db.exec(
        "INSERT INTO decisions (claim_id, outcome, decided_by, decided_at) VALUES ('K-2022-000001', 'approve', 'me', 't')",
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        "INSERT INTO decisions (claim_id, outcome, amount, decided_by, decided_at) VALUES ('K-2022-000001', 'reject', 5, 'me', 't')",
      ),
    ).toThrow(/CHECK/);
  });

  it('003 adds the append-only audit log', () => {
    const { db } = tempDb();
    migrate(db, MIGRATIONS, 3);
    expect(tables(db)).toContain('audit_log');
    db.exec(
      "INSERT INTO audit_log (seq, at, actor, action, subject_type, subject_id, details, prev_hash, hash) VALUES (1, 't', 'me', 'x', 'claim', 'K', '{}', 'p', 'h')",
    );
    expect(() => db.exec("UPDATE audit_log SET actor = 'someone else'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });

  it('migrating step by step ends where migrating at once does', () => {
    const { db: stepwise } = tempDb();
    for (let v = 1; v <= LATEST_SCHEMA_VERSION; v++) migrate(stepwise, MIGRATIONS, v);
    const { db: atOnce } = tempDb();
    migrate(atOnce);
    const schema = (db: Database.Database) =>
      db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    expect(schema(stepwise)).toEqual(schema(atOnce));
  });

  it('a failing migration leaves the file exactly as it was', () => {
    const { db } = tempDb();
    migrate(db, MIGRATIONS, 1);
    const broken = [
      ...MIGRATIONS.slice(0, 2),
      { version: 3, name: 'broken', sql: 'CREATE TABLE ok (x); CREATE TABLE nonsense(' },
    ];
    expect(() => migrate(db, broken)).toThrow(MigrationError);
    expect(schemaVersionOf(db)).toBe(1);
    expect(tables(db)).toEqual(['batches', 'claims', 'evidence']);
  });

  it('a database from a newer version is a clear, typed error and stays untouched', () => {
    const { dir, cleanup } = makeTempDir();
    temps.push(cleanup);
    const file = join(dir, 'newer.db');
    const raw = openRawDatabase(file, TEST_KEY);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(file, { key: TEST_KEY });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as DatabaseTooNewError).foundVersion).toBe(LATEST_SCHEMA_VERSION + 1);
    expect((error as Error).message).toMatch(/newer Review Desk/);
    const again = openRawDatabase(file, TEST_KEY);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    again.close();
  });
});

describe('migration 004', () => {
  it('records import files (carrying over existing batches), append-only quarantine and resolutions', () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(join(dir, 'q.db'), { key: TEST_KEY, migrate: false });
    migrate(db, MIGRATIONS, 3);
    db.exec(
      "INSERT INTO batches (id, name, source_file, content_hash, imported_at, imported_by, row_count) VALUES (1, 'old', 'old.csv', 'h-old', 't', 'me', 3)",
    );
    migrate(db, MIGRATIONS, 4);
    expect(db.prepare('SELECT batch_id, kind, content_hash FROM import_files').all()).toEqual([
      { batch_id: 1, kind: 'original', content_hash: 'h-old' },
    ]);
    db.exec(`INSERT INTO quarantine (batch_id, import_file_id, source_row, kind, claim_id, raw, reasons)
             VALUES (1, 1, 2, 'invalid', 'K-1', '{}', '[]')`);
    expect(() => db.exec("UPDATE quarantine SET reasons = '[]'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM quarantine')).toThrow(/append-only/);
    expect(() =>
      db.exec(
        "INSERT INTO import_files (batch_id, kind, content_hash, source_file, format, imported_at, imported_by, row_count) VALUES (1, 'fix', 'h-old', 'x', 'csv', 't', 'me', 0)",
      ),
    ).toThrow(/UNIQUE/);
    db.close();
    cleanup();
  });
});

describe('migration 005', () => {
  it('adds append-only support policies (seeded with v1), decision policy columns, flags, people and assignments', () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(join(dir, 'r.db'), { key: TEST_KEY, migrate: false });
    migrate(db, MIGRATIONS, 4);
    db.exec(
      "INSERT INTO batches (id, name, source_file, content_hash, imported_at, imported_by, row_count) VALUES (1, 'b', 'b.csv', 'h', 't', 'me', 1)",
    );
    db.exec(`INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate, service, paid,
               damage_type, description, tier, tier_rule_version, content_hash)
             VALUES ('K-1', 1, 2, '2022-10-20T14:33:00', 'small_business', '카카오', '카카오톡', 0, 'free_monetary', 'x', 'committee_review', 1, 'c')`);
    db.exec(`INSERT INTO decisions (claim_id, outcome, amount, decided_by, decided_at)
             VALUES ('K-1', 'approve', 600000, 'me', 't')`);
    migrate(db, MIGRATIONS, 5);

    // A decision made before policies existed keeps null policy fields.
    expect(
      db
        .prepare(
          'SELECT policy_version, verified_loss, recommended_amount, override_reason FROM decisions',
        )
        .get(),
    ).toEqual({
      policy_version: null,
      verified_loss: null,
      recommended_amount: null,
      override_reason: null,
    });
    const v1 = db.prepare('SELECT version, body, body_hash FROM support_policies').all() as {
      version: number;
      body: string;
      body_hash: string;
    }[];
    expect(v1.map((p) => p.version)).toEqual([1]);
    const body = JSON.parse(v1[0]!.body) as Record<string, { key: string }[]>;
    for (const table of ['margin', 'alternative', 'kakaoShare'])
      expect(body[table]!.some((row) => row.key === '*')).toBe(true);
    expect(() => db.exec("UPDATE support_policies SET note = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM support_policies')).toThrow(/append-only/);
    expect(() =>
      db.exec(
        "INSERT INTO decisions (claim_id, outcome, amount, decided_by, decided_at, policy_version) VALUES ('K-1', 'reject', NULL, 'me', 't', 99)",
      ),
    ).toThrow(/FOREIGN KEY/);

    expect(() =>
      db.exec("INSERT INTO claim_flags (claim_id, flag) VALUES ('K-1', 'made_up')"),
    ).toThrow(/CHECK/);
    db.exec("INSERT INTO claim_flags (claim_id, flag) VALUES ('K-1', 'loss_outlier')");
    expect(() =>
      db.exec(
        "INSERT INTO claim_assignments (claim_id, assignee, assigned_at, assigned_by) VALUES ('K-1', 'nobody', 't', 'me')",
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(
        "INSERT INTO people (name, role, added_at, added_by) VALUES ('김민준', 'janitor', 't', 'me')",
      ),
    ).toThrow(/CHECK/);
    db.close();
    cleanup();
  });
});

describe('migration 006', () => {
  it('adds claim_support, one derived amount per claim, tied to claims and policies', () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(join(dir, 's.db'), { key: TEST_KEY });
    expect(tables(db)).toContain('claim_support');
    db.exec(
      "INSERT INTO batches (id, name, source_file, content_hash, imported_at, imported_by, row_count) VALUES (1, 'b', 'b.csv', 'h', 't', 'me', 1)",
    );
    expect(() =>
      db.exec(
        "INSERT INTO claim_support (claim_id, amount, policy_version) VALUES ('K-none', 1, NULL)",
      ),
    ).toThrow(/FOREIGN KEY/);
    db.exec(`INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate, service, paid,
               damage_type, description, tier, tier_rule_version, content_hash)
             VALUES ('K-1', 1, 2, '2022-10-20T14:33:00', 'small_business', '카카오', '카카오톡', 0, 'free_monetary', 'x', 'tier_30k', 1, 'c')`);
    expect(() =>
      db.exec(
        "INSERT INTO claim_support (claim_id, amount, policy_version) VALUES ('K-1', -1, NULL)",
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        "INSERT INTO claim_support (claim_id, amount, policy_version) VALUES ('K-1', 30000, 42)",
      ),
    ).toThrow(/FOREIGN KEY/);
    db.close();
    cleanup();
  });
});

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function migratedTo10() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 10);
  db.prepare(
    `INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
     VALUES ('b', 'f', 'h', 't', 'me', 1)`,
  ).run();
  db.prepare(
    `INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
       service, paid, damage_type, description, tier, tier_rule_version, content_hash)
     VALUES ('K-1', 1, 1, 't', 'individual', 'a', 's', 0, 'paid', 'd', 'committee_review', 1, 'c')`,
  ).run();
  return db;
}

const fileInsert = `INSERT INTO recommendation_files (file_sha256, member, kid, batch_id, created_at,
  imported_at, imported_by, file_text) VALUES (?, '김민준', 'k', ?, 't', 't', 'me', '{}')`;
const recInsert = `INSERT INTO recommendations (file_id, claim_id, outcome, amount, reason_codes, note)
  VALUES (?, ?, ?, ?, '[]', '')`;

describe('migration 010: recommendations', () => {
  it('stores recommendation files once and keeps them append-only', () => {
    const db = migratedTo10();
    expect(schemaVersionOf(db)).toBe(10);
    const addFile = db.prepare(fileInsert);
    const addRec = db.prepare(recInsert);
    addFile.run('a'.repeat(64), 1);
    expect(() => addFile.run('a'.repeat(64), 1)).toThrow(/UNIQUE/);
    expect(() => addFile.run('short', 1)).toThrow(/CHECK/);
    expect(() => addFile.run('b'.repeat(64), 99)).toThrow(/FOREIGN KEY/);
    addRec.run(1, 'K-1', 'approve', 620_000);
    expect(() => addRec.run(1, 'K-1', 'reject', null)).toThrow(/UNIQUE/);
    expect(() => addRec.run(1, 'K-9', 'reject', null)).toThrow(/FOREIGN KEY/);
    expect(() => addRec.run(2, 'K-1', 'reject', null)).toThrow(/FOREIGN KEY/);
    addFile.run('b'.repeat(64), 1);
    expect(() => addRec.run(2, 'K-1', 'reject', 5)).toThrow(/CHECK/);
    expect(() => addRec.run(2, 'K-1', 'approve', null)).toThrow(/CHECK/);
    for (const sql of [
      "UPDATE recommendation_files SET member = 'x'",
      'DELETE FROM recommendation_files',
      "UPDATE recommendations SET note = 'x'",
      'DELETE FROM recommendations',
    ])
      expect(() => db.prepare(sql).run()).toThrow(/append-only/);
  });
});

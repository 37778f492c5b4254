import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { listQuarantine } from '../../../src/main/db/repositories/quarantine';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Schema 14 with a batch whose quarantine holds one fixed row and one still waiting. */
function at14() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 14);
  db.exec(`
    INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
      VALUES ('b', 'f', 'h', 't', 'me', 3);
    INSERT INTO import_files (batch_id, kind, content_hash, source_file, format, imported_at, imported_by, row_count)
      VALUES (1, 'original', 'h', 'f', 'csv', 't', 'me', 3), (1, 'fix', 'h2', 'g', 'csv', 't2', 'me', 1);
    INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
        service, paid, damage_type, description, tier, tier_rule_version, content_hash)
      VALUES ('K-1', 1, 2, 't', 'individual', 'a', 's', 0, 'non_monetary', 'd', 'general_package', 1, 'c');
    INSERT INTO quarantine (batch_id, import_file_id, source_row, kind, claim_id, raw, reasons)
      VALUES (1, 1, 3, 'invalid', 'K-1', '{}', '[]'), (1, 1, 4, 'invalid', NULL, '{}', '[]');
    INSERT INTO quarantine_resolutions (quarantine_id, claim_id, import_file_id, resolved_at)
      VALUES (1, 'K-1', 2, 't2');
  `);
  return db;
}

describe('migration 015: every quarantined row reaches an end', () => {
  it('keeps what 014 knew: the fixed row resolved, the other open, and the batch counts one', () => {
    const db = at14();
    migrate(db, MIGRATIONS, 15);
    expect(schemaVersionOf(db)).toBe(15);
    expect(listQuarantine(db, 1).map((q) => [q.id, q.status, q.resolvedBy])).toEqual([
      [1, 'resolved', 'K-1'],
      [2, 'open', null],
    ]);
  });

  it('ends a row by a discard or by a fixed copy that replaces it, and changes nothing in place', () => {
    const db = at14();
    migrate(db, MIGRATIONS, 15);
    db.exec(`INSERT INTO quarantine (batch_id, import_file_id, source_row, kind, claim_id, raw, reasons, fixes_entry_id)
      VALUES (1, 2, 2, 'invalid', NULL, '{}', '[]', 2)`);
    expect(
      listQuarantine(db, 1).map((q) => [q.id, q.status, q.supersededBy, q.originalRow]),
    ).toEqual([
      [1, 'resolved', null, 3],
      [2, 'superseded', 3, 4],
      [3, 'open', null, 4],
    ]);
    // One fixed copy per entry: a second row claiming to replace the same entry is refused.
    expect(() =>
      db.exec(`INSERT INTO quarantine (batch_id, import_file_id, source_row, kind, raw, reasons, fixes_entry_id)
        VALUES (1, 2, 3, 'invalid', '{}', '[]', 2)`),
    ).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO quarantine_discards (quarantine_id, reason, discarded_by, discarded_at)
      VALUES (3, '시험 행', '김민준', 't3')`);
    expect(listQuarantine(db, 1, { openOnly: true })).toEqual([]);
    expect(listQuarantine(db, 1)[2]!.discard).toEqual({
      reason: '시험 행',
      by: '김민준',
      at: 't3',
    });
    expect(() =>
      db.exec(`INSERT INTO quarantine_discards (quarantine_id, reason, discarded_by, discarded_at)
        VALUES (2, '  ', '김민준', 't3')`),
    ).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE quarantine_discards SET reason = 'x'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM quarantine_discards`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM quarantine_resolutions`)).toThrow(/append-only/);
    expect(() => db.exec(`UPDATE quarantine SET fixes_entry_id = NULL`)).toThrow(/append-only/);
  });
});

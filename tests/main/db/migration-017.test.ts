import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Schema 16 with one small business claim at 250,000원 (tier_30k). */
function at16() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 16);
  db.exec(`
    INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
      VALUES ('b', 'f', 'h', 't', 'me', 1);
    INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
        service, paid, damage_type, claimed_loss, description, tier, tier_rule_version, content_hash)
      VALUES ('K-1', 1, 2, 't', 'small_business', '카카오', 's', 0, 'free_monetary', 250000, 'd',
        'tier_30k', 1, 'hash-1');
  `);
  return db;
}

const version = (n: number, hash: string, tier = 'committee_review') =>
  `INSERT INTO claim_versions (claim_id, version, content, content_hash, tier, tier_rule_version,
     tier_basis, reason, recorded_by, recorded_at)
   VALUES ('K-1', ${n}, '{}', '${hash}', '${tier}', 1, 'rule', 'why', '박서연', 't2')`;

describe('migration 017: a claim changes only by a new version', () => {
  it('gives every existing claim version 1 and no version rows (its claims row is that version)', () => {
    const db = at16();
    migrate(db, MIGRATIONS, 17);
    expect(schemaVersionOf(db)).toBe(17);
    expect(db.prepare("SELECT version FROM claims WHERE claim_id = 'K-1'").pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM claim_versions').pluck().get()).toBe(0);
  });

  it('refuses an edit in place, a skipped number and a delete; accepts the recorded next version', () => {
    const db = at16();
    migrate(db, MIGRATIONS, 17);
    expect(() => db.exec("UPDATE claims SET claimed_loss = 800000 WHERE claim_id = 'K-1'")).toThrow(
      'a claim changes only to a new version recorded in claim_versions',
    );
    db.exec(version(1, 'hash-1', 'tier_30k'));
    expect(() => db.exec(version(3, 'hash-3'))).toThrow('without gaps');
    db.exec(version(2, 'hash-2'));
    // Version 2 is recorded, but the row must take its hash and tier with it.
    expect(() =>
      db.exec("UPDATE claims SET version = 2, claimed_loss = 800000 WHERE claim_id = 'K-1'"),
    ).toThrow('claim_versions');
    db.exec(`UPDATE claims SET version = 2, claimed_loss = 800000, tier = 'committee_review',
               content_hash = 'hash-2' WHERE claim_id = 'K-1'`);
    expect(db.prepare("SELECT tier FROM claims WHERE claim_id = 'K-1'").pluck().get()).toBe(
      'committee_review',
    );
    // Going back is a new version too, never a return to an old number.
    expect(() =>
      db.exec(`UPDATE claims SET version = 1, tier = 'tier_30k', content_hash = 'hash-1'
               WHERE claim_id = 'K-1'`),
    ).toThrow('claim_versions');
    expect(() => db.exec("DELETE FROM claims WHERE claim_id = 'K-1'")).toThrow('never deleted');
    db.exec(`INSERT INTO evidence (claim_id, position, file_name, status, problem)
             VALUES ('K-1', 0, 'invoice.pdf', 'missing', 'not_found')`);
    expect(() => db.exec("UPDATE evidence SET status = 'stored'")).toThrow('append-only');
    expect(() => db.exec('DELETE FROM evidence')).toThrow('append-only');
  });

  it('keeps versions append-only', () => {
    const db = at16();
    migrate(db, MIGRATIONS, 17);
    db.exec(version(1, 'hash-1', 'tier_30k'));
    expect(() => db.exec("UPDATE claim_versions SET reason = 'other'")).toThrow('append-only');
    expect(() => db.exec('DELETE FROM claim_versions')).toThrow('append-only');
    expect(() => db.exec(version(2, 'hash-2').replace("'why'", "' '"))).toThrow(/CHECK constraint/);
  });
});

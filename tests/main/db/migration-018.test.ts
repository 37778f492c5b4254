import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { findAppeal, listAppeals } from '../../../src/main/db/repositories/appeals';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/**
 * Schema 17 with two claims: K-1 paid by bracket, with an evidence arrival (1) and a second
 * version that put it to council review on appeal; K-2 untouched, with an arrival of its own (2).
 */
function at17() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 17);
  db.exec(`
    INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
      VALUES ('b', 'f', 'h', 't', 'me', 2);
    INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
        service, paid, damage_type, claimed_loss, description, tier, tier_rule_version, content_hash)
      VALUES ('K-1', 1, 2, 't', 'small_business', '카카오', 's', 0, 'free_monetary', 250000, 'd',
              'tier_30k', 1, 'c'),
             ('K-2', 1, 3, 't', 'small_business', '카카오', 's', 0, 'free_monetary', 250000, 'd',
              'tier_30k', 1, 'c');
    INSERT INTO claim_versions (claim_id, version, content, content_hash, tier, tier_rule_version,
        tier_basis, reason, recorded_by, recorded_at)
      VALUES ('K-1', 1, '{}', 'c', 'tier_30k', 1, 'rule', 'imported', 'me', 't'),
             ('K-1', 2, '{}', 'c', 'committee_review', 1, 'appeal', '이의신청 #1 인용: 장부', '박서연', 't2');
    INSERT INTO evidence_arrivals (claim_id, source_name, received_at, recorded_by, stored,
        rejected, missing)
      VALUES ('K-1', 'appeal.zip', 't', '박서연', 1, 0, 0), ('K-2', 'other.zip', 't', '박서연', 1, 0, 0);
  `);
  return db;
}

const file = (claim: string, arrival: number | null = null, grounds = '손실이 더 큼') =>
  `INSERT INTO appeals (claim_id, grounds, received_on, filed_at, recorded_by, arrival_id)
   VALUES ('${claim}', '${grounds}', '2023-01-10', '2023-01-10T01:00:00.000Z', '박서연', ${arrival ?? 'NULL'})`;
const rule = (appeal: number, ruling: string, version: number | null, reason = '장부 확인') =>
  `INSERT INTO appeal_rulings (appeal_id, ruling, reason, ruled_by, ruled_at, claim_version)
   VALUES (${appeal}, '${ruling}', '${reason}', '박서연', '2023-01-11T01:00:00.000Z', ${version ?? 'NULL'})`;

describe('migration 018: appeals', () => {
  it('adds appeals and their rulings to a workspace from 17, with none recorded', () => {
    const db = at17();
    migrate(db, MIGRATIONS, 18);
    expect(schemaVersionOf(db)).toBe(18);
    expect(listAppeals(db, null)).toEqual([]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'appeal%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['appeal_rulings', 'appeal_status', 'appeals', 'appeals_by_claim']),
    );
  });

  it('says where each appeal stands, from the rows, and checks what a ruling names', () => {
    const db = at17();
    migrate(db, MIGRATIONS, 18);
    db.exec(file('K-1', 1));
    expect(findAppeal(db, 1)).toMatchObject({ state: 'filed', evidenceSource: 'appeal.zip' });
    // An admission names the version it made, on its own claim, put to review on appeal.
    expect(() => db.exec(rule(1, 'admitted', null))).toThrow(/names the claim version/);
    expect(() => db.exec(rule(1, 'admitted', 1))).toThrow(/names the claim version/);
    expect(() => db.exec(rule(1, 'rejected', 2))).toThrow(/CHECK/);
    expect(() => db.exec(rule(1, 'admitted', 2, '  '))).toThrow(/CHECK/);
    db.exec(rule(1, 'admitted', 2));
    expect(findAppeal(db, 1)).toMatchObject({ state: 'admitted', claimVersion: 2 });
    expect(() => db.exec(rule(1, 'rejected', null))).toThrow(/UNIQUE|PRIMARY KEY/);

    db.exec(file('K-2'));
    db.exec(rule(2, 'rejected', null, '증빙 없음'));
    expect(listAppeals(db, 'K-2').map((a) => a.state)).toEqual(['rejected']);
  });

  it('takes one waiting appeal per claim, evidence of its own claim, grounds, and real days', () => {
    const db = at17();
    migrate(db, MIGRATIONS, 18);
    expect(() => db.exec(file('K-2', 1))).toThrow(/own claim/);
    expect(() => db.exec(file('K-2', null, ' '))).toThrow(/CHECK/);
    expect(() => db.exec(file('K-3'))).toThrow(/FOREIGN KEY/);
    expect(() => db.exec(file('K-2').replace("'2023-01-10',", "'10 Jan',"))).toThrow(/CHECK/);
    db.exec(file('K-2'));
    expect(() => db.exec(file('K-2'))).toThrow(/at most one appeal waiting/);
    db.exec(rule(1, 'rejected', null));
    db.exec(file('K-2')); // rejected, it may appeal again
    expect(listAppeals(db, 'K-2').map((a) => a.state)).toEqual(['rejected', 'filed']);
  });

  it('never updates or deletes an appeal or a ruling', () => {
    const db = at17();
    migrate(db, MIGRATIONS, 18);
    db.exec(file('K-1'));
    db.exec(rule(1, 'rejected', null));
    expect(() => db.exec("UPDATE appeals SET grounds = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM appeals')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE appeal_rulings SET reason = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM appeal_rulings')).toThrow(/append-only/);
  });
});

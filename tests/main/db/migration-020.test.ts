import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Schema 19 with three claims, one without a business name or a claimed loss. */
function at19() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 19);
  db.exec(`
    INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
      VALUES ('b', 'f', 'h', 't', 'me', 3);
    INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
        service, paid, damage_type, business_reg_no, business_name, industry, claimed_loss,
        description, tier, tier_rule_version, content_hash)
      VALUES ('K-1', 1, 2, '2022-10-16', 'small_business', 'a', '카카오톡', 0, 'free_monetary',
              '101-01-00001', '을지로 국밥집', '음식점업', 1850000, 'd', 'committee_review', 1, 'c'),
             ('K-2', 1, 3, '2022-10-15', 'individual', 'a', '카카오톡', 0, 'non_monetary',
              NULL, NULL, NULL, NULL, 'd', 'non_monetary', 1, 'c'),
             ('K-3', 1, 4, '2022-10-17', 'small_business', 'a', '카카오T', 0, 'paid',
              '101-01-00002', '강남 택시', '운수업', 200000, 'd', 'tier_30k', 1, 'c');
  `);
  return db;
}

const columnsOf = (db: ReturnType<typeof at19>, index: string) =>
  db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(index);

describe('migration 020: the grid’s sort indexes', () => {
  it('indexes each sortable claims column with the claim id and tier, leaving the claims as they were', () => {
    const db = at19();
    const before = db.prepare('SELECT * FROM claims ORDER BY claim_id').all();
    migrate(db, MIGRATIONS, 20);
    expect(schemaVersionOf(db)).toBe(20);
    for (const [index, column] of [
      ['claims_by_received', 'received_at'],
      ['claims_by_business_name', 'business_name'],
      ['claims_by_claimed_loss', 'claimed_loss'],
      ['claims_by_industry', 'industry'],
      ['claims_by_service', 'service'],
      ['claims_by_business', 'business_reg_no'],
    ])
      expect(columnsOf(db, index!)).toEqual([column, 'claim_id', 'tier']);
    // Same names as before, one column more: whatever searched them by their first column still can.
    expect(columnsOf(db, 'claims_by_tier')).toEqual(['tier', 'claim_id']);
    expect(db.prepare('SELECT * FROM claims ORDER BY claim_id').all()).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('gives empty values last in either direction straight from an index', () => {
    const db = at19();
    migrate(db, MIGRATIONS, 20);
    const order = (direction: string) =>
      db
        .prepare(
          `SELECT claim_id FROM claims ORDER BY claimed_loss ${direction} NULLS LAST, claim_id ${direction}`,
        )
        .pluck()
        .all();
    expect(order('ASC')).toEqual(['K-3', 'K-1', 'K-2']);
    expect(order('DESC')).toEqual(['K-1', 'K-3', 'K-2']);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT claim_id FROM claims ORDER BY claimed_loss ASC NULLS LAST, claim_id ASC',
      )
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail)).toEqual([
      'SCAN claims USING COVERING INDEX claims_by_claimed_loss',
    ]);
  });
});

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import {
  CLAIM_COUNTS_SQL,
  countClaimsByKindAndTier,
} from '../../../src/main/db/repositories/claim-counts';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Schema 20 with four claims in two batches. */
function at20() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 20);
  db.exec(`
    INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
      VALUES ('a', 'f', 'h1', 't', 'me', 3), ('b', 'f', 'h2', 't', 'me', 1);
    INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
        service, paid, damage_type, claimed_loss, description, tier, tier_rule_version, content_hash)
      VALUES ('K-1', 1, 2, 't', 'small_business', 'a', 's', 0, 'free_monetary', 100000, 'd', 'tier_30k', 1, 'c'),
             ('K-2', 1, 3, 't', 'small_business', 'a', 's', 0, 'free_monetary', 200000, 'd', 'tier_30k', 1, 'c'),
             ('K-3', 1, 4, 't', 'individual', 'a', 's', 0, 'non_monetary', NULL, 'd', 'non_monetary', 1, 'c'),
             ('K-4', 2, 2, 't', 'small_business', 'b', 's', 0, 'free_monetary', 100000, 'd', 'excluded_affiliate', 1, 'c');
  `);
  return db;
}

const plan = (db: ReturnType<typeof at20>, batchId: number | null) =>
  (
    db.prepare(`EXPLAIN QUERY PLAN ${CLAIM_COUNTS_SQL}`).all({ batchId }) as { detail: string }[]
  ).map((row) => row.detail);

describe('migration 021: the index the council’s figures are counted along', () => {
  it('adds claims_for_stats to a workspace at 20, leaving its claims as they were', () => {
    const db = at20();
    migrate(db, MIGRATIONS, 21);
    expect(schemaVersionOf(db)).toBe(21);
    const index = db
      .prepare(
        `SELECT tbl_name AS tableName, sql FROM sqlite_master WHERE name = 'claims_for_stats'`,
      )
      .get();
    expect(index).toEqual({
      tableName: 'claims',
      sql: 'CREATE INDEX claims_for_stats ON claims(claimant_type, damage_type, tier, batch_id)',
    });
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(4);
  });

  it.each([null, 1])(
    'counts by claimant type, damage type and tier along it alone: no row read, no sort (batch %s)',
    (batchId) => {
      const db = at20();
      migrate(db, MIGRATIONS, 21);
      expect(plan(db, batchId)).toEqual(['SCAN claims USING COVERING INDEX claims_for_stats']);
    },
  );

  it('counts the workspace or one batch', () => {
    const db = at20();
    migrate(db, MIGRATIONS, 21);
    const sorted = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();
    expect(sorted(countClaimsByKindAndTier(db))).toEqual(
      sorted([
        { claimantType: 'individual', damageType: 'non_monetary', tier: 'non_monetary', n: 1 },
        {
          claimantType: 'small_business',
          damageType: 'free_monetary',
          tier: 'excluded_affiliate',
          n: 1,
        },
        { claimantType: 'small_business', damageType: 'free_monetary', tier: 'tier_30k', n: 2 },
      ]),
    );
    expect(countClaimsByKindAndTier(db, 2)).toEqual([
      {
        claimantType: 'small_business',
        damageType: 'free_monetary',
        tier: 'excluded_affiliate',
        n: 1,
      },
    ]);
  });
});

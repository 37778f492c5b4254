import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { listSampledClaims, stratumCounts } from '../../../src/main/db/repositories/samples';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Schema 18 with three bracket claims in one batch. */
function at18() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 18);
  db.exec(`
    INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
      VALUES ('b', 'f', 'h', 't', 'me', 3);
    INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
        service, paid, damage_type, claimed_loss, description, tier, tier_rule_version, content_hash)
      VALUES ('K-1', 1, 2, 't', 'small_business', 'a', 's', 0, 'free_monetary', 100000, 'd', 'tier_30k', 1, 'c'),
             ('K-2', 1, 3, 't', 'small_business', 'a', 's', 0, 'free_monetary', 200000, 'd', 'tier_30k', 1, 'c'),
             ('K-3', 1, 4, 't', 'small_business', 'a', 's', 0, 'free_monetary', 400000, 'd', 'tier_50k', 1, 'c');
  `);
  return db;
}

const SAMPLE = `
  INSERT INTO samples (drawn_at, drawn_by, seed, confidence, margin, method, batch_id)
    VALUES ('t', '박서연', 'seed', 0.95, 0.03, 'sha256-rank-v1', NULL);
  INSERT INTO sample_strata (sample_id, tier, population, size, bracket_amount)
    VALUES (1, 'tier_30k', 2, 2, 30000), (1, 'tier_50k', 1, 1, 50000);
  INSERT INTO sample_claims (sample_id, claim_id, tier, position)
    VALUES (1, 'K-2', 'tier_30k', 1), (1, 'K-1', 'tier_30k', 2), (1, 'K-3', 'tier_50k', 1);`;

const check = (claim: string, verdict: string, reasons: string) =>
  `INSERT INTO sample_checks (sample_id, claim_id, verdict, reason_codes, note, checked_by, checked_at)
   VALUES (1, '${claim}', '${verdict}', '${reasons}', '', '김민준', 't')`;

describe('migration 019: post-payment samples', () => {
  it('adds the sample tables to a workspace at 18, leaving its claims as they were', () => {
    const db = at18();
    migrate(db, MIGRATIONS, 19);
    expect(schemaVersionOf(db)).toBe(19);
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name LIKE 'sample%'`,
      )
      .pluck()
      .all();
    expect([...tables].sort()).toEqual([
      'sample_checks',
      'sample_claims',
      'sample_current_checks',
      'sample_strata',
      'samples',
    ]);
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(3);
  });

  it('counts the latest check per claim, and keeps every row as written', () => {
    const db = at18();
    migrate(db, MIGRATIONS, 19);
    db.exec(SAMPLE);
    db.exec(check('K-2', 'not_confirmed', '["insufficient_proof"]'));
    db.exec(check('K-2', 'confirmed', '[]'));
    db.exec(check('K-3', 'not_confirmed', '["duplicate_claim"]'));
    expect(stratumCounts(db, 1)).toEqual([
      {
        tier: 'tier_30k',
        population: 2,
        size: 2,
        bracketAmount: 30000,
        checked: 1,
        notConfirmed: 0,
      },
      {
        tier: 'tier_50k',
        population: 1,
        size: 1,
        bracketAmount: 50000,
        checked: 1,
        notConfirmed: 1,
      },
    ]);
    expect(listSampledClaims(db, 1).map((c) => [c.claimId, c.check?.verdict ?? null])).toEqual([
      ['K-2', 'confirmed'],
      ['K-1', null],
      ['K-3', 'not_confirmed'],
    ]);

    for (const table of ['samples', 'sample_strata', 'sample_claims', 'sample_checks']) {
      const column = table === 'samples' ? 'seed' : 'sample_id';
      expect(() => db.exec(`UPDATE ${table} SET ${column} = ${column}`)).toThrow(/append-only/);
      expect(() => db.exec(`DELETE FROM ${table}`)).toThrow(/append-only/);
    }
    expect(db.prepare('SELECT count(*) FROM sample_checks').pluck().get()).toBe(3);
  });

  it('refuses a check that breaks the rules: no reason when not confirmed, a claim not drawn', () => {
    const db = at18();
    migrate(db, MIGRATIONS, 19);
    db.exec(SAMPLE);
    expect(() => db.exec(check('K-1', 'not_confirmed', '[]'))).toThrow(/CHECK/);
    expect(() => db.exec(check('K-1', 'confirmed', '["other"]'))).toThrow(/CHECK/);
    expect(() => db.exec(check('K-1', 'maybe', '[]'))).toThrow(/CHECK/);
    expect(() => db.exec(check('K-1', 'confirmed', 'not json'))).toThrow(/CHECK|JSON/);
    expect(() => db.exec(check('K-9', 'confirmed', '[]'))).toThrow(/FOREIGN KEY/);
    // A stratum larger than its population, or a claim in a stratum the sample lacks.
    expect(() =>
      db.exec(`INSERT INTO samples (drawn_at, drawn_by, seed, confidence, margin, method)
        VALUES ('t', 'x', 's', 0.95, 0.5, 'm')`),
    ).toThrow(/CHECK/);
    db.exec(`INSERT INTO samples (drawn_at, drawn_by, seed, confidence, margin, method)
      VALUES ('t', 'x', 's', 0.95, 0.03, 'm')`);
    expect(() => db.exec(`INSERT INTO sample_strata VALUES (2, 'tier_30k', 1, 2, 30000)`)).toThrow(
      /CHECK/,
    );
    expect(() => db.exec(`INSERT INTO sample_claims VALUES (2, 'K-1', 'tier_30k', 1)`)).toThrow(
      /FOREIGN KEY/,
    );
  });
});

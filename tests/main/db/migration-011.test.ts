import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { writeClaimAgreement } from '../../../src/main/services/recommendations/agreement-summary';
import { recommendationsByClaim } from '../../../src/main/services/recommendations/queries';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** A schema-10 database with five claims and members' files as a secretary imported them. */
function version10WithRecommendations() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 10);
  db.prepare(
    `INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
     VALUES ('b', 'f', 'h', 't', 'me', 5)`,
  ).run();
  const claim = db.prepare(
    `INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
       service, paid, damage_type, description, tier, tier_rule_version, content_hash)
     VALUES (?, 1, 1, 't', 'small_business', 'a', 's', 0, 'paid', 'd', 'committee_review', 1, 'c')`,
  );
  for (const id of ['K-1', 'K-2', 'K-3', 'K-4', 'K-5']) claim.run(id);
  const file = db.prepare(
    `INSERT INTO recommendation_files (file_sha256, member, kid, batch_id, created_at,
       imported_at, imported_by, file_text) VALUES (?, ?, 'k', 1, ?, 't', 'me', '{}')`,
  );
  const rec = db.prepare(
    `INSERT INTO recommendations (file_id, claim_id, outcome, amount) VALUES (?, ?, ?, ?)`,
  );
  let files = 0;
  const addFile = (member: string, createdAt: string, recs: [string, string, number | null][]) => {
    const id = Number(
      file.run(String(++files).padStart(64, '0'), member, createdAt).lastInsertRowid,
    );
    for (const [claimId, outcome, amount] of recs) rec.run(id, claimId, outcome, amount);
  };
  // 김's newer file (imported first) approves K-2, superseding the older file's reject.
  addFile('김', '2022-12-02', [
    ['K-1', 'approve', 600_000],
    ['K-2', 'approve', 700_000],
  ]);
  addFile('김', '2022-12-01', [
    ['K-1', 'approve', 600_000],
    ['K-2', 'reject', null],
  ]);
  addFile('최', '2022-12-01', [
    ['K-1', 'approve', 600_000],
    ['K-2', 'approve', 700_000],
    ['K-3', 'approve', 650_000],
    ['K-4', 'defer', null],
  ]);
  addFile('정', '2022-12-01', [
    ['K-1', 'approve', 610_000],
    ['K-4', 'defer', null],
  ]);
  return db;
}

const summary = (db: ReturnType<typeof openDatabase>) =>
  db.prepare('SELECT * FROM claim_agreement ORDER BY claim_id').all();

describe('migration 011: claim agreement', () => {
  it('back-fills the agreement of files imported under schema 10, as the importer would', () => {
    const db = version10WithRecommendations();
    migrate(db, MIGRATIONS, 11);
    expect(schemaVersionOf(db)).toBe(11);
    expect(summary(db)).toEqual([
      { claim_id: 'K-1', agreement: 'conflict', members: 3, split: '2:1' },
      { claim_id: 'K-2', agreement: 'agree', members: 2, split: '2' },
      { claim_id: 'K-3', agreement: 'single', members: 1, split: '1' },
      { claim_id: 'K-4', agreement: 'agree', members: 2, split: '2' },
    ]);
    // The importer's own rewrite (agreementOf in TypeScript) gives the same rows.
    const backFilled = summary(db);
    writeClaimAgreement(db, 1, recommendationsByClaim(db, 1));
    expect(summary(db)).toEqual(backFilled);
  });

  it('keeps only what a summary can be', () => {
    const db = version10WithRecommendations();
    migrate(db, MIGRATIONS, 11);
    const insert = db.prepare(
      'INSERT INTO claim_agreement (claim_id, agreement, members, split) VALUES (?, ?, ?, ?)',
    );
    expect(() => insert.run('K-5', 'none', 1, '1')).toThrow(/CHECK/);
    expect(() => insert.run('K-5', 'agree', 1, '1')).toThrow(/CHECK/);
    expect(() => insert.run('K-5', 'single', 2, '2')).toThrow(/CHECK/);
    expect(() => insert.run('K-5', 'single', 0, '')).toThrow(/CHECK/);
    expect(() => insert.run('K-9', 'single', 1, '1')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('K-1', 'single', 1, '1')).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('is empty on a workspace without recommendations', () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(join(dir, 'fresh.db'), { key: TEST_KEY });
    cleanups.push(cleanup, () => db.close());
    expect(schemaVersionOf(db)).toBe(MIGRATIONS.length);
    expect(summary(db)).toEqual([]);
  });
});

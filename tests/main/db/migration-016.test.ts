import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { listEvidenceWithArrivals } from '../../../src/main/db/repositories/evidence';
import { listEvidenceArrivals } from '../../../src/main/db/repositories/evidence-arrivals';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Schema 15 with two claims: K-1 asked for evidence (decision 1), K-2 approved (decision 2). */
function at15() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 15);
  db.exec(`
    INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
      VALUES ('b', 'f', 'h', 't', 'me', 2);
    INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
        service, paid, damage_type, description, tier, tier_rule_version, content_hash)
      VALUES ('K-1', 1, 2, 't', 'individual', 'a', 's', 0, 'non_monetary', 'd', 'committee_review', 1, 'c'),
             ('K-2', 1, 3, 't', 'individual', 'a', 's', 0, 'non_monetary', 'd', 'committee_review', 1, 'c');
    INSERT INTO evidence (claim_id, position, file_name, status, problem)
      VALUES ('K-1', 0, 'invoice.pdf', 'missing', 'not_found');
    INSERT INTO decisions (claim_id, outcome, amount, note, decided_by, decided_at)
      VALUES ('K-1', 'request_evidence', NULL, '세금계산서', '김민준', 't'),
             ('K-2', 'approve', 100000, '', '김민준', 't');
  `);
  return db;
}

const arrival = (claim: string, answers: number | null) =>
  `INSERT INTO evidence_arrivals (claim_id, source_name, received_at, recorded_by,
     answers_decision_id, stored, rejected, missing)
   VALUES ('${claim}', 'reply.zip', 't2', '(unidentified operator)', ${answers ?? 'NULL'}, 1, 0, 0)`;

describe('migration 016: evidence that arrives after the batch', () => {
  it('keeps the batch’s evidence as it was, arrived with no later delivery', () => {
    const db = at15();
    migrate(db, MIGRATIONS, 16);
    expect(schemaVersionOf(db)).toBe(16);
    expect(listEvidenceWithArrivals(db, 'K-1')).toEqual([
      expect.objectContaining({ position: 0, fileName: 'invoice.pdf', arrivalId: null }),
    ]);
    expect(listEvidenceArrivals(db, 'K-1')).toEqual([]);
  });

  it('links an arrival to its claim’s evidence request only, and never changes one in place', () => {
    const db = at15();
    migrate(db, MIGRATIONS, 16);
    db.exec(arrival('K-1', 1));
    db.exec(`INSERT INTO evidence (claim_id, position, file_name, status, sha256, arrival_id)
      VALUES ('K-1', 1, 'K-1/invoice.pdf', 'stored', 'ab', 1)`);
    expect(listEvidenceArrivals(db, 'K-1')).toEqual([
      expect.objectContaining({ id: 1, sourceName: 'reply.zip', answersDecisionId: 1, stored: 1 }),
    ]);
    expect(listEvidenceWithArrivals(db, 'K-1').map((e) => e.arrivalId)).toEqual([null, 1]);

    // Evidence for a claim nobody asked answers nothing.
    db.exec(arrival('K-2', null));
    // Another claim's request, or a decision that asked for nothing, cannot be answered.
    expect(() => db.exec(arrival('K-2', 1))).toThrow(/its own claim/);
    expect(() => db.exec(arrival('K-2', 2))).toThrow(/its own claim/);
    expect(() => db.exec(arrival('K-1', 99))).toThrow(/its own claim/);
    expect(() =>
      db.exec(`INSERT INTO evidence (claim_id, position, file_name, status, arrival_id)
        VALUES ('K-1', 2, 'x', 'missing', 42)`),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.exec(arrival('K-1', 1).replace("'reply.zip'", "'  '"))).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE evidence_arrivals SET stored = 2')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM evidence_arrivals')).toThrow(/append-only/);
  });
});

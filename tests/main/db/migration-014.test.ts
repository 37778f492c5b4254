import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { latestCouncilDecision } from '../../../src/main/db/repositories/decisions';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const KID_A = 'A'.repeat(43);
const KID_B = 'B'.repeat(43);

/** Schema 13 with one claim, a meeting's decision on it (id 1) and a member's view after it (id 2). */
function at13() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 13);
  db.exec(`
    INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
      VALUES ('b', 'f', 'h', 't', 'me', 1);
    INSERT INTO claims (claim_id, batch_id, source_row, received_at, claimant_type, affiliate,
        service, paid, damage_type, description, tier, tier_rule_version, content_hash)
      VALUES ('K-1', 1, 1, 't', 'small_business', 'a', 's', 0, 'paid', 'd', 'committee_review', 1, 'c');
    INSERT INTO meetings (number, held_on, place, quorum_rule, threshold, opened_by, opened_at)
      VALUES (1, '2022-12-20', '판교', '{}', '{}', '박서연', 't');
    INSERT INTO decisions (claim_id, outcome, amount, decided_by, decided_at, meeting_id)
      VALUES ('K-1', 'approve', 730000, '이도윤', 't1', 1);
    INSERT INTO decisions (claim_id, outcome, amount, replaces_id, amendment_reason, decided_by, decided_at)
      VALUES ('K-1', 'approve', 1, 1, '그냥', '김민준', 't2');
  `);
  return db;
}

const proposal = `INSERT INTO council_amendments (claim_id, amends_decision_id, outcome, amount,
  reason, proposed_by, proposed_kid, proposed_at) VALUES ('K-1', 1, 'approve', ?, ?, '박서연', ?, 't3')`;

describe('migration 014: council amendments, proposed and co-signed', () => {
  it('adds both tables; nothing earlier changes, and the council decision is still the meeting’s', () => {
    const db = at13();
    migrate(db, MIGRATIONS, 14);
    expect(schemaVersionOf(db)).toBe(14);
    expect(db.prepare('SELECT count(*) FROM council_amendments').pluck().get()).toBe(0);
    expect(latestCouncilDecision(db, 'K-1')).toMatchObject({ id: 1, amount: 730_000 });
  });

  it('a co-signed amendment becomes the council decision; both tables are append-only', () => {
    const db = at13();
    migrate(db, MIGRATIONS, 14);
    db.prepare(proposal).run(500_000, '영수증 재확인', KID_A);
    db.exec(`INSERT INTO decisions (claim_id, outcome, amount, replaces_id, amendment_reason,
        decided_by, decided_at) VALUES ('K-1', 'approve', 500000, 2, '영수증 재확인', '이도윤', 't4')`);
    db.prepare(
      `INSERT INTO council_amendment_cosignatures (amendment_id, decision_id, cosigned_by,
         cosigned_kid, cosigned_at) VALUES (1, 3, '이도윤', ?, 't4')`,
    ).run(KID_B);
    expect(latestCouncilDecision(db, 'K-1')).toMatchObject({ id: 3, amount: 500_000 });
    expect(() => db.exec('UPDATE council_amendments SET amount = 1')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM council_amendments')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE council_amendment_cosignatures SET cosigned_by = 'x'")).toThrow(
      /append-only/,
    );
    expect(() => db.exec('DELETE FROM council_amendment_cosignatures')).toThrow(/append-only/);
  });

  it('refuses a proposal without a reason, an amount that does not fit the outcome, or a short key id', () => {
    const db = at13();
    migrate(db, MIGRATIONS, 14);
    expect(() => db.prepare(proposal).run(500_000, '  ', KID_A)).toThrow(/CHECK/);
    expect(() => db.prepare(proposal).run(null, '사유', KID_A)).toThrow(/CHECK/);
    expect(() => db.prepare(proposal).run(500_000, '사유', 'short')).toThrow(/CHECK/);
  });
});

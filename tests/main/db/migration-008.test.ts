import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** A database at version 8 with one claim and two people, written directly, no services. */
function migratedTo8() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 8);
  db.exec(`
    INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
      VALUES ('b', 'b.csv', 'h', 't', 'me', 1);
    INSERT INTO people (name, role, added_at, added_by) VALUES ('kim', 'member', 't', 'me'), ('lee', 'member', 't', 'me');
  `);
  // Every required column of claims gets a value, whatever earlier migrations added to it.
  const columns = db
    .prepare(
      'SELECT name, type FROM pragma_table_info(\'claims\') WHERE "notnull" = 1 AND dflt_value IS NULL',
    )
    .all() as { name: string; type: string }[];
  const known: Record<string, unknown> = {
    claim_id: 'K-1',
    batch_id: 1,
    claimant_type: 'small_business',
    damage_type: 'free_monetary',
    claimed_loss: 900_000,
    tier: 'committee_review',
  };
  const valueOf = (c: { name: string; type: string }) =>
    known[c.name] ?? (c.type === 'INTEGER' ? 1 : 'x');
  db.prepare(
    `INSERT INTO claims (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...columns.map(valueOf));
  return db;
}

const openMeeting = `INSERT INTO meetings (number, held_on, place, quorum_rule, threshold, opened_by, opened_at)
  VALUES (?, '2022-12-20', '판교', '{"kind":"majority_of_members"}', '{"kind":"majority_of_votes_cast"}', 'park', 't')`;

describe('migration 008: meetings', () => {
  it('creates the meeting tables and links decisions to their meeting', () => {
    const db = migratedTo8();
    expect(schemaVersionOf(db)).toBe(8);
    db.prepare(openMeeting).run(1);
    expect(() => db.prepare(openMeeting).run(1)).toThrow(/UNIQUE/);
    const decisionColumns = db.prepare("SELECT name FROM pragma_table_info('decisions')").all() as {
      name: string;
    }[];
    expect(decisionColumns.map((c) => c.name)).toContain('meeting_id');
    db.prepare(
      "INSERT INTO decisions (claim_id, outcome, amount, decided_by, decided_at, meeting_id) VALUES ('K-1', 'defer', NULL, 'chair', 't', 1)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO decisions (claim_id, outcome, amount, decided_by, decided_at, meeting_id) VALUES ('K-1', 'defer', NULL, 'chair', 't', 99)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('keeps votes append-only, from present members only, until the item is closed', () => {
    const db = migratedTo8();
    db.prepare(openMeeting).run(1);
    db.exec(`INSERT INTO meeting_attendance VALUES (1, 'kim', 1), (1, 'lee', 0);
      INSERT INTO meeting_agenda (meeting_id, claim_id, position, added_at, added_by) VALUES (1, 'K-1', 1, 't', 'park');`);
    const vote = db.prepare(
      "INSERT INTO meeting_votes (meeting_id, claim_id, member, vote, recorded_at, recorded_by) VALUES (1, 'K-1', ?, ?, 't', 'park')",
    );
    vote.run('kim', 'for');
    vote.run('kim', 'against');
    expect(() => vote.run('lee', 'for')).toThrow(/only a member present/);
    expect(() => vote.run('kim', 'absent')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE meeting_votes SET vote = 'for'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM meeting_votes').run()).toThrow(/append-only/);

    const close = db.prepare(
      "UPDATE meeting_agenda SET voting_closed_at = 't2', result = 'not_carried', tally = '{}' WHERE claim_id = 'K-1'",
    );
    expect(() => db.prepare('UPDATE meeting_agenda SET position = 2').run()).toThrow(
      /only has its voting closed/,
    );
    close.run();
    expect(() => close.run()).toThrow(/only has its voting closed/);
    expect(() => vote.run('kim', 'for')).toThrow(/voting on this item is closed/);
  });

  it('a closed meeting takes no more attendance or agenda, and stays closed', () => {
    const db = migratedTo8();
    db.prepare(openMeeting).run(1);
    db.exec("INSERT INTO meeting_attendance VALUES (1, 'kim', 1)");
    expect(() => db.prepare("UPDATE meetings SET place = 'x'").run()).toThrow(/only be closed/);
    expect(() => db.prepare("UPDATE meetings SET status = 'closed'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE meetings SET status = 'closed', closed_at = 't3'").run();
    expect(() => db.prepare("UPDATE meetings SET closed_at = 't4'").run()).toThrow(
      /only be closed/,
    );
    expect(() => db.prepare('UPDATE meeting_attendance SET present = 0').run()).toThrow(/closed/);
    expect(() => db.prepare("INSERT INTO meeting_attendance VALUES (1, 'lee', 1)").run()).toThrow(
      /closed/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO meeting_agenda (meeting_id, claim_id, position, added_at, added_by) VALUES (1, 'K-1', 1, 't', 'p')",
        )
        .run(),
    ).toThrow(/closed/);
    expect(() => db.prepare('DELETE FROM meetings').run()).toThrow(/never deleted/);
  });

  it('an agenda proposal carries an amount only for an approval', () => {
    const db = migratedTo8();
    db.prepare(openMeeting).run(1);
    const add = db.prepare(
      "INSERT INTO meeting_agenda (meeting_id, claim_id, position, proposed_outcome, proposed_amount, added_at, added_by) VALUES (1, 'K-1', 1, ?, ?, 't', 'p')",
    );
    expect(() => add.run('reject', 1000)).toThrow(/CHECK/);
    expect(() => add.run(null, 1000)).toThrow(/CHECK/);
    add.run('approve', 1000);
  });
});

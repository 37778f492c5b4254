import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Schema 12 with meeting 1 closed and meeting 2 still open. */
function migratedTo12() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 12);
  const meeting = db.prepare(
    `INSERT INTO meetings (number, held_on, place, quorum_rule, threshold, opened_by, opened_at)
     VALUES (?, '2022-12-20', '판교', '{"kind":"majority_of_members"}', '{"kind":"majority_of_votes_cast"}', 'park', 't')`,
  );
  meeting.run(1);
  meeting.run(2);
  db.prepare("UPDATE meetings SET status = 'closed', closed_at = 't2' WHERE id = 1").run();
  return db;
}

const hash = (c: string) => c.repeat(64);
const versionInsert = `INSERT INTO minutes_versions (meeting_id, version, model_json, sha256, made_at, made_by)
  VALUES (?, ?, ?, ?, 't', '박서연')`;
const approvalInsert = `INSERT INTO minutes_approvals (version_id, sha256, approved_at, approved_by)
  VALUES (?, ?, 't', '이도윤')`;

describe('migration 012: minutes versions and approvals', () => {
  it('numbers the versions of a closed meeting 1, 2, 3 without gaps', () => {
    const db = migratedTo12();
    expect(schemaVersionOf(db)).toBe(12);
    const add = db.prepare(versionInsert);
    expect(() => add.run(2, 1, '{}', hash('a'))).toThrow(/closed meetings only/);
    expect(() => add.run(99, 1, '{}', hash('a'))).toThrow(/closed meetings only/);
    expect(() => add.run(1, 2, '{}', hash('a'))).toThrow(/follow the latest/);
    add.run(1, 1, '{"v":1}', hash('a'));
    expect(() => add.run(1, 1, '{}', hash('b'))).toThrow(/follow the latest/);
    expect(() => add.run(1, 3, '{}', hash('b'))).toThrow(/follow the latest/);
    expect(() => add.run(1, 2, 'not json', hash('b'))).toThrow(/CHECK/);
    expect(() => add.run(1, 2, '{}', 'short')).toThrow(/CHECK/);
    expect(() => add.run(1, 2, '{}', hash('A'))).toThrow(/CHECK/);
    add.run(1, 2, '{"v":2}', hash('b'));
    expect(db.prepare('SELECT version FROM minutes_versions ORDER BY id').pluck().all()).toEqual([
      1, 2,
    ]);
  });

  it('approves only the latest version, once, by its own hash; nothing changes afterwards', () => {
    const db = migratedTo12();
    const add = db.prepare(versionInsert);
    const approve = db.prepare(approvalInsert);
    add.run(1, 1, '{"v":1}', hash('a'));
    add.run(1, 2, '{"v":2}', hash('b'));
    expect(() => approve.run(1, hash('a'))).toThrow(/only the latest minutes version/);
    expect(() => approve.run(2, hash('a'))).toThrow(/hash of the version it approves/);
    expect(() => approve.run(99, hash('b'))).toThrow(/hash of the version it approves|FOREIGN KEY/);
    approve.run(2, hash('b'));
    expect(() => approve.run(2, hash('b'))).toThrow(/UNIQUE/);

    for (const sql of [
      'UPDATE minutes_versions SET model_json = \'{"v":9}\' WHERE version = 2',
      "UPDATE minutes_versions SET sha256 = '" + hash('c') + "' WHERE version = 1",
      'DELETE FROM minutes_versions WHERE version = 1',
    ])
      expect(() => db.prepare(sql).run(), sql).toThrow(/append-only: draft a new version/);
    for (const sql of [
      "UPDATE minutes_approvals SET approved_by = 'someone else'",
      'DELETE FROM minutes_approvals',
    ])
      expect(() => db.prepare(sql).run(), sql).toThrow(/minutes approvals are append-only/);

    // A change after approval is the next version, which can be approved in its turn.
    add.run(1, 3, '{"v":3}', hash('c'));
    approve.run(3, hash('c'));
    expect(db.prepare('SELECT count(*) FROM minutes_approvals').pluck().get()).toBe(2);
  });
});

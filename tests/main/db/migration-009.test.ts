import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function migratedTo9() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 9);
  db.prepare(
    `INSERT INTO meetings (number, held_on, place, quorum_rule, threshold, opened_by, opened_at)
     VALUES (1, '2022-12-20', '판교', '{"kind":"majority_of_members"}', '{"kind":"majority_of_votes_cast"}', 'park', 't')`,
  ).run();
  return db;
}

const insert = `INSERT INTO decision_files (meeting_id, file_sha256, payload_sha256,
  previous_payload_sha256, exported_at, exported_by, file_text) VALUES (?, ?, ?, ?, 't', 'me', '{}')`;
const hash = (c: string) => c.repeat(64);

describe('migration 009: decision files', () => {
  it('keeps an append-only chain of exported decision files', () => {
    const db = migratedTo9();
    expect(schemaVersionOf(db)).toBe(9);
    const add = db.prepare(insert);
    expect(() => add.run(1, hash('f'), hash('a'), hash('e'))).toThrow(/follow the latest/);
    add.run(1, hash('f'), hash('a'), null);
    expect(() => add.run(1, hash('f'), hash('b'), null)).toThrow(/follow the latest/);
    expect(() => add.run(1, hash('f'), hash('b'), hash('e'))).toThrow(/follow the latest/);
    add.run(1, hash('f'), hash('b'), hash('a'));
    expect(() => add.run(1, hash('f'), hash('a'), hash('b'))).toThrow(/UNIQUE/);
    expect(() => add.run(99, hash('f'), hash('c'), hash('b'))).toThrow(/FOREIGN KEY/);
    expect(() => add.run(1, 'short', hash('c'), hash('b'))).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE decision_files SET exported_by = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM decision_files').run()).toThrow(/append-only/);
  });
});

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate, schemaVersionOf } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function migratedTo7() {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => db.close());
  migrate(db, MIGRATIONS, 7);
  return db;
}

const insert = `INSERT INTO rosters (version, council, valid_from, sha256, fingerprint, previous_sha256,
  file_text, imported_at, imported_by) VALUES (?, 'c', '2022-11-14', ?, 'F', ?, '{}', 't', 'me')`;
const hash = (c: string) => c.repeat(64);

describe('migration 007: rosters', () => {
  it('creates an append-only rosters table where each version follows the latest', () => {
    const db = migratedTo7();
    expect(schemaVersionOf(db)).toBe(7);
    const add = db.prepare(insert);
    expect(() => add.run(1, hash('a'), hash('f'))).toThrow(/follow the latest/);
    add.run(1, hash('a'), null);
    expect(() => add.run(2, hash('b'), hash('f'))).toThrow(/follow the latest/);
    expect(() => add.run(1, hash('b'), hash('a'))).toThrow(/follow the latest/);
    add.run(2, hash('b'), hash('a'));
    expect(() => db.prepare("UPDATE rosters SET imported_by = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM rosters').run()).toThrow(/append-only/);
    expect(() => add.run(3, 'short', hash('b'))).toThrow(/CHECK/);
  });
});

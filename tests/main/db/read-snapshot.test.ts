import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAnotherConnection, openDatabase, type Db } from '../../../src/main/db/connection';
import {
  emptyWalIfIdle,
  inReadSnapshot,
  integrityProblems,
  leaveWalMode,
} from '../../../src/main/db/queries/backup';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

/*
 * The database files a backup copies inside one read snapshot (inReadSnapshot), while others
 * keep writing: the copy holds one committed state, whole, whatever another connection or
 * process is doing meanwhile. The invariant checked: every transaction adds rows to `entries`
 * and the same amount to `totals`, so a copy that mixed two moments has sum(entries) ≠ total.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir(): string {
  const { dir, cleanup } = makeTempDir('review-desk-copy-db-');
  cleanups.push(cleanup);
  return dir;
}

const LEDGER_SCHEMA = `
  CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL, filler TEXT);
  CREATE TABLE IF NOT EXISTS totals (id INTEGER PRIMARY KEY CHECK (id = 1), amount INTEGER NOT NULL);
  INSERT OR IGNORE INTO totals VALUES (1, 0);`;

function openLedger(file: string): Db {
  const db = openDatabase(file, { key: TEST_KEY, migrate: false });
  db.exec(LEDGER_SCHEMA);
  return db;
}

/** What writeBackup does with the database's files, here into `to` and `to`-wal. */
function copyDatabaseFiles(db: Db, to: string): void {
  inReadSnapshot(db, () => {
    copyFileSync(db.name, to);
    if (existsSync(`${db.name}-wal`)) copyFileSync(`${db.name}-wal`, `${to}-wal`);
  });
}

function addRows(db: Db, count: number, amount: number): void {
  const insert = db.prepare('INSERT INTO entries (amount, filler) VALUES (?, ?)');
  for (let i = 0; i < count; i += 1) insert.run(amount, 'x'.repeat(200));
  db.prepare('UPDATE totals SET amount = amount + ?').run(count * amount);
}

/** The copy opened as a backup opens it: WAL replayed, folded into one file; then its state. */
function stateOfCopy(copy: string): { rows: number; sum: number; total: number; ok: boolean } {
  const db = openDatabase(copy, { key: TEST_KEY, migrate: false });
  try {
    leaveWalMode(db);
    return {
      rows: db.prepare('SELECT count(*) FROM entries').pluck().get() as number,
      sum: db.prepare('SELECT coalesce(sum(amount), 0) FROM entries').pluck().get() as number,
      total: db.prepare('SELECT amount FROM totals').pluck().get() as number,
      ok: integrityProblems(db).length === 0,
    };
  } finally {
    db.close();
  }
}

describe('the database files copied inside a read snapshot', () => {
  it('holds commits still in the WAL (not yet checkpointed), as one file once opened', () => {
    const dir = tempDir();
    const db = openLedger(join(dir, 'a.db'));
    db.pragma('wal_autocheckpoint = 0');
    db.transaction(() => addRows(db, 500, 7))();
    expect(existsSync(join(dir, 'a.db-wal'))).toBe(true);
    const copy = join(dir, 'copy.db');
    copyDatabaseFiles(db, copy);
    db.close();
    expect(stateOfCopy(copy)).toEqual({ rows: 500, sum: 3500, total: 3500, ok: true });
    expect(existsSync(`${copy}-wal`)).toBe(false);
  });

  it("leaves out another connection's open transaction, even pages it already spilled to the WAL", () => {
    const dir = tempDir();
    const db = openLedger(join(dir, 'a.db'));
    db.transaction(() => addRows(db, 100, 1))();
    const writer = openAnotherConnection(db, { migrate: false });
    // A tiny cache, so the open transaction writes its pages into the WAL before committing.
    writer.pragma('cache_size = 10');
    writer.exec('BEGIN IMMEDIATE');
    addRows(writer, 3000, 5);
    const copy = join(dir, 'copy.db');
    copyDatabaseFiles(db, copy);
    writer.exec('COMMIT');
    writer.close();
    db.close();
    expect(stateOfCopy(copy)).toEqual({ rows: 100, sum: 100, total: 100, ok: true });
  });

  it('refuses to copy from inside a transaction of its own connection', () => {
    const db = openLedger(join(tempDir(), 'a.db'));
    db.exec('BEGIN');
    expect(() => copyDatabaseFiles(db, join(tempDir(), 'copy.db'))).toThrow(/between transactions/);
    db.exec('ROLLBACK');
    db.close();
  });

  it('is whole and consistent each time while another process commits and checkpoints', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.db');
    const db = openLedger(file);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'ledger-writer.ts'),
        file,
        TEST_KEY.toString('hex'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    cleanups.push(() => child.kill('SIGKILL'));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const seen: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      const copy = join(dir, `copy-${i}.db`);
      copyDatabaseFiles(db, copy);
      const state = stateOfCopy(copy);
      expect(state.ok, `copy ${i} passes integrity_check`).toBe(true);
      expect(state.sum, `copy ${i} holds one committed state`).toBe(state.total);
      seen.push(state.rows);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    db.close();
    // The writer was writing throughout: the copies saw it move on.
    expect(new Set(seen).size).toBeGreaterThan(5);
  }, 60_000);
});

describe('emptyWalIfIdle', () => {
  it('folds and empties the WAL when nobody else is at the database', () => {
    const dir = tempDir();
    const db = openLedger(join(dir, 'a.db'));
    db.pragma('wal_autocheckpoint = 0');
    db.transaction(() => addRows(db, 500, 3))();
    expect(statSync(join(dir, 'a.db-wal')).size).toBeGreaterThan(0);
    expect(emptyWalIfIdle(db)).toBe(true);
    expect(statSync(join(dir, 'a.db-wal')).size).toBe(0);
    db.close();
  });

  it('leaves the WAL at once (no busy wait) while another connection writes', () => {
    const dir = tempDir();
    const db = openLedger(join(dir, 'a.db'));
    db.transaction(() => addRows(db, 100, 1))();
    const writer = openAnotherConnection(db, { migrate: false });
    writer.exec('BEGIN IMMEDIATE');
    addRows(writer, 10, 1);
    const started = performance.now();
    expect(emptyWalIfIdle(db)).toBe(false);
    // busy_timeout is 5 s on these connections: well under it means it did not wait.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    writer.exec('COMMIT');
    writer.close();
    db.close();
  });
});

import Database from 'better-sqlite3-multiple-ciphers';
import { databaseKeyPragma, type WorkspaceKey } from '../services/workspace-key/workspace-key';
import { ServiceError } from '../services/errors';
import { migrate } from './migrate';

export interface OpenDatabaseOptions {
  /**
   * The workspace key: every page of the database and its WAL is encrypted under it. Null opens
   * an unencrypted database, and exists for one caller only: the benchmarks' reference figure
   * ("the same work, unencrypted"). The app and the CLI open workspaces through
   * unlock-workspace.ts, which always has a key.
   */
  key: WorkspaceKey | null;
  /**
   * Path of a better-sqlite3 addon built for the running runtime. The Electron app passes its
   * Electron-ABI copy; tests and the CLI leave it out and get Node's build.
   */
  nativeBinding?: string;
  /** Skip migrations (tests that set a schema version up by hand). */
  migrate?: boolean;
  /**
   * Refuse to open a file that is not there instead of creating an empty database: for a
   * connection that only works on what another made (a checkpoint on a worker thread).
   */
  mustExist?: boolean;
}

export type Db = Database.Database;

/**
 * Opens (creating if needed) a workspace database with its key and our pragmas, then migrates
 * it. The key comes first: SQLite3 Multiple Ciphers must have it before the first page is read.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): Db {
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.mustExist ? { fileMustExist: true } : {}),
  });
  try {
    if (options.key !== null) {
      db.pragma(databaseKeyPragma(options.key));
      checkKeyOpens(db, file);
    }
    keyOfConnection.set(db, options.key);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL in WAL mode: a commit is atomic and consistent, and survives the app or the
    // process crashing, but it is not synced to disk at commit (only at checkpoints), so a
    // power cut or OS crash can lose the last commits. Fine for imports (re-runnable, and a
    // per-commit fsync would slow them); what the council acknowledges (decisions, votes,
    // confirmations, approvals, signed files) commits through durableTransaction: FULL.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache. Every page read from disk is decrypted (ChaCha20-Poly1305), so a
    // page kept decrypted in the cache is what keeps the grid's sorted pages as fast as on an
    // unencrypted file: at 100k claims (a 42 MB database) 32 MiB made them 1.38x slower, 64 MiB
    // the same (bench encryption.grid.page). An import uses as much on its own connection
    // (import-batch.ts).
    db.pragma('cache_size = -65536');
    if (options.migrate !== false) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** What each open connection was opened with, so another one can be opened the same way. */
const keyOfConnection = new WeakMap<Db, WorkspaceKey | null>();

/** The key `db` was opened with (null: unencrypted), to open it again elsewhere (a worker). */
export function keyOfConnectionFor(db: Db): WorkspaceKey | null {
  const key = keyOfConnection.get(db);
  if (key === undefined) throw new Error(`${db.name} was not opened by openDatabase`);
  return key;
}

/**
 * A second connection to the same database, keyed as `db` was (an import writes on its own
 * connection). After the workspace locked, the key it shares is zeroed and this fails.
 */
export function openAnotherConnection(db: Db, options: Omit<OpenDatabaseOptions, 'key'> = {}): Db {
  const key = keyOfConnection.get(db);
  if (key === undefined) throw new Error(`${db.name} was not opened by openDatabase`);
  return openDatabase(db.name, { ...options, key });
}

/** The first read decrypts page 1: a wrong key (or a plain file) fails there, said plainly. */
function checkKeyOpens(db: Db, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
    const message = `the workspace key does not open ${file}: it belongs to another workspace, or the file is damaged`;
    throw new ServiceError('forbidden', message, [
      { path: 'key', code: 'database_key_mismatch', message },
    ]);
  }
}

/**
 * For a large write whose checkpoint runs elsewhere (background-checkpoint.ts). A WAL file keeps
 * its largest size once written; with no size limit, a write that starts it afresh cuts it back
 * at its commit to what it wrote, so the file's size then says how much there is to copy.
 */
export function turnOffAutoCheckpoint(db: Db): void {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('journal_size_limit = 0');
}

/**
 * A transaction held open by hand across asynchronous work (an import reads its file between
 * statements, which db.transaction cannot span): BEGIN IMMEDIATE takes the write lock at once,
 * so a second writer waits (busy_timeout) or fails here rather than midway.
 */
export function beginImmediate(db: Db): void {
  db.exec('BEGIN IMMEDIATE');
}

export function commit(db: Db): void {
  db.exec('COMMIT');
}

/** Rolls back the open transaction, if one is still open (SQLite may have ended it on an error). */
export function rollbackIfOpen(db: Db): void {
  if (db.inTransaction) db.exec('ROLLBACK');
}

/**
 * Runs `fn` in a transaction that commits with `synchronous = FULL`: in WAL mode the log is
 * fsynced at the commit, so once this returns the write survives a power cut, not just a
 * crash. For what is acknowledged to a person (a decision, a vote, a confirmation, an
 * approval, a signed file). The connection goes back to its setting (NORMAL) afterwards. A
 * call nested in an outer transaction just runs `fn` in a savepoint: only the outermost
 * commit syncs, so the setting is the outer one's to choose. `mode` is the BEGIN flavour.
 */
export function durableTransaction<T>(
  db: Db,
  fn: () => T,
  mode: 'deferred' | 'immediate' | 'exclusive' = 'deferred',
): T {
  const transaction = db.transaction(fn);
  if (db.inTransaction) return transaction[mode]();
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    return transaction[mode]();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}

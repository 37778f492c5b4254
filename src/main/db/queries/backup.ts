import type { Db } from '../connection';

/**
 * Runs `read` inside one read transaction on `db`. What it reads there, and the database file
 * and WAL it copies byte for byte meanwhile, are the same committed state: SQLite's own "copy
 * the file while holding a lock" backup, made safe for WAL mode. While this connection reads,
 * no checkpoint copies into the database file a frame it does not see and the WAL cannot be
 * restarted under it, so the two files copied hold this snapshot (plus, at most, commits
 * another process made meanwhile, each whole or not at all: SQLite replays only committed
 * frames, and ignores a transaction still open, even pages it already spilled to the WAL).
 * `read` must be synchronous: nothing else in this process may use `db` while it runs.
 *
 * It replaced VACUUM INTO (which rebuilt every table and index and re-encrypted every page:
 * 2.3 s of a 100k-claim backup) and SQLite's backup API (better-sqlite3 points it only at a
 * file it opens unkeyed, so it refuses an encrypted source).
 */
export function inReadSnapshot<T>(db: Db, read: () => T): T {
  if (db.inTransaction) throw new Error('a snapshot is read between transactions, not inside one');
  db.exec('BEGIN');
  try {
    // The read transaction begins at the first read: from here on the snapshot is held.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return read();
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * Checkpoints the WAL into the database file and empties it, if nobody is writing or reading
 * at this moment; otherwise leaves it (no waiting: a backup does not stall an import). Returns
 * whether the WAL is now empty.
 */
export function emptyWalIfIdle(db: Db): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    return result !== undefined && result.busy === 0 && result.log === 0;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** SQLite's own check of every page and index: ['ok'] when whole, else what it found. */
export function integrityProblems(db: Db): string[] {
  const rows = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
}

export interface WorkspaceCounts {
  claims: number;
  decisions: number;
  meetings: number;
  evidenceFiles: number;
}

/** What a backup holds and a restore reports. */
export function workspaceCounts(db: Db): WorkspaceCounts {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    claims: count('SELECT count(*) FROM claims'),
    decisions: count('SELECT count(*) FROM decisions'),
    meetings: count('SELECT count(*) FROM meetings'),
    evidenceFiles: count(
      "SELECT count(DISTINCT sha256) FROM evidence WHERE status = 'stored' AND sha256 IS NOT NULL",
    ),
  };
}

/** Each stored evidence content the database names, once, with its size (of the content). */
export function storedEvidenceFiles(db: Db): { sha256: string; sizeBytes: number }[] {
  return db
    .prepare(
      `SELECT sha256, max(size_bytes) AS sizeBytes FROM evidence
        WHERE status = 'stored' AND sha256 IS NOT NULL GROUP BY sha256 ORDER BY sha256`,
    )
    .all() as { sha256: string; sizeBytes: number }[];
}

/** Each stored evidence content the database names, once. */
export function storedEvidenceHashes(db: Db): string[] {
  return db
    .prepare(
      "SELECT DISTINCT sha256 FROM evidence WHERE status = 'stored' AND sha256 IS NOT NULL ORDER BY sha256",
    )
    .pluck()
    .all() as string[];
}

/**
 * Folds the WAL into the database file and leaves WAL mode, so the file alone holds everything
 * (SQLite3 Multiple Ciphers encrypts a database in place only in a rollback-journal mode).
 */
export function leaveWalMode(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
}

/** Encrypts an unencrypted database in place under `keyPragma`'s key (rekey). */
export function encryptInPlace(db: Db, rekeyPragma: string): void {
  db.pragma(rekeyPragma);
}

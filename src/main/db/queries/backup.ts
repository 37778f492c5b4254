import type { Db } from '../connection';

/**
 * A consistent copy of the whole database into a new file, taken while others keep writing
 * (WAL readers do not block writers): VACUUM INTO reads one snapshot. SQLite3 Multiple Ciphers
 * writes the copy encrypted under the same key. (better-sqlite3's backup() refuses a target that
 * is not keyed like its source, and cannot key one it opens itself.)
 */
export function copyDatabaseInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
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

import type { Db } from '../connection';

/** Rows of the rosters table (append-only: a trigger refuses UPDATE and DELETE). */

export interface RosterInsert {
  version: number;
  council: string;
  validFrom: string;
  sha256: string;
  fingerprint: string;
  previousSha256: string | null;
  fileText: string;
  importedAt: string;
  importedBy: string;
}

export interface LatestRosterRow {
  version: number;
  fileText: string;
  importedAt: string;
  importedBy: string;
}

/** The text of the first roster imported (by rowid), if any. */
export function firstRosterText(db: Db): string | undefined {
  const row = db
    .prepare('SELECT file_text AS fileText FROM rosters ORDER BY rowid LIMIT 1')
    .get() as { fileText: string } | undefined;
  return row?.fileText;
}

/** The text of every imported roster, oldest first (by rowid). */
export function listRosterTexts(db: Db): string[] {
  const rows = db.prepare('SELECT file_text AS fileText FROM rosters ORDER BY rowid').all() as {
    fileText: string;
  }[];
  return rows.map((row) => row.fileText);
}

/** The roster with the highest version, with when and by whom it was imported. */
export function findLatestRosterRow(db: Db): LatestRosterRow | undefined {
  return db
    .prepare(
      `SELECT version, file_text AS fileText, imported_at AS importedAt, imported_by AS importedBy
       FROM rosters
       ORDER BY version DESC LIMIT 1`,
    )
    .get() as LatestRosterRow | undefined;
}

/** The version of the roster stored with this SHA-256, if any. */
export function findRosterVersionBySha256(db: Db, sha256: string): number | undefined {
  const row = db.prepare('SELECT version FROM rosters WHERE sha256 = ?').get(sha256) as
    { version: number } | undefined;
  return row?.version;
}

/** The text of the latest roster version valid from `day` or earlier, if any. */
export function rosterTextOnDay(db: Db, day: string): string | undefined {
  const row = db
    .prepare(
      'SELECT file_text AS fileText FROM rosters WHERE valid_from <= ? ORDER BY version DESC LIMIT 1',
    )
    .get(day) as { fileText: string } | undefined;
  return row?.fileText;
}

export function insertRoster(db: Db, roster: RosterInsert): void {
  db.prepare(
    `INSERT INTO rosters (version, council, valid_from, sha256, fingerprint, previous_sha256,
       file_text, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    roster.version,
    roster.council,
    roster.validFrom,
    roster.sha256,
    roster.fingerprint,
    roster.previousSha256,
    roster.fileText,
    roster.importedAt,
    roster.importedBy,
  );
}

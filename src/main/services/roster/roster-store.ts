import { durableTransaction, type Db } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import type { ServiceContext } from '../context';
import { verifyRoster, type VerifiedRoster } from './roster';

interface RosterRow {
  version: number;
  file_text: string;
}

export interface ImportedRoster {
  version: number;
  fingerprint: string;
  sha256: string;
  alreadyImported: boolean;
}

/** The latest imported roster, re-verified from its stored text. */
export function latestRoster(db: Db): VerifiedRoster | null {
  return latestRosterRecord(db)?.roster ?? null;
}

/**
 * The auditor's anchor in the app: the first roster imported into the workspace. Rosters are
 * append-only (a trigger refuses UPDATE and DELETE), so the first row stays the first.
 */
export function pinnedRoster(db: Db): VerifiedRoster | null {
  const row = db.prepare('SELECT file_text FROM rosters ORDER BY rowid LIMIT 1').get() as
    Pick<RosterRow, 'file_text'> | undefined;
  return row ? verifyRoster(row.file_text) : null;
}

/** Every imported roster, oldest first: the steps a chosen roster may chain through. */
export function importedRosters(db: Db): VerifiedRoster[] {
  const rows = db.prepare('SELECT file_text FROM rosters ORDER BY rowid').all() as Pick<
    RosterRow,
    'file_text'
  >[];
  return rows.map((row) => verifyRoster(row.file_text));
}

/** The latest imported roster with when and by whom it was imported. */
export function latestRosterRecord(
  db: Db,
): { roster: VerifiedRoster; importedAt: string; importedBy: string } | null {
  const row = db
    .prepare(
      `SELECT version, file_text, imported_at, imported_by FROM rosters
       ORDER BY version DESC LIMIT 1`,
    )
    .get() as (RosterRow & { imported_at: string; imported_by: string }) | undefined;
  if (!row) return null;
  return {
    roster: verifyRoster(row.file_text),
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}

/**
 * Verifies the file against the latest imported roster (the chain and a secretary of that
 * version) and stores it with its audit entry in one transaction. Importing the same file
 * again changes nothing. Durable (synchronous = FULL): the roster decides whose signatures
 * count, and the first one is the workspace's pinned anchor; once reported imported, a power
 * cut must not take it back.
 */
export function importRoster(ctx: ServiceContext, fileText: string): ImportedRoster {
  return durableTransaction(ctx.db, (): ImportedRoster => {
    const candidate = verifyRoster(fileText);
    const same = ctx.db
      .prepare('SELECT version FROM rosters WHERE sha256 = ?')
      .get(candidate.sha256) as { version: number } | undefined;
    if (same) return { ...summary(candidate), alreadyImported: true };
    const roster = verifyRoster(fileText, { previous: latestRoster(ctx.db) });
    const at = ctx.now().toISOString();
    ctx.db
      .prepare(
        `INSERT INTO rosters (version, council, valid_from, sha256, fingerprint, previous_sha256,
           file_text, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        roster.payload.version,
        roster.payload.council,
        roster.payload.validFrom,
        roster.sha256,
        roster.fingerprint,
        roster.payload.previousRosterSha256,
        fileText,
        at,
        ctx.actor,
      );
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
      action: 'roster.imported',
      subjectType: 'roster',
      subjectId: String(roster.payload.version),
      details: {
        sha256: roster.sha256,
        fingerprint: roster.fingerprint,
        members: roster.payload.members.length,
        signers: roster.signers.map((s) => s.name),
      },
    });
    return { ...summary(roster), alreadyImported: false };
  });
}

function summary(roster: VerifiedRoster) {
  return {
    version: roster.payload.version,
    fingerprint: roster.fingerprint,
    sha256: roster.sha256,
  };
}

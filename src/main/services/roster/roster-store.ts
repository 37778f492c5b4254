import { durableTransaction, type Db } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf, stopActing } from '../identity/acting';
import {
  findLatestRosterRow,
  findRosterVersionBySha256,
  firstRosterText,
  insertRoster,
  listRosterTexts,
} from '../../db/repositories/rosters';
import type { ServiceContext } from '../context';
import { syncPeopleWithRoster } from '../people/people';
import { verifyRoster, type VerifiedRoster } from './roster';

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
  const text = firstRosterText(db);
  return text !== undefined ? verifyRoster(text) : null;
}

/** Every imported roster, oldest first: the steps a chosen roster may chain through. */
export function importedRosters(db: Db): VerifiedRoster[] {
  return listRosterTexts(db).map((text) => verifyRoster(text));
}

/** The latest imported roster with when and by whom it was imported. */
export function latestRosterRecord(
  db: Db,
): { roster: VerifiedRoster; importedAt: string; importedBy: string } | null {
  const row = findLatestRosterRow(db);
  if (!row) return null;
  return {
    roster: verifyRoster(row.fileText),
    importedAt: row.importedAt,
    importedBy: row.importedBy,
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
    const same = findRosterVersionBySha256(ctx.db, candidate.sha256);
    if (same !== undefined) return { ...summary(candidate), alreadyImported: true };
    const roster = verifyRoster(fileText, { previous: latestRoster(ctx.db) });
    const at = ctx.now().toISOString();
    insertRoster(ctx.db, {
      version: roster.payload.version,
      council: roster.payload.council,
      validFrom: roster.payload.validFrom,
      sha256: roster.sha256,
      fingerprint: roster.fingerprint,
      previousSha256: roster.payload.previousRosterSha256,
      fileText,
      importedAt: at,
      importedBy: ctx.actor,
    });
    syncPeopleWithRoster(ctx.db, roster, at, ctx.actor);
    // No key needed to import: the file's own signatures (a secretary's, chained to the roster
    // before) are its authority, and each member loads it into their own workspace.
    appendAudit(ctx.db, signerOf(ctx), {
      at,
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
    refreshActing(ctx, roster);
    return { ...summary(roster), alreadyImported: false };
  });
}

/** The new roster says who the acting person is now; one it leaves out stops acting. */
function refreshActing(ctx: ServiceContext, roster: VerifiedRoster): void {
  const member = ctx.acting && roster.payload.members.find((m) => m.kid === ctx.acting!.kid);
  if (!ctx.acting) return;
  if (!member) stopActing(ctx);
  else {
    ctx.acting = { ...ctx.acting, name: member.name, role: member.role };
    ctx.actor = member.name;
  }
}

function summary(roster: VerifiedRoster) {
  return {
    version: roster.payload.version,
    fingerprint: roster.fingerprint,
    sha256: roster.sha256,
  };
}

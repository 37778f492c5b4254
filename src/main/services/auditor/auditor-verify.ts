import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AuditorReport, AuditorVerifyRequest } from '../../../shared/ipc/auditor-schemas';
import type { ServiceContext } from '../context';
import { decisionFileSha256, verifyDecisionFile } from '../decision-files';
import { openEvidenceSource } from '../evidence/source';
import { ServiceError } from '../errors';
import { sha256Hex } from '../hashing';
import {
  importedRosters,
  latestRoster,
  pinnedRoster,
  verifyRoster,
  type VerifiedRoster,
} from '../roster';
import { parseGeneralJws } from '../signing/jws';
import { parseStrictJson, withoutBom } from '../signing/strict-json';
import type { VerificationProblem } from '../../../shared/domain/signing/verification-report';
import { claimVersionWarnings } from './claim-versions-check';
import { changesAgainstOriginal, findSignedOriginal } from './original-copy';

/** Far above a 10,000-decision file (a few MB); a bigger "decision file" is not one. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

async function readBytes(path: string, what: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    if (info.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES} bytes`);
    return await readFile(path);
  } catch (error) {
    throw new ServiceError(
      'validation_failed',
      `${what} ${basename(path)} could not be read: ${(error as Error).message}`,
    );
  }
}

/** A leading BOM (Notepad) is dropped: signed files are read as the JSON they hold. */
async function readText(path: string, what: string): Promise<string> {
  return withoutBom((await readBytes(path, what)).toString('utf8'));
}

/** Re-throws a service error with the file it is about named first. */
async function naming<T>(what: string, path: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ServiceError)
      throw new ServiceError(error.code, `${what} ${basename(path)}: ${error.message}`);
    throw error;
  }
}

function previousNamed(fileText: string): string | null {
  try {
    const payload = Buffer.from(parseGeneralJws(fileText).payload, 'base64url').toString('utf8');
    const value = (parseStrictJson(payload) as { previousFileSha256?: unknown }).previousFileSha256;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Which records changed, when the content broke its signatures and the workspace has the original. */
function namedChanges(
  ctx: ServiceContext,
  fileText: string,
  problems: VerificationProblem[],
): VerificationProblem[] {
  if (!problems.some((p) => p.code === 'content_changed')) return [];
  const original = findSignedOriginal(ctx.db, fileText);
  return original === null ? [] : changesAgainstOriginal(original, fileText);
}

/**
 * Auditor mode: checks a signed decision file the person chose, against a roster file they
 * chose or else the workspace's imported roster, optionally with evidence and the previous
 * file. Read-only: nothing is written and nothing is audited, since the audit log records
 * changes to the workspace and a verification changes nothing (the report can be saved).
 */
export async function verifyForAuditor(
  ctx: ServiceContext,
  request: AuditorVerifyRequest,
): Promise<AuditorReport> {
  const fileBytes = await readBytes(request.file, 'decision file');
  const fileText = withoutBom(fileBytes.toString('utf8'));
  // The auditor's anchor: the first roster imported here; a chosen roster must chain to it.
  const pinned = pinnedRoster(ctx.db);
  let roster: VerifiedRoster | null;
  let rosterSource: AuditorReport['rosterSource'];
  if (request.roster) {
    const rosterPath = request.roster;
    const rosterText = await readText(rosterPath, 'roster file');
    roster = await naming('roster file', rosterPath, () => verifyRoster(rosterText));
    rosterSource = 'file';
  } else {
    roster = latestRoster(ctx.db);
    rosterSource = roster ? 'workspace' : null;
  }
  const previousText = request.previousFile
    ? await readText(request.previousFile, 'previous decision file')
    : undefined;
  if (previousText !== undefined)
    await naming('previous decision file', request.previousFile!, () =>
      parseGeneralJws(previousText),
    );

  const evidence = request.evidence
    ? await naming('evidence', request.evidence, () => openEvidenceSource(request.evidence!))
    : undefined;
  try {
    const report = await naming('decision file', request.file, () =>
      verifyDecisionFile(fileText, {
        roster,
        ...(pinned ? { trustedRoster: pinned, knownRosters: importedRosters(ctx.db) } : {}),
        ...(evidence ? { evidence } : {}),
        ...(previousText !== undefined ? { previousFile: previousText } : {}),
      }),
    );
    // Every record stays untrusted (no signature vouches for this content); these name the change.
    report.problems.push(...namedChanges(ctx, fileText, report.problems));
    report.warnings.push(...claimVersionWarnings(ctx.db, fileText));
    const previousFileSha256 = previousNamed(fileText);
    const broken = report.problems.some((p) => p.code === 'chain_broken');
    const state = broken
      ? 'broken'
      : previousText !== undefined
        ? 'linked'
        : previousFileSha256 === null
          ? 'first'
          : 'unchecked';
    return {
      ...report,
      fileName: basename(request.file),
      fileSha256: sha256Hex(fileBytes),
      payloadSha256: decisionFileSha256(fileText),
      rosterFingerprint: roster?.fingerprint ?? null,
      rosterSource,
      rosterTrust: report.roster?.trust ?? null,
      trustedRosterFingerprint: pinned?.fingerprint ?? null,
      chain: { state, previousFileSha256 },
      evidenceGiven: evidence !== undefined,
      checkedAt: ctx.now().toISOString(),
    };
  } finally {
    await evidence?.close();
  }
}

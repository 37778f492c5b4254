import {
  problem,
  type VerificationProblem,
} from '../../../shared/domain/signing/verification-report';
import type { Db } from '../../db/connection';
import {
  currentClaimHashLookup,
  findClaimVersionByHash,
  listClaimVersions,
} from '../../db/repositories/claim-versions';
import { parseGeneralJws } from '../signing/jws';
import { parseStrictJson } from '../signing/strict-json';

/** The claim id and content hash of each record the file holds, as far as they can be read. */
function namedContents(fileText: string): { claimId: string; hash: string }[] {
  try {
    const payload = Buffer.from(parseGeneralJws(fileText).payload, 'base64url').toString('utf8');
    const decisions = (parseStrictJson(payload) as { decisions?: unknown }).decisions;
    if (!Array.isArray(decisions)) return [];
    return decisions.flatMap((record: unknown) => {
      const r = record as { claimId?: unknown; claimContentHash?: unknown } | null;
      return typeof r?.claimId === 'string' && typeof r.claimContentHash === 'string'
        ? [{ claimId: r.claimId, hash: r.claimContentHash }]
        : [];
    });
  } catch {
    return [];
  }
}

/**
 * What the workspace knows of the claims a signed file names. A correction makes a new version
 * of a claim and keeps the old one (migration 017), so a file signed over the old content still
 * verifies, and the auditor is told the claim changed since, by whom and why. Claims this
 * workspace does not hold say nothing (an auditor's workspace may hold none).
 */
export function claimVersionWarnings(db: Db, fileText: string): VerificationProblem[] {
  const current = currentClaimHashLookup(db);
  const warnings: VerificationProblem[] = [];
  const short = (hash: string) => hash.slice(0, 12);
  for (const { claimId, hash } of namedContents(fileText)) {
    const now = current(claimId);
    if (!now || now.contentHash === hash) continue;
    const signed = findClaimVersionByHash(db, claimId, hash);
    const where = { claimId };
    if (!signed) {
      const params = { claimId, signedHash: short(hash), currentHash: short(now.contentHash) };
      warnings.push(problem('claim_content_unknown', params, where));
      continue;
    }
    const latest = listClaimVersions(db, claimId).at(-1)!;
    const params = {
      claimId,
      signedVersion: signed.version,
      signedHash: short(hash),
      currentVersion: now.version,
      currentHash: short(now.contentHash),
      correctedAt: latest.recordedAt,
      correctedBy: latest.recordedBy,
      reason: latest.reason,
    };
    warnings.push(problem('claim_corrected_after_signing', params, where));
  }
  return warnings;
}

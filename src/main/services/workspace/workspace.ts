import sample from '../../../../resources/sample-claims.json' with { type: 'json' };
import type { Claim } from '../../../shared/domain/claim';
import { classifyTier, TIER_RULE_VERSION } from '../../../shared/domain/tier';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { countBatches, insertBatch } from '../../db/repositories/batches';
import { findImportByContentHash, insertImportFile } from '../../db/repositories/import-files';
import { claimBatchLookup, countClaims, insertClaim } from '../../db/repositories/claims';
import { insertEvidence } from '../../db/repositories/evidence';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { refreshDerivedData } from '../derived-data';
import { hashCanonical, hashClaimContent } from '../hashing';

export function workspaceSummary(ctx: ServiceContext) {
  const counts = countClaims(ctx.db);
  return { batches: countBatches(ctx.db), ...counts };
}

/**
 * Writes a batch of already-validated claims in one transaction with its audit entry.
 * (The file readers and quarantine of the intake issue will feed this same path.)
 */
export function storeBatch(
  ctx: ServiceContext,
  batch: { name: string; sourceFile: string; contentHash: string; claims: Claim[] },
): { batchId: number; claims: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const earlier = findImportByContentHash(db, batch.contentHash);
    if (earlier) {
      throw new ServiceError(
        'conflict',
        `this batch was already imported as batch ${earlier.batchId} ("${earlier.batchName}") on ${earlier.importedAt}`,
      );
    }
    // A claim id is stored once: a batch whose claims the workspace already holds (the demo
    // batch carries the sample's ids) is refused whole, naming them, never half-written.
    const batchOf = claimBatchLookup(db);
    const held = batch.claims.flatMap((claim) => {
      const existing = batchOf(claim.claimId);
      return existing === undefined ? [] : [{ claimId: claim.claimId, batchId: existing }];
    });
    if (held.length > 0) {
      const named = held
        .slice(0, 5)
        .map((h) => `${h.claimId} (batch ${h.batchId})`)
        .join(', ');
      throw new ServiceError(
        'conflict',
        `the workspace already holds ${held.length} of these ${batch.claims.length} claims: ${named}${held.length > 5 ? ', ...' : ''}; nothing was loaded`,
        held.slice(0, 100).map((h) => ({
          path: h.claimId,
          code: 'claim_exists',
          message: `${h.claimId} is already in batch ${h.batchId}`,
        })),
      );
    }
    const importedAt = ctx.now().toISOString();
    const stored = insertBatch(db, {
      name: batch.name,
      sourceFile: batch.sourceFile,
      contentHash: batch.contentHash,
      importedAt,
      importedBy: ctx.actor,
      rowCount: batch.claims.length,
    });
    insertImportFile(db, {
      batchId: stored.id,
      kind: 'original',
      contentHash: batch.contentHash,
      sourceFile: batch.sourceFile,
      format: 'json',
      encoding: null,
      importedAt,
      importedBy: ctx.actor,
      rowCount: batch.claims.length,
    });
    batch.claims.forEach((claim, index) => {
      const { evidence, ...fields } = claim;
      insertClaim(db, {
        ...fields,
        batchId: stored.id,
        sourceRow: index + 1,
        tier: classifyTier(claim),
        tierRuleVersion: TIER_RULE_VERSION,
        contentHash: hashClaimContent(claim),
      });
      evidence.forEach((fileName, position) =>
        insertEvidence(db, {
          claimId: claim.claimId,
          position,
          fileName,
          // Sample claims name their evidence but ship no files: flagged, never dropped.
          status: 'missing',
          sha256: null,
          mediaType: null,
          sizeBytes: null,
          problem: 'not_supplied',
        }),
      );
    });
    refreshDerivedData(db);
    appendAudit(db, signerOf(ctx), {
      at: importedAt,
      action: 'batch.imported',
      subjectType: 'batch',
      subjectId: String(stored.id),
      details: {
        name: batch.name,
        sourceFile: batch.sourceFile,
        contentHash: batch.contentHash,
        claims: batch.claims.length,
      },
    });
    return { batchId: stored.id, claims: batch.claims.length };
  })();
}

/** The small built-in sample so a new workspace can try the review flow at once. */
export function loadSampleClaims(ctx: ServiceContext) {
  const claims = sample.claims as Claim[];
  return storeBatch(ctx, {
    name: sample.name,
    sourceFile: 'resources/sample-claims.json',
    contentHash: hashCanonical(sample),
    claims,
  });
}

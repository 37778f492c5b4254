import { appendAudit } from '../../db/repositories/audit-log';
import { VOTERS } from '../../../shared/domain/acts';
import { requireRole, signerOf } from '../identity/acting';
import { findBatchIdentity } from '../../db/repositories/batches';
import { listMemberLatestDecisions } from '../../db/repositories/decisions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { sha256Hex } from '../hashing';
import type { UnlockedIdentity } from '../identity';
import { latestRoster } from '../roster';
import {
  buildRecommendationsPayload,
  signRecommendations,
  type RecommendationEntry,
} from './payload';

/*
 * Where a member's recommendations come from on their own laptop: the views recorded outside a
 * meeting in that workspace BY THAT PERSON (decided_by = the acting person's roster name), per
 * claim of the batch the latest such view; the council's decisions (a chair's confirmations, a
 * co-signed amendment) are not anyone's recommendation. On a member's own laptop that is the claim's current decision; if
 * someone else recorded a later one there, the member's own latest still is what they
 * recommend (we never sign another person's opinion under the member's key). Claims the
 * member did not decide are left out. The council is the latest imported roster's, or the
 * one given.
 */

export interface ExportRecommendationsRequest {
  batchId: number;
  signer: UnlockedIdentity;
  /** Defaults to the latest imported roster's council. */
  council?: string;
}

export interface ExportedRecommendations {
  fileText: string;
  /** SHA-256 of the file's bytes as written. */
  sha256: string;
  count: number;
}

/** Per claim of the batch, the latest decision `member` recorded, with the claim's hash. */
export function memberRecommendations(
  ctx: ServiceContext,
  batchId: number,
  member: string,
): RecommendationEntry[] {
  return listMemberLatestDecisions(ctx.db, batchId, member);
}

/** Builds and signs one member's recommendations for a batch; refuses when there are none. */
export function exportRecommendations(
  ctx: ServiceContext,
  request: ExportRecommendationsRequest,
): ExportedRecommendations {
  const batch = findBatchIdentity(ctx.db, request.batchId);
  if (!batch) throw new ServiceError('not_found', `batch ${request.batchId} does not exist`);
  const { signer } = request;
  // Only the person acting here signs their own views: the roster's name for the key they
  // unlocked, the same name their views were recorded under.
  const acting = requireRole(ctx, VOTERS, 'Exporting recommendations');
  if (acting.kid !== signer.kid) {
    const message = `the file would be signed with ${signer.name}'s key (${signer.fingerprint}) while ${acting.name} is acting here: a member signs only their own recommendations`;
    throw new ServiceError('forbidden', message, [
      { path: 'keyFile', code: 'signer_not_acting', message },
    ]);
  }
  const recommendations = memberRecommendations(ctx, batch.id, acting.name);
  if (recommendations.length === 0)
    throw new ServiceError(
      'conflict',
      `${acting.name} has recorded no recommendations on batch ${batch.id} (${batch.name}) in this workspace; nothing to export`,
    );
  const council = request.council ?? latestRoster(ctx.db)?.payload.council;
  if (!council)
    throw new ServiceError(
      'conflict',
      'no committee roster is imported here to name the council; import the roster or give the council',
    );
  const payload = buildRecommendationsPayload({
    council,
    batch: { id: batch.id, name: batch.name, contentHash: batch.contentHash },
    member: { name: acting.name, kid: signer.kid },
    createdAt: ctx.now().toISOString(),
    recommendations,
  });
  const fileText = signRecommendations(payload, signer);
  return { fileText, sha256: sha256Hex(fileText), count: recommendations.length };
}

/**
 * Records that a member's signed file left this workspace: which batch, how many
 * recommendations, the file's hash (to match it with the secretary's import later).
 */
export function auditRecommendationsExport(
  ctx: ServiceContext,
  entry: { batchId: number; member: string; count: number; sha256: string; file: string },
): void {
  appendAudit(ctx.db, signerOf(ctx), {
    at: ctx.now().toISOString(),
    action: 'recommendations.exported',
    subjectType: 'batch',
    subjectId: String(entry.batchId),
    details: { member: entry.member, count: entry.count, sha256: entry.sha256, file: entry.file },
  });
}

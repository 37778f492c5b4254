import type { ReasonCode } from '../../../shared/domain/decision';
import { appendAudit } from '../../db/repositories/audit-log';
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
 * Where a member's recommendations come from on their own laptop: the decisions recorded in
 * that workspace BY THAT PERSON (decided_by = the signer's name), per claim of the batch the
 * latest such decision. On a member's own laptop that is the claim's current decision; if
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

interface BatchRow {
  id: number;
  name: string;
  contentHash: string;
}

interface DecisionRow {
  claimId: string;
  claimContentHash: string;
  outcome: RecommendationEntry['outcome'];
  amount: number | null;
  reasonCodes: string;
  note: string;
}

/** Per claim of the batch, the latest decision `member` recorded, with the claim's hash. */
export function memberRecommendations(
  ctx: ServiceContext,
  batchId: number,
  member: string,
): RecommendationEntry[] {
  const rows = ctx.db
    .prepare(
      `SELECT d.claim_id AS claimId, c.content_hash AS claimContentHash, d.outcome, d.amount,
              d.reason_codes AS reasonCodes, d.note
       FROM decisions d JOIN claims c ON c.claim_id = d.claim_id
       WHERE c.batch_id = ? AND d.decided_by = ?
         AND d.id = (SELECT max(e.id) FROM decisions e
                     WHERE e.claim_id = d.claim_id AND e.decided_by = d.decided_by)
       ORDER BY d.claim_id`,
    )
    .all(batchId, member) as DecisionRow[];
  return rows.map((row) => ({
    ...row,
    reasonCodes: JSON.parse(row.reasonCodes) as ReasonCode[],
  }));
}

/** Builds and signs one member's recommendations for a batch; refuses when there are none. */
export function exportRecommendations(
  ctx: ServiceContext,
  request: ExportRecommendationsRequest,
): ExportedRecommendations {
  const batch = ctx.db
    .prepare('SELECT id, name, content_hash AS contentHash FROM batches WHERE id = ?')
    .get(request.batchId) as BatchRow | undefined;
  if (!batch) throw new ServiceError('not_found', `batch ${request.batchId} does not exist`);
  const { signer } = request;
  const recommendations = memberRecommendations(ctx, batch.id, signer.name);
  if (recommendations.length === 0)
    throw new ServiceError(
      'conflict',
      `${signer.name} has recorded no decisions on batch ${batch.id} (${batch.name}) in this workspace; nothing to export`,
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
    member: { name: signer.name, kid: signer.kid },
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
  appendAudit(ctx.db, {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action: 'recommendations.exported',
    subjectType: 'batch',
    subjectId: String(entry.batchId),
    details: { member: entry.member, count: entry.count, sha256: entry.sha256, file: entry.file },
  });
}

import { listCosignedDecisionIds } from '../../db/repositories/council-amendments';
import { maskContact } from '../../../shared/domain/claim';
import { reviewStateOf } from '../../../shared/domain/decision';
import type { ClaimDetail, ClaimSummary } from '../../../shared/ipc/schemas';
import type { HistoryEvent } from '../../../shared/ipc/review-schemas';
import type { ClaimFlagDetail } from '../../../shared/domain/flags';
import { appendAudit, listClaimHistory } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { assigneeOf } from '../../db/repositories/assignments';
import { flagsForClaim } from '../../db/repositories/claim-flags';
import { getClaim, listClaims, type ClaimFilter } from '../../db/repositories/claims';
import { listDecisionsForClaim } from '../../db/repositories/decisions';
import { listEvidenceForClaim } from '../../db/repositories/evidence';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

export function listClaimSummaries(
  ctx: ServiceContext,
  filter: ClaimFilter,
): { claims: ClaimSummary[]; total: number } {
  const { rows, total } = listClaims(ctx.db, filter);
  return { claims: rows, total };
}

/** One claim with its evidence and decision history; contact details stay masked. */
export function getClaimDetail(
  ctx: ServiceContext,
  claimId: string,
): ClaimDetail & {
  flags: ClaimFlagDetail[];
  assignee: string | null;
  cosignedDecisionIds: number[];
} {
  const claim = getClaim(ctx.db, claimId);
  if (!claim) throw new ServiceError('not_found', `claim ${claimId} does not exist`);
  const decisions = listDecisionsForClaim(ctx.db, claimId);
  const evidence = listEvidenceForClaim(ctx.db, claimId);
  const current = decisions.at(-1) ?? null;
  return {
    claimId: claim.claimId,
    batchId: claim.batchId,
    receivedAt: claim.receivedAt,
    claimantType: claim.claimantType,
    affiliate: claim.affiliate,
    service: claim.service,
    damageType: claim.damageType,
    paid: claim.paid,
    businessRegNo: claim.businessRegNo,
    businessName: claim.businessName,
    industry: claim.industry,
    claimedLoss: claim.claimedLoss,
    description: claim.description,
    contactMasked: claim.contact === null ? null : maskContact(claim.contact),
    tier: claim.tier,
    tierRuleVersion: claim.tierRuleVersion,
    version: claim.version ?? 1,
    reviewState: reviewStateOf(current),
    evidenceCount: evidence.length,
    evidence: evidence.map(({ fileName, status, sha256, mediaType, sizeBytes, problem }) => ({
      fileName,
      status,
      sha256,
      mediaType,
      sizeBytes,
      problem,
    })),
    decisions,
    flags: flagsForClaim(ctx.db, claimId),
    assignee: assigneeOf(ctx.db, claimId),
    cosignedDecisionIds: listCosignedDecisionIds(ctx.db, claimId),
  };
}

/**
 * The unmasked contact of a claim. Personal data: the reveal is written to the audit log
 * before the value leaves main, so every look at it is on record.
 */
export function revealContact(
  ctx: ServiceContext,
  claimId: string,
): { claimId: string; contact: string | null } {
  return ctx.db.transaction(() => {
    const claim = getClaim(ctx.db, claimId);
    if (!claim) throw new ServiceError('not_found', `claim ${claimId} does not exist`);
    appendAudit(ctx.db, signerOf(ctx), {
      at: ctx.now().toISOString(),
      action: 'claim.contact_revealed',
      subjectType: 'claim',
      subjectId: claimId,
      details: {},
    });
    return { claimId, contact: claim.contact };
  })();
}

/**
 * A claim's life from the audit log, oldest first: its batch's import, then everything
 * recorded against the claim itself (evidence viewed, contact revealed, calculations,
 * decisions and amendments).
 */
export function claimHistory(ctx: ServiceContext, claimId: string): { events: HistoryEvent[] } {
  const claim = getClaim(ctx.db, claimId);
  if (!claim) throw new ServiceError('not_found', `claim ${claimId} does not exist`);
  return { events: listClaimHistory(ctx.db, claimId, claim.batchId) };
}

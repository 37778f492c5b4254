import {
  DECISION_ISSUE_MESSAGES,
  reviewStateOf,
  transitionKind,
  validateDecision,
  type DecisionDraft,
  type DecisionRecord,
} from '../../../shared/domain/decision';
import { calculateSupport } from '../../../shared/domain/support-calculator';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { getClaim, type StoredClaim } from '../../db/repositories/claims';
import {
  currentDecisionForClaim,
  insertDecision,
  latestCouncilDecision,
} from '../../db/repositories/decisions';
import { durableTransaction, type Db } from '../../db/connection';
import { findPolicy } from '../../db/repositories/support-policies';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

const AUDIT_ACTION = {
  first: 'decision.recorded',
  follow_up: 'decision.followed_up',
  amendment: 'decision.amended',
} as const;

/**
 * What the calculator says for this draft, recomputed here from the stored policy: the figure
 * the renderer sends is only a claim to be checked. Null when the draft used no policy or
 * lacks a verified loss (validateDecision reports the incomplete link).
 */
function recomputeRecommendation(
  db: Db,
  claim: StoredClaim,
  draft: DecisionDraft,
): { recommended: number } | null {
  const policyVersion = draft.policyVersion ?? null;
  const verifiedLoss = draft.verifiedLoss ?? null;
  if (policyVersion === null) return null;
  const policy = findPolicy(db, policyVersion);
  if (!policy)
    throw new ServiceError('not_found', `support policy ${policyVersion} does not exist`);
  if (verifiedLoss === null || !Number.isSafeInteger(verifiedLoss) || verifiedLoss < 0) return null;
  return { recommended: calculateSupport(policy, claim, verifiedLoss).recommended };
}

/** The refusal of a draft that breaks the shared decision rules, naming each broken rule. */
export function decisionRefusal(
  claimId: string,
  issues: ReturnType<typeof validateDecision>,
): ServiceError {
  const conflict = issues.some((issue) => issue.code === 'must_replace_current');
  return new ServiceError(
    conflict ? 'conflict' : 'validation_failed',
    `decision on ${claimId} breaks ${issues.length} rule(s): ${issues.map((i) => i.code).join(', ')}`,
    issues.map((issue) => ({
      path: issue.field,
      code: issue.code,
      message: DECISION_ISSUE_MESSAGES[issue.code].en,
    })),
  );
}

/**
 * Records one decision: the shared rules are checked against the claim as it stands inside
 * the transaction, then the decision row and its audit entry land together. A meeting's
 * decision, or an amendment the chair co-signs (`councilAmendment`), is the council's: whether
 * it amends (and so needs a reason) follows from the council's latest decision, not from a
 * member's view recorded since.
 */
export function recordDecision(
  ctx: ServiceContext,
  draft: DecisionDraft,
  options: { councilAmendment?: boolean } = {},
): DecisionRecord {
  const { db } = ctx;
  const byCouncil = Boolean(draft.meetingId) || options.councilAmendment === true;
  return durableTransaction(db, () => {
    const claim = getClaim(db, draft.claimId);
    if (!claim) throw new ServiceError('not_found', `claim ${draft.claimId} does not exist`);
    const current = currentDecisionForClaim(db, draft.claimId) ?? null;
    // The council's decision (a meeting's, or a co-signed amendment) amends the council's
    // latest, not a member's view recorded since outside a meeting.
    const standing = byCouncil ? (latestCouncilDecision(db, draft.claimId) ?? null) : current;
    const issues = validateDecision(draft, {
      claimedLoss: claim.claimedLoss,
      reviewable: claim.tier === 'committee_review',
      current,
      standing,
      recommendation: recomputeRecommendation(db, claim, draft),
    });
    if (issues.length > 0) throw decisionRefusal(draft.claimId, issues);
    const decidedAt = ctx.now().toISOString();
    const normalised: DecisionDraft = {
      ...draft,
      note: draft.note.trim(),
      amendmentReason: draft.amendmentReason?.trim() || null,
      policyVersion: draft.policyVersion ?? null,
      verifiedLoss: draft.verifiedLoss ?? null,
      recommendedAmount: draft.recommendedAmount ?? null,
      overrideReason: draft.overrideReason?.trim() || null,
      meetingId: draft.meetingId ?? null,
    };
    const record = insertDecision(db, normalised, { decidedBy: ctx.actor, decidedAt });
    appendAudit(db, signerOf(ctx), {
      at: decidedAt,
      action: AUDIT_ACTION[transitionKind(reviewStateOf(standing))],
      subjectType: 'claim',
      subjectId: record.claimId,
      details: {
        decisionId: record.id,
        outcome: record.outcome,
        amount: record.amount,
        reasonCodes: record.reasonCodes,
        note: record.note,
        replacesId: record.replacesId,
        amendmentReason: record.amendmentReason,
        policyVersion: record.policyVersion,
        verifiedLoss: record.verifiedLoss,
        recommendedAmount: record.recommendedAmount,
        overrideReason: record.overrideReason,
        // Only when set, so entries of decisions made outside a meeting keep their old shape.
        ...(record.meetingId === null ? {} : { meetingId: record.meetingId }),
      },
    });
    return record;
  });
}

/**
 * Where a decision typed without the chain in view (a terminal, a sheet) goes: after the
 * claim's current decision, as an amendment with the given reason when that one is final.
 */
export function nextInChain(
  db: Db,
  claimId: string,
  amendmentReason: string | undefined,
): Pick<DecisionDraft, 'replacesId' | 'amendmentReason'> {
  const current = currentDecisionForClaim(db, claimId) ?? null;
  const amending = transitionKind(reviewStateOf(current)) === 'amendment';
  return {
    replacesId: current?.id ?? null,
    amendmentReason: amending ? (amendmentReason ?? '') : null,
  };
}

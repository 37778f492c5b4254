import {
  outcomeTakesAmount,
  reviewStateOf,
  transitionKind,
  validateDecision,
  type DecisionDraft,
  type DecisionIssue,
  type Outcome,
  type ReasonCode,
  type TransitionKind,
} from '../../../shared/domain/decision';
import { parseKrw, type MoneyErrorCode } from '../../../shared/domain/money';
import type { SupportCalculation } from '../../../shared/domain/support-policy';
import type { ClaimDetail } from '../../../shared/ipc/schemas';

/** What the member has typed, kept as text so a half-typed "120만" is never lost. */
export interface DecisionFormState {
  outcome: Outcome | null;
  amountText: string;
  reasonCodes: ReasonCode[];
  note: string;
  amendmentReasonText: string;
  overrideReasonText: string;
}

export const EMPTY_FORM: DecisionFormState = {
  outcome: null,
  amountText: '',
  reasonCodes: [],
  note: '',
  amendmentReasonText: '',
  overrideReasonText: '',
};

export interface DraftCheck {
  kind: TransitionKind;
  draft: DecisionDraft | null;
  /** Parsed amount, shown beside the input so the member sees what "1억 2천" became. */
  parsedAmount: number | null;
  amountError: MoneyErrorCode | null;
  issues: DecisionIssue[];
  canSave: boolean;
  /** The amount differs from the recorded calculation, so the form asks why. */
  overridesRecommendation: boolean;
}

/**
 * Builds the draft main will receive and runs the same validateDecision main runs, so the
 * form and the service never disagree about what may be recorded.
 */
export function checkDraft(
  claim: ClaimDetail,
  form: DecisionFormState,
  recommendation: SupportCalculation | null = null,
): DraftCheck {
  const current = claim.decisions.at(-1) ?? null;
  const kind = transitionKind(reviewStateOf(current));

  let parsedAmount: number | null = null;
  let amountError: MoneyErrorCode | null = null;
  if (outcomeTakesAmount(form.outcome) && form.amountText.trim() !== '') {
    const parsed = parseKrw(form.amountText);
    if (parsed.ok) parsedAmount = parsed.value;
    else amountError = parsed.code;
  }

  if (form.outcome === null) {
    return {
      kind,
      draft: null,
      parsedAmount,
      amountError,
      issues: [],
      canSave: false,
      overridesRecommendation: false,
    };
  }

  const draft: DecisionDraft = {
    claimId: claim.claimId,
    outcome: form.outcome,
    amount: outcomeTakesAmount(form.outcome) ? parsedAmount : null,
    reasonCodes: form.reasonCodes,
    note: form.note,
    replacesId: current?.id ?? null,
    amendmentReason: kind === 'amendment' ? form.amendmentReasonText : null,
  };
  // A calculation counts for decisions with an amount: that is what it recommends.
  const usesRecommendation = recommendation !== null && outcomeTakesAmount(form.outcome);
  const overridesRecommendation =
    usesRecommendation && parsedAmount !== null && parsedAmount !== recommendation.recommended;
  if (usesRecommendation) {
    draft.policyVersion = recommendation.policyVersion;
    draft.verifiedLoss = recommendation.verifiedLoss;
    draft.recommendedAmount = recommendation.recommended;
    draft.overrideReason = overridesRecommendation ? form.overrideReasonText : null;
  }
  const allIssues = validateDecision(draft, {
    claimedLoss: claim.claimedLoss,
    reviewable: claim.tier === 'committee_review',
    current: current ? { id: current.id, outcome: current.outcome } : null,
  });
  // An unreadable amount already has its own, more precise message.
  const issues = amountError
    ? allIssues.filter((issue) => issue.code !== 'amount_required')
    : allIssues;
  return {
    kind,
    draft,
    parsedAmount,
    amountError,
    issues,
    canSave: amountError === null && issues.length === 0,
    overridesRecommendation,
  };
}

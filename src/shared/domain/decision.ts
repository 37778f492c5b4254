/**
 * The council's decision on one committee_review claim. A decision is never edited: a change
 * is a new decision that points at the one it replaces, so the history of a claim is a chain.
 */

export const OUTCOMES = ['approve', 'partial', 'reject', 'request_evidence', 'defer'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REASON_CODES = [
  'insufficient_proof',
  'not_caused_by_outage',
  'duplicate_claim',
  'affiliate_service',
  'outside_outage_window',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Where a claim stands in review; follows from the latest decision in its chain. */
export const REVIEW_STATES = [
  'undecided',
  'evidence_requested',
  'deferred',
  'approved',
  'partially_approved',
  'rejected',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

const STATE_AFTER: Record<Outcome, ReviewState> = {
  approve: 'approved',
  partial: 'partially_approved',
  reject: 'rejected',
  request_evidence: 'evidence_requested',
  defer: 'deferred',
};

/** Final states can only change through an amendment with its own reason. */
const FINAL_STATES: ReadonlySet<ReviewState> = new Set([
  'approved',
  'partially_approved',
  'rejected',
]);

export interface DecisionDraft {
  claimId: string;
  outcome: Outcome;
  /** Integer KRW; required for approve and partial, absent otherwise. */
  amount: number | null;
  reasonCodes: ReasonCode[];
  note: string;
  /** The decision this one follows or amends; null for the first decision on a claim. */
  replacesId: number | null;
  /** Why a final decision is being amended; required exactly when amending one. */
  amendmentReason: string | null;
  /**
   * The support calculation the decision relied on: the policy version, the verified loss fed
   * to it and the figure it advised. All three or none (absent means none).
   */
  policyVersion?: number | null;
  verifiedLoss?: number | null;
  recommendedAmount?: number | null;
  /** Why the amount differs from recommendedAmount: the calculator advises, the council decides. */
  overrideReason?: string | null;
  /**
   * The meeting whose vote this decision confirms (absent: none). Only the meeting service sets
   * it; the IPC draft schema has no such field, so the renderer cannot claim a meeting.
   */
  meetingId?: number | null;
}

export interface DecisionRecord extends DecisionDraft {
  /** Always present on a record, null when no calculation was used. */
  policyVersion: number | null;
  verifiedLoss: number | null;
  recommendedAmount: number | null;
  overrideReason: string | null;
  meetingId: number | null;
  id: number;
  decidedBy: string;
  decidedAt: string;
}

export type DecisionIssueCode =
  | 'amount_required'
  | 'amount_not_allowed'
  | 'amount_not_integer'
  | 'amount_not_positive'
  | 'amount_above_claimed_loss'
  | 'partial_not_below_claimed_loss'
  | 'reason_required'
  | 'reason_not_allowed'
  | 'duplicate_reason'
  | 'note_required_for_other'
  | 'note_required_for_evidence_request'
  | 'note_too_long'
  | 'claim_not_reviewable'
  | 'must_replace_current'
  | 'nothing_to_replace'
  | 'amendment_reason_required'
  | 'amendment_reason_not_allowed'
  | 'recommendation_incomplete'
  | 'recommendation_mismatch'
  | 'override_reason_required'
  | 'override_reason_not_allowed';

export interface DecisionIssue {
  field:
    | 'outcome'
    | 'amount'
    | 'reasonCodes'
    | 'note'
    | 'replacesId'
    | 'amendmentReason'
    | 'recommendedAmount'
    | 'overrideReason';
  code: DecisionIssueCode;
}

/** What validation needs to know about the claim and its current decision. */
export interface DecisionContext {
  claimedLoss: number | null;
  reviewable: boolean;
  /** The latest decision in the claim's chain, or null when undecided. */
  current: { id: number; outcome: Outcome } | null;
  /**
   * The decision whose state says whether this one amends it (and so needs a reason), when that
   * is not `current`: for a meeting's decision, the council's latest; a member's view recorded
   * outside a meeting since then changes nothing the council decided.
   */
  standing?: { id: number; outcome: Outcome } | null;
  /**
   * The recommendation as main recomputed it from the stored policy for the draft's verified
   * loss. When given, the draft's recommendedAmount must equal it: main never trusts the
   * renderer's arithmetic. The renderer leaves it out.
   */
  recommendation?: { recommended: number } | null;
}

export const NOTE_MAX_LENGTH = 4000;

const NEEDS_AMOUNT: ReadonlySet<Outcome> = new Set(['approve', 'partial']);
const NEEDS_REASON: ReadonlySet<Outcome> = new Set(['reject', 'partial']);
const ALLOWS_REASON: ReadonlySet<Outcome> = new Set([
  'reject',
  'partial',
  'defer',
  'request_evidence',
]);

/** Approvals carry an amount; the form disables its amount box for the other outcomes. */
export function outcomeTakesAmount(outcome: Outcome | null): boolean {
  return outcome !== null && NEEDS_AMOUNT.has(outcome);
}

export function stateAfter(outcome: Outcome): ReviewState {
  return STATE_AFTER[outcome];
}

export function reviewStateOf(current: { outcome: Outcome } | null): ReviewState {
  return current ? STATE_AFTER[current.outcome] : 'undecided';
}

export function isFinalState(state: ReviewState): boolean {
  return FINAL_STATES.has(state);
}

/**
 * The state machine: which kind of write moves a claim from one state to another.
 * From undecided only a first decision; from an interim state (evidence requested, deferred)
 * a follow-up that points at the interim decision; from a final state only an amendment.
 */
export type TransitionKind = 'first' | 'follow_up' | 'amendment';

export function transitionKind(state: ReviewState): TransitionKind {
  if (state === 'undecided') return 'first';
  return isFinalState(state) ? 'amendment' : 'follow_up';
}

/** Every outcome is reachable from every state; what differs is what the write must carry. */
export function allowedOutcomes(_state: ReviewState): readonly Outcome[] {
  return OUTCOMES;
}

function validateAmount(draft: DecisionDraft, ctx: DecisionContext, issues: DecisionIssue[]): void {
  const { amount, outcome } = draft;
  if (!NEEDS_AMOUNT.has(outcome)) {
    if (amount !== null) issues.push({ field: 'amount', code: 'amount_not_allowed' });
    return;
  }
  if (amount === null) {
    issues.push({ field: 'amount', code: 'amount_required' });
    return;
  }
  if (!Number.isSafeInteger(amount)) {
    issues.push({ field: 'amount', code: 'amount_not_integer' });
    return;
  }
  if (amount <= 0) {
    issues.push({ field: 'amount', code: 'amount_not_positive' });
    return;
  }
  if (ctx.claimedLoss !== null && amount > ctx.claimedLoss) {
    issues.push({ field: 'amount', code: 'amount_above_claimed_loss' });
  } else if (outcome === 'partial' && ctx.claimedLoss !== null && amount >= ctx.claimedLoss) {
    issues.push({ field: 'amount', code: 'partial_not_below_claimed_loss' });
  }
}

function validateReasons(draft: DecisionDraft, issues: DecisionIssue[]): void {
  const { reasonCodes, outcome, note } = draft;
  if (NEEDS_REASON.has(outcome) && reasonCodes.length === 0) {
    issues.push({ field: 'reasonCodes', code: 'reason_required' });
  }
  if (!ALLOWS_REASON.has(outcome) && reasonCodes.length > 0) {
    issues.push({ field: 'reasonCodes', code: 'reason_not_allowed' });
  }
  if (new Set(reasonCodes).size !== reasonCodes.length) {
    issues.push({ field: 'reasonCodes', code: 'duplicate_reason' });
  }
  if (reasonCodes.includes('other') && note.trim() === '') {
    issues.push({ field: 'note', code: 'note_required_for_other' });
  }
  if (outcome === 'request_evidence' && note.trim() === '') {
    issues.push({ field: 'note', code: 'note_required_for_evidence_request' });
  }
  if (note.length > NOTE_MAX_LENGTH) issues.push({ field: 'note', code: 'note_too_long' });
}

function validateChain(draft: DecisionDraft, ctx: DecisionContext, issues: DecisionIssue[]): void {
  if (ctx.current === null) {
    if (draft.replacesId !== null) issues.push({ field: 'replacesId', code: 'nothing_to_replace' });
  } else if (draft.replacesId !== ctx.current.id) {
    // Pointing at anything but the latest decision means the member saw a stale history.
    issues.push({ field: 'replacesId', code: 'must_replace_current' });
  }
  const kind = transitionKind(
    reviewStateOf(ctx.standing === undefined ? ctx.current : ctx.standing),
  );
  const amendmentReason = draft.amendmentReason?.trim() ?? '';
  if (kind === 'amendment' && amendmentReason === '') {
    issues.push({ field: 'amendmentReason', code: 'amendment_reason_required' });
  }
  if (kind !== 'amendment' && draft.amendmentReason !== null && amendmentReason !== '') {
    issues.push({ field: 'amendmentReason', code: 'amendment_reason_not_allowed' });
  }
}

/**
 * The calculator link: policy version, verified loss and recommendation travel together, and an
 * approved amount that departs from the recommendation says why (and only then).
 */
function validateRecommendation(
  draft: DecisionDraft,
  ctx: DecisionContext,
  issues: DecisionIssue[],
): void {
  const linked = [draft.policyVersion, draft.verifiedLoss, draft.recommendedAmount].filter(
    (value) => value !== null && value !== undefined,
  ).length;
  if (linked !== 0 && linked !== 3) {
    issues.push({ field: 'recommendedAmount', code: 'recommendation_incomplete' });
  }
  const recommended = draft.recommendedAmount ?? null;
  if (
    recommended !== null &&
    ctx.recommendation &&
    recommended !== ctx.recommendation.recommended
  ) {
    issues.push({ field: 'recommendedAmount', code: 'recommendation_mismatch' });
  }
  const overrideReason = draft.overrideReason?.trim() ?? '';
  const takesAmount = NEEDS_AMOUNT.has(draft.outcome);
  if (recommended !== null && takesAmount && draft.amount !== null) {
    if (draft.amount !== recommended && overrideReason === '') {
      issues.push({ field: 'overrideReason', code: 'override_reason_required' });
    } else if (draft.amount === recommended && overrideReason !== '') {
      issues.push({ field: 'overrideReason', code: 'override_reason_not_allowed' });
    }
  } else if (recommended === null && overrideReason !== '') {
    // Nothing was recommended, so there is nothing to override.
    issues.push({ field: 'overrideReason', code: 'override_reason_not_allowed' });
  }
}

/** All the rules a decision must meet; an empty list means it may be recorded. */
export function validateDecision(draft: DecisionDraft, ctx: DecisionContext): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  if (!ctx.reviewable) {
    issues.push({ field: 'outcome', code: 'claim_not_reviewable' });
    return issues;
  }
  validateAmount(draft, ctx, issues);
  validateReasons(draft, issues);
  validateChain(draft, ctx, issues);
  validateRecommendation(draft, ctx, issues);
  return issues;
}

export const DECISION_ISSUE_MESSAGES: Record<DecisionIssueCode, { ko: string; en: string }> = {
  amount_required: { ko: '지원 금액을 입력하세요.', en: 'Enter the support amount.' },
  amount_not_allowed: {
    ko: '이 결정에는 금액을 넣을 수 없습니다.',
    en: 'This outcome takes no amount.',
  },
  amount_not_integer: {
    ko: '금액은 원 단위 정수여야 합니다.',
    en: 'The amount must be whole won.',
  },
  amount_not_positive: { ko: '금액은 0원보다 커야 합니다.', en: 'The amount must be above 0 won.' },
  amount_above_claimed_loss: {
    ko: '지원 금액이 신청 피해금액을 넘을 수 없습니다.',
    en: 'The amount cannot exceed the claimed loss.',
  },
  partial_not_below_claimed_loss: {
    ko: '일부 인정 금액은 신청 피해금액보다 적어야 합니다.',
    en: 'A partial approval must be below the claimed loss.',
  },
  reason_required: {
    ko: '사유 코드를 하나 이상 고르세요.',
    en: 'Choose at least one reason code.',
  },
  reason_not_allowed: {
    ko: '인정 결정에는 사유 코드를 넣지 않습니다.',
    en: 'An approval takes no reason code.',
  },
  duplicate_reason: {
    ko: '같은 사유 코드가 두 번 있습니다.',
    en: 'A reason code is listed twice.',
  },
  note_required_for_other: {
    ko: '"기타" 사유는 설명을 적어야 합니다.',
    en: 'The "other" reason needs an explanation.',
  },
  note_required_for_evidence_request: {
    ko: '어떤 증빙이 필요한지 적으세요.',
    en: 'Say which evidence is needed.',
  },
  note_too_long: { ko: '메모가 너무 깁니다.', en: 'The note is too long.' },
  claim_not_reviewable: {
    ko: '위원회 심사 대상이 아닌 신청입니다.',
    en: 'This claim is not for committee review.',
  },
  must_replace_current: {
    ko: '이 신청의 최신 결정을 기준으로 다시 작성하세요. 그 사이 다른 결정이 기록되었습니다.',
    en: 'Another decision was recorded meanwhile; start again from the latest one.',
  },
  nothing_to_replace: {
    ko: '첫 결정은 다른 결정을 대체할 수 없습니다.',
    en: 'A first decision cannot replace another.',
  },
  amendment_reason_required: {
    ko: '확정된 결정을 변경하는 사유를 적으세요.',
    en: 'Give the reason for amending a final decision.',
  },
  amendment_reason_not_allowed: {
    ko: '변경 사유는 확정된 결정을 변경할 때만 적습니다.',
    en: 'An amendment reason belongs only to an amendment.',
  },
  recommendation_incomplete: {
    ko: '산정 기록이 불완전합니다. 지원 기준 판, 확인 피해액, 권고액은 함께 기록됩니다.',
    en: 'The calculation is incomplete: policy version, verified loss and recommendation go together.',
  },
  recommendation_mismatch: {
    ko: '권고액이 지원 기준으로 다시 계산한 금액과 다릅니다. 산정을 다시 하세요.',
    en: "The recommendation differs from the policy's own calculation; calculate again.",
  },
  override_reason_required: {
    ko: '권고액과 다른 금액으로 정한 사유를 적으세요.',
    en: 'Give the reason the amount differs from the recommendation.',
  },
  override_reason_not_allowed: {
    ko: '조정 사유는 금액이 권고액과 다를 때만 적습니다.',
    en: 'An override reason belongs only to an amount that differs from the recommendation.',
  },
};

export const OUTCOME_LABELS: Record<Outcome, { ko: string; en: string }> = {
  approve: { ko: '인정', en: 'Approve' },
  partial: { ko: '일부 인정', en: 'Partially approve' },
  reject: { ko: '기각', en: 'Reject' },
  request_evidence: { ko: '보완 요청', en: 'Request evidence' },
  defer: { ko: '차기 회의 이월', en: 'Defer' },
};

export const REASON_LABELS: Record<ReasonCode, { ko: string; en: string }> = {
  insufficient_proof: { ko: '증빙 불충분', en: 'Insufficient proof' },
  not_caused_by_outage: { ko: '장애와 인과관계 없음', en: 'Not caused by the outage' },
  duplicate_claim: { ko: '중복 신청', en: 'Duplicate claim' },
  affiliate_service: { ko: '계열사 서비스', en: "Affiliate's service" },
  outside_outage_window: { ko: '장애 기간 외', en: 'Outside the outage window' },
  other: { ko: '기타', en: 'Other' },
};

export const REVIEW_STATE_LABELS: Record<ReviewState, { ko: string; en: string }> = {
  undecided: { ko: '미결정', en: 'Undecided' },
  evidence_requested: { ko: '보완 요청', en: 'Evidence requested' },
  deferred: { ko: '이월', en: 'Deferred' },
  approved: { ko: '인정', en: 'Approved' },
  partially_approved: { ko: '일부 인정', en: 'Partially approved' },
  rejected: { ko: '기각', en: 'Rejected' },
};

import { describe, expect, it } from 'vitest';
import {
  DECISION_ISSUE_MESSAGES,
  validateDecision,
  type DecisionContext,
  type DecisionDraft,
} from '../../src/shared/domain/decision';

const undecided: DecisionContext = { claimedLoss: 1_850_000, reviewable: true, current: null };
/** An approval that used the calculator: policy 1 advised 210,000 on a verified 1,850,000. */
const draft = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
  claimId: 'K-2022-000101',
  outcome: 'approve',
  amount: 210_000,
  reasonCodes: [],
  note: '',
  replacesId: null,
  amendmentReason: null,
  policyVersion: 1,
  verifiedLoss: 1_850_000,
  recommendedAmount: 210_000,
  overrideReason: null,
  ...over,
});
const codes = (d: DecisionDraft, ctx: DecisionContext = undecided) =>
  validateDecision(d, ctx).map((i) => `${i.field}:${i.code}`);

describe('the override rule', () => {
  it('takes the recommendation as it is without a reason', () => {
    expect(codes(draft())).toEqual([]);
  });

  it('needs a reason when an approved amount departs from the recommendation', () => {
    expect(codes(draft({ amount: 300_000 }))).toEqual(['overrideReason:override_reason_required']);
    expect(codes(draft({ amount: 300_000, overrideReason: '   ' }))).toEqual([
      'overrideReason:override_reason_required',
    ]);
    expect(codes(draft({ amount: 300_000, overrideReason: '매출 장부로 손실 추가 확인' }))).toEqual(
      [],
    );
    expect(
      codes(draft({ outcome: 'partial', amount: 100_000, reasonCodes: ['insufficient_proof'] })),
    ).toEqual(['overrideReason:override_reason_required']);
  });

  it('takes a reason only when there is something to override', () => {
    expect(codes(draft({ overrideReason: '동일 금액' }))).toEqual([
      'overrideReason:override_reason_not_allowed',
    ]);
    const noCalculation = { policyVersion: null, verifiedLoss: null, recommendedAmount: null };
    expect(codes(draft({ ...noCalculation, overrideReason: '권고 없음' }))).toEqual([
      'overrideReason:override_reason_not_allowed',
    ]);
  });

  it('asks nothing of outcomes without an amount, which carry their own reason codes', () => {
    const reject = {
      outcome: 'reject' as const,
      amount: null,
      reasonCodes: ['insufficient_proof' as const],
    };
    expect(codes(draft(reject))).toEqual([]);
    expect(codes(draft({ ...reject, overrideReason: '증빙 위조 의심' }))).toEqual([]);
  });

  it('adds nothing while the amount itself is missing', () => {
    expect(codes(draft({ amount: null }))).toEqual(['amount:amount_required']);
  });

  it('keeps decisions made without the calculator as they were', () => {
    const plain: DecisionDraft = {
      claimId: 'K-2022-000101',
      outcome: 'approve',
      amount: 600_000,
      reasonCodes: [],
      note: '',
      replacesId: null,
      amendmentReason: null,
    };
    expect(codes(plain)).toEqual([]);
  });
});

describe('the calculation link', () => {
  it('records policy version, verified loss and recommendation together or not at all', () => {
    expect(codes(draft({ policyVersion: null }))).toEqual([
      'recommendedAmount:recommendation_incomplete',
    ]);
    expect(codes(draft({ verifiedLoss: undefined }))).toEqual([
      'recommendedAmount:recommendation_incomplete',
    ]);
    expect(codes(draft({ policyVersion: null, verifiedLoss: null, amount: 300_000 }))).toContain(
      'recommendedAmount:recommendation_incomplete',
    );
  });

  it("refuses a recommendation that differs from main's own calculation", () => {
    const ctx = { ...undecided, recommendation: { recommended: 210_000 } };
    expect(codes(draft(), ctx)).toEqual([]);
    expect(codes(draft({ recommendedAmount: 250_000, amount: 250_000 }), ctx)).toEqual([
      'recommendedAmount:recommendation_mismatch',
    ]);
  });

  it('explains every new issue in Korean and English', () => {
    for (const code of [
      'recommendation_incomplete',
      'recommendation_mismatch',
      'override_reason_required',
      'override_reason_not_allowed',
    ] as const) {
      expect(DECISION_ISSUE_MESSAGES[code].ko).toMatch(/[가-힣]/);
      expect(DECISION_ISSUE_MESSAGES[code].en.length).toBeGreaterThan(10);
    }
  });
});

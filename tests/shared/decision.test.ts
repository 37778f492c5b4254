import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OUTCOMES,
  outcomeTakesAmount,
  REASON_CODES,
  REVIEW_STATES,
  reviewStateOf,
  stateAfter,
  transitionKind,
  validateDecision,
  type DecisionContext,
  type DecisionDraft,
  type Outcome,
} from '../../src/shared/domain/decision';

const undecided: DecisionContext = { claimedLoss: 1_850_000, reviewable: true, current: null };
const draft = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
  claimId: 'K-2022-000101',
  outcome: 'approve',
  amount: 600_000,
  reasonCodes: [],
  note: '',
  replacesId: null,
  amendmentReason: null,
  ...over,
});
const codes = (d: DecisionDraft, ctx: DecisionContext = undecided) =>
  validateDecision(d, ctx).map((i) => i.code);

describe('decision amounts', () => {
  it('an approval needs a whole, positive amount no larger than the claimed loss', () => {
    expect(codes(draft())).toEqual([]);
    expect(codes(draft({ amount: 1_850_000 }))).toEqual([]);
    expect(codes(draft({ amount: null }))).toEqual(['amount_required']);
    expect(codes(draft({ amount: 0 }))).toEqual(['amount_not_positive']);
    expect(codes(draft({ amount: -5 }))).toEqual(['amount_not_positive']);
    expect(codes(draft({ amount: 1000.5 }))).toEqual(['amount_not_integer']);
    expect(codes(draft({ amount: 1_850_001 }))).toEqual(['amount_above_claimed_loss']);
  });

  it('a partial approval is below the claimed loss and gives a reason', () => {
    expect(
      codes(draft({ outcome: 'partial', amount: 400_000, reasonCodes: ['insufficient_proof'] })),
    ).toEqual([]);
    expect(codes(draft({ outcome: 'partial', amount: 400_000 }))).toEqual(['reason_required']);
    expect(
      codes(draft({ outcome: 'partial', amount: 1_850_000, reasonCodes: ['insufficient_proof'] })),
    ).toEqual(['partial_not_below_claimed_loss']);
  });

  it('reject, request evidence and defer carry no amount', () => {
    for (const outcome of ['reject', 'request_evidence', 'defer'] as Outcome[]) {
      const issues = codes(draft({ outcome, amount: 10, reasonCodes: ['other'], note: 'x' }));
      expect(issues).toContain('amount_not_allowed');
    }
  });
});

describe('decision reasons', () => {
  it('a rejection needs at least one reason code; "other" needs a note', () => {
    expect(codes(draft({ outcome: 'reject', amount: null }))).toEqual(['reason_required']);
    expect(
      codes(draft({ outcome: 'reject', amount: null, reasonCodes: ['not_caused_by_outage'] })),
    ).toEqual([]);
    expect(codes(draft({ outcome: 'reject', amount: null, reasonCodes: ['other'] }))).toEqual([
      'note_required_for_other',
    ]);
    expect(
      codes(
        draft({ outcome: 'reject', amount: null, reasonCodes: ['other'], note: '영업 기록 없음' }),
      ),
    ).toEqual([]);
    expect(
      codes(
        draft({
          outcome: 'reject',
          amount: null,
          reasonCodes: ['duplicate_claim', 'duplicate_claim'],
        }),
      ),
    ).toEqual(['duplicate_reason']);
  });

  it('an approval takes no reason code', () => {
    expect(codes(draft({ reasonCodes: ['insufficient_proof'] }))).toEqual(['reason_not_allowed']);
  });

  it('an evidence request says which evidence', () => {
    expect(codes(draft({ outcome: 'request_evidence', amount: null }))).toEqual([
      'note_required_for_evidence_request',
    ]);
    expect(
      codes(draft({ outcome: 'request_evidence', amount: null, note: '10월 POS 매출 자료' })),
    ).toEqual([]);
  });

  it('a note has a length limit', () => {
    expect(codes(draft({ outcome: 'defer', amount: null, note: 'x'.repeat(4001) }))).toEqual([
      'note_too_long',
    ]);
  });

  it('only committee-review claims take decisions', () => {
    expect(codes(draft(), { ...undecided, reviewable: false })).toEqual(['claim_not_reviewable']);
  });
});

describe('the decision state machine', () => {
  it('only approvals carry an amount', () => {
    expect(OUTCOMES.filter(outcomeTakesAmount)).toEqual(['approve', 'partial']);
    expect(outcomeTakesAmount(null)).toBe(false);
  });

  it('maps each outcome to the state it leaves the claim in', () => {
    expect(OUTCOMES.map(stateAfter)).toEqual([
      'approved',
      'partially_approved',
      'rejected',
      'evidence_requested',
      'deferred',
    ]);
    expect(reviewStateOf(null)).toBe('undecided');
  });

  it('first decision, follow-up after an interim outcome, amendment after a final one', () => {
    expect(REVIEW_STATES.map(transitionKind)).toEqual([
      'first',
      'follow_up',
      'follow_up',
      'amendment',
      'amendment',
      'amendment',
    ]);
  });

  it('a first decision replaces nothing', () => {
    expect(codes(draft({ replacesId: 3 }))).toEqual(['nothing_to_replace']);
  });

  it('a follow-up points at the current decision and needs no amendment reason', () => {
    const ctx: DecisionContext = { ...undecided, current: { id: 7, outcome: 'defer' } };
    expect(codes(draft({ replacesId: 7 }), ctx)).toEqual([]);
    expect(codes(draft({ replacesId: null }), ctx)).toEqual(['must_replace_current']);
    expect(codes(draft({ replacesId: 6 }), ctx)).toEqual(['must_replace_current']);
    expect(codes(draft({ replacesId: 7, amendmentReason: '왜' }), ctx)).toEqual([
      'amendment_reason_not_allowed',
    ]);
  });

  it('changing a final decision is an amendment with a reason', () => {
    const ctx: DecisionContext = { ...undecided, current: { id: 9, outcome: 'approve' } };
    expect(codes(draft({ replacesId: 9 }), ctx)).toEqual(['amendment_reason_required']);
    expect(codes(draft({ replacesId: 9, amendmentReason: '   ' }), ctx)).toEqual([
      'amendment_reason_required',
    ]);
    expect(
      codes(draft({ replacesId: 9, amendmentReason: '추가 증빙 확인 결과 감액' }), ctx),
    ).toEqual([]);
  });

  it('property: whatever passes validation carries an amount exactly when it should, within the loss', () => {
    const anyDraft = fc.record({
      outcome: fc.constantFrom(...OUTCOMES),
      amount: fc.option(fc.integer({ min: -10, max: 3_000_000 })),
      reasonCodes: fc.subarray([...REASON_CODES]),
      note: fc.string({ maxLength: 20 }),
    });
    const anyCurrent = fc.option(
      fc.record({ id: fc.integer({ min: 1, max: 100 }), outcome: fc.constantFrom(...OUTCOMES) }),
    );
    fc.assert(
      fc.property(anyDraft, anyCurrent, (partial, current) => {
        const ctx: DecisionContext = { ...undecided, current };
        const kind = transitionKind(reviewStateOf(current));
        const d = draft({
          ...partial,
          replacesId: current?.id ?? null,
          amendmentReason: kind === 'amendment' ? '사유' : null,
        });
        const issues = validateDecision(d, ctx);
        if (issues.length > 0) return true;
        // Whatever passes is internally consistent: amounts only with approvals, within the loss.
        const withAmount = d.outcome === 'approve' || d.outcome === 'partial';
        return (
          withAmount === (d.amount !== null) &&
          (d.amount === null || (d.amount > 0 && d.amount <= 1_850_000))
        );
      }),
    );
  });
});

import type { Outcome, ReasonCode } from '../decision';

/** One member's recommendation on one claim, as the grid compares them. */
export interface MemberRecommendation {
  member: string;
  outcome: Outcome;
  /** Integer KRW for approve and partial; null otherwise. */
  amount: number | null;
  reasonCodes: ReasonCode[];
}

export type Agreement = 'none' | 'single' | 'agree' | 'conflict';

/** Outcomes that carry an amount: two of them agree only when the amounts are equal too. */
const TAKES_AMOUNT: ReadonlySet<Outcome> = new Set<Outcome>(['approve', 'partial']);

/**
 * How members' recommendations on one claim stand to each other: 'none' without any, 'single'
 * with one, 'agree' when all name the same outcome and, for an outcome that takes an amount
 * (approve, partial), the same amount; otherwise 'conflict'. Reason codes and notes are
 * explanation, not part of the recommendation: two members rejecting for different reasons
 * agree on the outcome, which is what the meeting votes on.
 */
export function agreementOf(
  recs: readonly Pick<MemberRecommendation, 'outcome' | 'amount'>[],
): Agreement {
  if (recs.length === 0) return 'none';
  if (recs.length === 1) return 'single';
  const [first] = recs;
  const same = recs.every(
    (r) =>
      r.outcome === first!.outcome && (!TAKES_AMOUNT.has(r.outcome) || r.amount === first!.amount),
  );
  return same ? 'agree' : 'conflict';
}

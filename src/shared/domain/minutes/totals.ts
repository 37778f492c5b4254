import { OUTCOMES, type Outcome } from '../decision';
import { TIERS, type Tier } from '../tier';

/**
 * The minutes' totals: how many claims the meeting decided and for how much, by tier and by
 * outcome. `claimed` is the claimants' reported loss, `decided` what the council granted
 * (approve and partial carry an amount; every other outcome grants 0). Integer KRW.
 */
export interface TotalRow {
  count: number;
  claimed: number;
  decided: number;
}

export interface MinutesTotals {
  /** Only the tiers the agenda holds (in practice committee_review), in the tier rule's order. */
  byTier: (TotalRow & { tier: Tier })[];
  /** Every outcome, zeros included, so a reader sees "기각 0건" rather than a missing line. */
  byOutcome: (TotalRow & { outcome: Outcome })[];
  all: TotalRow;
}

interface Totalled {
  tier: Tier;
  claimedLoss: number | null;
  decision: { outcome: Outcome; amount: number | null };
}

const empty = (): TotalRow => ({ count: 0, claimed: 0, decided: 0 });

function add(row: TotalRow, item: Totalled): void {
  row.count += 1;
  row.claimed += item.claimedLoss ?? 0;
  row.decided += item.decision.amount ?? 0;
  if (!Number.isSafeInteger(row.claimed) || !Number.isSafeInteger(row.decided))
    throw new RangeError('minutes totals exceed the safe integer range of KRW');
}

export function minutesTotals(items: readonly Totalled[]): MinutesTotals {
  const byTier = new Map<Tier, TotalRow>();
  const byOutcome = new Map<Outcome, TotalRow>(OUTCOMES.map((o) => [o, empty()]));
  const all = empty();
  for (const item of items) {
    if (!byTier.has(item.tier)) byTier.set(item.tier, empty());
    add(byTier.get(item.tier)!, item);
    add(byOutcome.get(item.decision.outcome)!, item);
    add(all, item);
  }
  return {
    byTier: TIERS.filter((tier) => byTier.has(tier)).map((tier) => ({
      tier,
      ...byTier.get(tier)!,
    })),
    byOutcome: OUTCOMES.map((outcome) => ({ outcome, ...byOutcome.get(outcome)! })),
    all,
  };
}

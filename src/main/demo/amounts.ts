import { formatKrwPlain } from '../../shared/domain/money';
import type { Random } from './random';

/**
 * Claimed losses and the ways claimants spell them. The small-business mix is what the council's
 * brackets were built around (docs/domain.md): about 45% at or under 300,000 KRW, 25% up to 500,000
 * and 30% above, so every tier of the review queue has work in it.
 */

/** The bracket edges the tier rule must get right; they turn up in real batches too. */
export const BOUNDARY_LOSSES = [300_000, 300_001, 500_000, 500_001] as const;

const BOUNDARY_SHARE = 0.03;

/** Rounds up to a unit claimants would use, staying within [lo, hi]. */
function roundWithin(rnd: Random, value: number, lo: number, hi: number): number {
  const unit = rnd.weighted<number>([
    [10_000, 60],
    [1_000, 28],
    [100, 8],
    [1, 4],
  ]);
  const rounded = Math.ceil(value / unit) * unit;
  if (rounded < lo) return lo;
  return rounded > hi ? hi : rounded;
}

function boundaryIn(rnd: Random, lo: number, hi: number): number | null {
  if (!rnd.chance(BOUNDARY_SHARE)) return null;
  const inside = BOUNDARY_LOSSES.filter((b) => b >= lo && b <= hi);
  return inside.length > 0 ? rnd.pick(inside) : null;
}

export function smallBusinessLoss(rnd: Random): number {
  const bracket = rnd.weighted<0 | 1 | 2>([
    [0, 45],
    [1, 25],
    [2, 30],
  ]);
  if (bracket === 0) {
    const edge = boundaryIn(rnd, 0, 300_000);
    // Skewed towards the top of the bracket: a lost evening's trade is rarely tiny.
    return edge ?? roundWithin(rnd, 20_000 + 280_000 * rnd.float() ** 0.6, 10_000, 300_000);
  }
  if (bracket === 1) {
    const edge = boundaryIn(rnd, 300_001, 500_000);
    return edge ?? roundWithin(rnd, 300_001 + 199_999 * rnd.float(), 300_001, 500_000);
  }
  const edge = boundaryIn(rnd, 500_001, Number.MAX_SAFE_INTEGER);
  // Pareto tail: most reviews are under two million, a few are tens of millions.
  const tail = 500_001 / (1 - rnd.float()) ** (1 / 1.4);
  return edge ?? roundWithin(rnd, Math.min(tail, 80_000_000), 500_001, 80_000_000);
}

export function enterpriseLoss(rnd: Random): number {
  const value = 10 ** (6 + rnd.float() * 2.7); // 1,000,000 .. about 500,000,000
  return Math.ceil(value / 1_000_000) * 1_000_000;
}

/** Individuals' money claims are subscriptions, fares and vouchers: a few thousand won up. */
export function individualLoss(rnd: Random): number {
  const value = 10 ** (3 + rnd.float() * 2.3);
  return Math.ceil(value / 100) * 100;
}

/** "2천", "2천5백", or the digits: how the part before 만 or 억 is usually written. */
function koreanGroup(n: number): string {
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}천`;
  if (n >= 1000 && n % 100 === 0) return `${Math.floor(n / 1000)}천${(n % 1000) / 100}백`;
  return String(n);
}

/** "1억 2천만원", "123만원"; only for amounts that are whole 만 (10,000 KRW). */
export function koreanUnits(value: number): string {
  const eok = Math.floor(value / 100_000_000);
  const man = Math.floor((value % 100_000_000) / 10_000);
  const parts: string[] = [];
  if (eok > 0) parts.push(`${eok}억`);
  if (man > 0) parts.push(`${koreanGroup(man)}만`);
  return `${parts.join(' ')}원`;
}

/** One of the spellings docs/domain.md lists, chosen so that each still reads back as `value`. */
export function spellLoss(rnd: Random, value: number): string {
  const grouped = formatKrwPlain(value);
  const wholeMan = value > 0 && value % 10_000 === 0;
  const style = rnd.weighted<'grouped' | 'won' | 'units' | 'sign' | 'plain'>([
    ['grouped', 30],
    ['won', 25],
    ['units', wholeMan ? 25 : 0],
    ['sign', 5],
    ['plain', 15],
  ]);
  switch (style) {
    case 'grouped':
      return grouped;
    case 'won':
      return `${grouped}원`;
    case 'units':
      return koreanUnits(value);
    case 'sign':
      return `₩${grouped}`;
    case 'plain':
      return String(value);
  }
}

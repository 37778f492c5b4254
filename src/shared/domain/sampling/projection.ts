import type { ProportionInterval } from './wilson';

/*
 * What the bracket errors would cost over a whole stratum: the share not confirmed, times the
 * claims in the stratum, times the bracket amount each was paid. Money is integer KRW.
 */

export interface ProjectedAmount {
  /** Whole won: x/n · N · bracket, rounded to the nearest won (halves up). */
  point: number;
  /** The same with the interval's bounds in place of x/n, rounded the same way. */
  low: number;
  high: number;
}

/**
 * The point estimate is computed in integers (x·N·bracket / n, rounded half up by integer
 * division), so it is exact whatever the float of x/n would be; the bounds are irrational and
 * come from the floating interval, rounded with Math.round (half up for positive amounts).
 * Inputs stay far below 2^53: 105,116 claims × 50,000 won × a sample of ~1,100 is ~6·10^12.
 */
export function projectOverpayment(
  counts: { notConfirmed: number; checked: number },
  population: number,
  bracketAmount: number,
  interval: ProportionInterval | null,
): ProjectedAmount | null {
  const { notConfirmed: x, checked: n } = counts;
  if (n === 0 || interval === null) return null;
  // round(x·N·b / n) = floor((2·x·N·b + n) / 2n), with the remainder taken off first so the
  // division is of exact multiples.
  const twice = 2 * x * population * bracketAmount + n;
  return {
    point: (twice - (twice % (2 * n))) / (2 * n),
    low: Math.round(interval.low * population * bracketAmount),
    high: Math.round(interval.high * population * bracketAmount),
  };
}

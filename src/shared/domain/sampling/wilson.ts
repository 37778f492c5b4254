/*
 * The Wilson score interval for a proportion: x "not confirmed" among n checked claims, at the
 * sample's z. Chosen over the plain p ± z·sqrt(p(1−p)/n) because bracket errors are expected to
 * be rare, and at x = 0 the plain interval collapses to [0, 0] while Wilson's still says how
 * large the rate could be.
 */

export interface ProportionInterval {
  low: number;
  high: number;
}

/**
 * centre (x + z²/2)/(n + z²), half-width z·sqrt(x(n−x)/n + z²/4)/(n + z²). With nothing
 * checked there is no interval (null). At x = 0 the lower bound is exactly 0 and at x = n the
 * upper exactly 1; they are set so, since floating point lands a hair either side.
 */
export function wilsonInterval(x: number, n: number, z: number): ProportionInterval | null {
  if (!Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(x) || x < 0 || x > n)
    throw new RangeError(`a proportion needs 0 <= x <= n in whole numbers, not ${x} of ${n}`);
  if (n === 0) return null;
  const z2 = z * z;
  const centre = (x + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((x * (n - x)) / n + z2 / 4)) / (n + z2);
  return {
    low: x === 0 ? 0 : Math.max(0, centre - half),
    high: x === n ? 1 : Math.min(1, centre + half),
  };
}

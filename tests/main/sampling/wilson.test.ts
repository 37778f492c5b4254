import { describe, expect, it } from 'vitest';
import { projectOverpayment, wilsonInterval } from '../../../src/shared/domain/sampling';

/*
 * The Wilson score interval against a reference found by another route: its bounds are the two
 * roots p of (p̂ − p)² = z²·p(1−p)/n, found here by bisection on each side of p̂.
 */

const Z = { '0.90': 1.6448536269514722, '0.95': 1.959963984540054, '0.99': 2.5758293035489004 };

function scoreRoots(x: number, n: number, z: number): { low: number; high: number } {
  const phat = x / n;
  const f = (p: number) => (phat - p) ** 2 - (z * z * p * (1 - p)) / n;
  // f > 0 beyond each root and f <= 0 between them (f(p̂) <= 0): bisect on the sign of f.
  const root = (inside: number, outside: number) => {
    let [a, b] = [inside, outside];
    for (let i = 0; i < 200; i++) {
      const mid = (a + b) / 2;
      if (f(mid) > 0) b = mid;
      else a = mid;
    }
    return (a + b) / 2;
  };
  return { low: x === 0 ? 0 : root(phat, 0), high: x === n ? 1 : root(phat, 1) };
}

describe('Wilson score interval', () => {
  const cases: [number, number][] = [
    [0, 1],
    [0, 10],
    [0, 1068],
    [1, 1],
    [1, 10],
    [3, 20],
    [10, 10],
    [17, 1049],
    [250, 500],
    [1068, 1068],
  ];
  it.each(Object.entries(Z))('matches the roots of the score equation at %s', (_, z) => {
    for (const [x, n] of cases) {
      const interval = wilsonInterval(x, n, z)!;
      const reference = scoreRoots(x, n, z);
      expect(interval.low, `${x}/${n}`).toBeCloseTo(reference.low, 12);
      expect(interval.high, `${x}/${n}`).toBeCloseTo(reference.high, 12);
      expect(interval.low).toBeLessThanOrEqual(x / n);
      expect(interval.high).toBeGreaterThanOrEqual(x / n);
    }
  });

  it('starts at 0 with none found and ends at 1 with all found, yet is never a point', () => {
    const none = wilsonInterval(0, 20, Z['0.95'])!;
    expect(none.low).toBe(0);
    expect(none.high).toBeGreaterThan(0.1);
    const all = wilsonInterval(20, 20, Z['0.95'])!;
    expect(all.high).toBe(1);
    expect(all.low).toBeLessThan(0.9);
  });

  it('gives no interval when nothing was checked, and refuses counts that do not fit', () => {
    expect(wilsonInterval(0, 0, Z['0.95'])).toBeNull();
    expect(() => wilsonInterval(3, 2, Z['0.95'])).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2, Z['0.95'])).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2, Z['0.95'])).toThrow(RangeError);
  });
});

describe('projected overpayment', () => {
  it('is rate × population × bracket in whole won, the bounds likewise', () => {
    const interval = wilsonInterval(3, 20, Z['0.95'])!;
    const projected = projectOverpayment(
      { notConfirmed: 3, checked: 20 },
      60_000,
      30_000,
      interval,
    )!;
    expect(projected.point).toBe(270_000_000);
    expect(projected.low).toBe(Math.round(interval.low * 60_000 * 30_000));
    expect(projected.high).toBe(Math.round(interval.high * 60_000 * 30_000));
  });

  it('rounds the point to the nearest won, halves up, exactly', () => {
    // 1/3 × 1 × 50,000 = 16,666.67 → 16,667; 1/8 × 3 × 4 = 1.5 → 2; 1/16 × 1 × 8 = 0.5 → 1.
    const any = { low: 0, high: 1 };
    expect(projectOverpayment({ notConfirmed: 1, checked: 3 }, 1, 50_000, any)!.point).toBe(16_667);
    expect(projectOverpayment({ notConfirmed: 1, checked: 8 }, 3, 4, any)!.point).toBe(2);
    expect(projectOverpayment({ notConfirmed: 1, checked: 16 }, 1, 8, any)!.point).toBe(1);
    expect(projectOverpayment({ notConfirmed: 0, checked: 16 }, 1, 8, any)!.point).toBe(0);
  });

  it('is unknown before any check', () => {
    expect(projectOverpayment({ notConfirmed: 0, checked: 0 }, 100, 30_000, null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  cochranSize,
  SamplingRuleError,
  stratumSampleSize,
  zFor,
} from '../../../src/shared/domain/sampling';

/*
 * Sample sizes per stratum. The reference here takes another route to the same rule: the
 * smallest n whose margin with the finite-population correction, z·sqrt(p(1−p)/n · (N−n)/(N−1))
 * at p = 0.5, is within the margin asked for, found by search.
 */

const Z95 = 1.959963984540054;

function smallestSizeWithin(population: number, z: number, margin: number): number {
  for (let n = 1; n <= population; n++) {
    const achieved = z * Math.sqrt((0.25 / n) * ((population - n) / (population - 1)));
    if (achieved <= margin) return n;
  }
  return population;
}

describe('stratum sample size (Cochran, p = 0.5, finite-population correction)', () => {
  it('is 1068 for a huge stratum at 95% ±3% (n0 = 1067.07…)', () => {
    expect(cochranSize(Z95, 0.03)).toBeCloseTo(1067.0718, 3);
    expect(stratumSampleSize(1_000_000_000, { confidence: 0.95, margin: 0.03 })).toBe(1068);
    expect(stratumSampleSize(Number.MAX_SAFE_INTEGER, { confidence: 0.95, margin: 0.03 })).toBe(
      1068,
    );
  });

  it('shrinks with the finite-population correction for small strata: N = 500 needs 341', () => {
    expect(stratumSampleSize(500, { confidence: 0.95, margin: 0.03 })).toBe(341);
    const n0 = cochranSize(Z95, 0.03);
    expect(341).toBe(Math.ceil(n0 / (1 + (n0 - 1) / 500)));
  });

  it.each([
    [2, 0.95, 0.03],
    [50, 0.95, 0.03],
    [500, 0.95, 0.03],
    [1_000, 0.9, 0.05],
    [5_000, 0.99, 0.02],
    [60_000, 0.95, 0.03],
    [30_000, 0.99, 0.01],
  ])('N = %i at %f ±%f equals the smallest n whose corrected margin fits', (N, c, e) => {
    expect(stratumSampleSize(N, { confidence: c, margin: e })).toBe(
      smallestSizeWithin(N, zFor(c), e),
    );
  });

  it('never exceeds the stratum, and an empty stratum needs none', () => {
    for (const N of [0, 1, 2, 3, 10, 100, 1067, 1068, 1069, 10_000]) {
      const n = stratumSampleSize(N, { confidence: 0.99, margin: 0.01 });
      expect(n).toBeLessThanOrEqual(N);
      expect(n > 0).toBe(N > 0);
    }
  });

  it('knows z for 0.90, 0.95 and 0.99 only, and refuses any other confidence', () => {
    expect(zFor(0.9)).toBe(1.6448536269514722);
    expect(zFor(0.95)).toBe(Z95);
    expect(zFor(0.99)).toBe(2.5758293035489004);
    for (const level of [0.8, 0.975, 95, 0, 1, Number.NaN])
      expect(() => stratumSampleSize(100, { confidence: level, margin: 0.03 })).toThrow(
        /not supported; choose one of 0.9, 0.95, 0.99/,
      );
  });

  it('refuses a margin outside (0, 0.5) and a population that is not a whole number', () => {
    for (const margin of [0, -0.01, 0.5, 3, Number.NaN])
      expect(() => stratumSampleSize(100, { confidence: 0.95, margin })).toThrow(SamplingRuleError);
    expect(() => stratumSampleSize(100, { confidence: 0.95, margin: 0.5 })).toThrow(
      /above 0 and below 0.5/,
    );
    for (const population of [-1, 1.5, Number.NaN])
      expect(() => stratumSampleSize(population, { confidence: 0.95, margin: 0.03 })).toThrow(
        /whole number of claims/,
      );
  });
});

/*
 * How many bracket claims to check in one stratum (a tier) so the error rate is known to a
 * chosen margin at a chosen confidence. Cochran's formula for a proportion, at p = 0.5 (the
 * largest variance, since nothing is known about the error rate before checking), then the
 * finite-population correction, because a stratum of a few hundred claims needs far fewer
 * checks than an endless one. Pure arithmetic; refusals are SamplingRuleError.
 */

/**
 * The supported confidence levels and their two-sided normal quantiles z. A short table rather
 * than an inverse-normal routine: the council chooses among these three, and a stored sample's
 * z is then looked up exactly the same way on every machine.
 */
export const Z_FOR_CONFIDENCE: Readonly<Record<string, number>> = {
  '0.9': 1.6448536269514722,
  '0.95': 1.959963984540054,
  '0.99': 2.5758293035489004,
};
export const SUPPORTED_CONFIDENCE = [0.9, 0.95, 0.99] as const;
export const DEFAULT_CONFIDENCE = 0.95;
export const DEFAULT_MARGIN = 0.03;

export type SamplingRuleCode =
  'unsupported_confidence' | 'margin_out_of_range' | 'population_invalid';

export class SamplingRuleError extends Error {
  constructor(
    readonly code: SamplingRuleCode,
    message: string,
  ) {
    super(message);
    this.name = 'SamplingRuleError';
  }
}

/** z for a supported confidence level; any other level is refused, naming the ones there are. */
export function zFor(confidence: number): number {
  const z = Number.isFinite(confidence) ? Z_FOR_CONFIDENCE[String(confidence)] : undefined;
  if (z === undefined)
    throw new SamplingRuleError(
      'unsupported_confidence',
      `confidence ${String(confidence)} is not supported; choose one of ${SUPPORTED_CONFIDENCE.join(', ')}`,
    );
  return z;
}

/** The margin is a half-width on a proportion: above 0 and below 0.5 (0.03 is ±3 points). */
export function checkMargin(margin: number): number {
  if (!Number.isFinite(margin) || margin <= 0 || margin >= 0.5)
    throw new SamplingRuleError(
      'margin_out_of_range',
      `margin ${String(margin)} must be above 0 and below 0.5 (0.03 means ±3 percentage points)`,
    );
  return margin;
}

/** Cochran's n0 = z²·p(1−p)/e² at p = 0.5: the size for an endless population. */
export function cochranSize(z: number, margin: number): number {
  return (z * z * 0.25) / (margin * margin);
}

/**
 * The size for a stratum of `population` claims: n = ceil(n0 / (1 + (n0 − 1)/N)), never more
 * than N. An empty stratum needs none.
 */
export function stratumSampleSize(
  population: number,
  rule: { confidence: number; margin: number },
): number {
  if (!Number.isSafeInteger(population) || population < 0)
    throw new SamplingRuleError(
      'population_invalid',
      `a stratum's population is a whole number of claims, not ${String(population)}`,
    );
  const n0 = cochranSize(zFor(rule.confidence), checkMargin(rule.margin));
  if (population === 0) return 0;
  return Math.min(population, Math.ceil(n0 / (1 + (n0 - 1) / population)));
}

import type { Tier } from '../tier';
import { projectOverpayment, type ProjectedAmount } from './projection';
import { zFor } from './sample-size';
import { wilsonInterval, type ProportionInterval } from './wilson';

/*
 * A post-payment sample's figures: per stratum (bracket tier) the claims checked so far, the
 * share not confirmed with its Wilson interval, and what that share would cost over the whole
 * stratum. The same function feeds the CLI, the summary screen and the minutes, so they cannot
 * disagree on a figure.
 */

/** The strata: the two brackets paid without proof. */
export const SAMPLED_TIERS = ['tier_30k', 'tier_50k'] as const satisfies readonly Tier[];
export type SampledTier = (typeof SAMPLED_TIERS)[number];

/**
 * How the claims were chosen, recorded with each sample: within a stratum, the claim ids ranked
 * by the SHA-256 hex of `${seed}:${claimId}` (UTF-8), ascending, and the first n taken.
 */
export const SELECTION_METHOD = 'sha256-rank-v1';

export const VERDICTS = ['confirmed', 'not_confirmed'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface SampleRecord {
  id: number;
  drawnAt: string;
  drawnBy: string;
  seed: string;
  confidence: number;
  margin: number;
  method: string;
  /** null: the whole workspace. */
  batchId: number | null;
}

export interface StratumCounts {
  tier: SampledTier;
  /** Bracket claims in the stratum when the sample was drawn. */
  population: number;
  size: number;
  /** Integer KRW each claim of the stratum was paid. */
  bracketAmount: number;
  /** Sampled claims with a check; a later check of a claim replaces its earlier one. */
  checked: number;
  notConfirmed: number;
}

export interface StratumFigures extends StratumCounts {
  /** notConfirmed / checked; null before any check. */
  errorRate: number | null;
  interval: ProportionInterval | null;
  projected: ProjectedAmount | null;
}

export interface SampleSummary {
  sample: SampleRecord & { z: number };
  strata: StratumFigures[];
  totals: {
    population: number;
    size: number;
    checked: number;
    notConfirmed: number;
    /**
     * The strata's projections added up, bounds included (each stratum's interval at the
     * sample's confidence; the sum is not a joint interval). Null until every stratum with
     * sampled claims has a check, since a stratum not yet checked would count as no error.
     */
    projected: ProjectedAmount | null;
  };
}

function figuresOf(counts: StratumCounts, z: number): StratumFigures {
  const interval = wilsonInterval(counts.notConfirmed, counts.checked, z);
  return {
    ...counts,
    errorRate: counts.checked === 0 ? null : counts.notConfirmed / counts.checked,
    interval,
    projected: projectOverpayment(counts, counts.population, counts.bracketAmount, interval),
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function summariseSample(sample: SampleRecord, strata: StratumCounts[]): SampleSummary {
  const z = zFor(sample.confidence);
  const figures = SAMPLED_TIERS.flatMap((tier) => strata.filter((s) => s.tier === tier)).map(
    (counts) => figuresOf(counts, z),
  );
  const sampled = figures.filter((s) => s.size > 0);
  const projections = sampled.map((s) => s.projected);
  const complete = sampled.length > 0 && projections.every((p) => p !== null);
  const of = (key: keyof ProjectedAmount) => sum(projections.map((p) => p![key]));
  return {
    sample: { ...sample, z },
    strata: figures,
    totals: {
      population: sum(figures.map((s) => s.population)),
      size: sum(figures.map((s) => s.size)),
      checked: sum(figures.map((s) => s.checked)),
      notConfirmed: sum(figures.map((s) => s.notConfirmed)),
      projected: complete ? { point: of('point'), low: of('low'), high: of('high') } : null,
    },
  };
}

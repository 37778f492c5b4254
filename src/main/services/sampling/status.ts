import {
  summariseSample,
  type SampleRecord,
  type SampleSummary,
} from '../../../shared/domain/sampling';
import type { Db } from '../../db/connection';
import {
  findSample,
  latestSample,
  listSampledClaims,
  stratumCounts,
  type SampledClaim,
} from '../../db/repositories/samples';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** The sample with this id, or a refusal naming the latest one there is. */
export function requireSample(db: Db, sampleId: number): SampleRecord {
  const sample = findSample(db, sampleId);
  if (sample) return sample;
  const latest = latestSample(db);
  throw new ServiceError(
    'not_found',
    latest
      ? `sample ${sampleId} does not exist; the latest sample is ${latest.id}`
      : `sample ${sampleId} does not exist; no sample has been drawn in this workspace yet (sample draw)`,
    [{ path: 'sampleId', code: 'unknown_sample', message: `no sample ${sampleId}` }],
  );
}

/** A sample's figures as they stand: every check so far, the latest per claim. */
export function summaryOf(db: Db, sample: SampleRecord): SampleSummary {
  return summariseSample(sample, stratumCounts(db, sample.id));
}

/** The latest sample's figures, or null when none was drawn (what the minutes carry). */
export function latestSampleSummary(db: Db): SampleSummary | null {
  const sample = latestSample(db);
  return sample ? summaryOf(db, sample) : null;
}

/** One sample's figures (the latest when no id is given); null only when none was drawn. */
export function sampleStatus(
  ctx: ServiceContext,
  request: { sampleId?: number | undefined },
): SampleSummary | null {
  if (request.sampleId === undefined) return latestSampleSummary(ctx.db);
  return summaryOf(ctx.db, requireSample(ctx.db, request.sampleId));
}

/** The sampled claims to work through, by stratum and rank, with their current verdicts. */
export function listSample(
  ctx: ServiceContext,
  sampleId: number,
): { sample: SampleRecord; claims: SampledClaim[] } {
  const sample = requireSample(ctx.db, sampleId);
  return { sample, claims: listSampledClaims(ctx.db, sample.id) };
}

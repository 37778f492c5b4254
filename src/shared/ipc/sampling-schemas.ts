import { z } from 'zod';
import { SAMPLE_CHECKERS, SECRETARIAT } from '../domain/acts';
import { NOTE_MAX_LENGTH, REASON_CODES } from '../domain/decision';
import { SAMPLED_TIERS, VERDICTS } from '../domain/sampling';
import { claimId, krw } from './schemas';

/**
 * Post-payment sampling of the bracket payouts: the secretary draws a seeded sample per tier
 * (sampling:draw), the council records each sampled claim's check (sampling:check), and anyone
 * reads the error rates and projected overpayment (sampling:status).
 */

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const sampleId = z.number().int().positive();
const isoDateTime = z.string().min(10).max(40);

const interval = z.object({ low: share, high: share });
const projected = z.object({ point: krw, low: krw, high: krw });

const stratum = z.object({
  tier: z.enum(SAMPLED_TIERS),
  population: count,
  size: count,
  bracketAmount: krw,
  checked: count,
  notConfirmed: count,
  errorRate: share.nullable(),
  interval: interval.nullable(),
  projected: projected.nullable(),
});

export const sampleSummary = z.object({
  sample: z.object({
    id: sampleId,
    drawnAt: isoDateTime,
    drawnBy: z.string(),
    seed: z.string(),
    confidence: share,
    margin: share,
    method: z.string(),
    batchId: z.number().int().positive().nullable(),
    z: z.number().positive(),
  }),
  strata: z.array(stratum),
  totals: z.object({
    population: count,
    size: count,
    checked: count,
    notConfirmed: count,
    projected: projected.nullable(),
  }),
});
export type SampleSummaryDto = z.infer<typeof sampleSummary>;

export const sampleCheck = z.object({
  id: z.number().int().positive(),
  sampleId,
  claimId,
  verdict: z.enum(VERDICTS),
  reasonCodes: z.array(z.enum(REASON_CODES)),
  note: z.string(),
  checkedBy: z.string(),
  checkedAt: isoDateTime,
});

export const samplingContract = {
  'sampling:draw': {
    lock: 'write',
    roles: SECRETARIAT,
    request: z
      .object({
        /** 0.90, 0.95 or 0.99 (default 0.95); main refuses any other level. */
        confidence: z.number().gt(0).lt(1).optional(),
        /** Half-width on the error rate, 0 < margin < 0.5 (default 0.03). */
        margin: z.number().gt(0).lt(0.5).optional(),
        /** Absent: main makes a random one. Recorded either way. */
        seed: z.string().min(1).max(200).optional(),
        batchId: z.number().int().positive().optional(),
      })
      .strict(),
    response: sampleSummary,
  },
  'sampling:check': {
    lock: 'write',
    roles: SAMPLE_CHECKERS,
    request: z
      .object({
        sampleId,
        claimId,
        verdict: z.enum(VERDICTS),
        reasonCodes: z.array(z.enum(REASON_CODES)).max(REASON_CODES.length),
        note: z.string().max(NOTE_MAX_LENGTH).optional(),
      })
      .strict(),
    response: z.object({ check: sampleCheck, summary: sampleSummary }),
  },
  'sampling:status': {
    lock: 'none',
    /** Absent sampleId: the latest sample. */
    request: z.object({ sampleId: sampleId.optional() }).strict(),
    /** null: no sample has been drawn in this workspace. */
    response: z.object({ summary: sampleSummary.nullable() }),
  },
} as const;

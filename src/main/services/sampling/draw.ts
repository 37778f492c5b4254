import { SECRETARIAT } from '../../../shared/domain/acts';
import {
  checkMargin,
  DEFAULT_CONFIDENCE,
  DEFAULT_MARGIN,
  SAMPLED_TIERS,
  SamplingRuleError,
  SELECTION_METHOD,
  stratumSampleSize,
  zFor,
  type SampleSummary,
} from '../../../shared/domain/sampling';
import { FIXED_SUPPORT } from '../../../shared/domain/tier';
import { durableTransaction } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import { findBatchById } from '../../db/repositories/batches';
import {
  insertSample,
  insertStratum,
  listBracketClaims,
  sampledClaimInserter,
} from '../../db/repositories/samples';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { sha256Hex } from '../hashing';
import { requireRole, signerOf } from '../identity/acting';
import { byStratum, newSeed, selectStratum } from './selection';
import { requireSample, summaryOf } from './status';

export interface DrawRequest {
  confidence?: number | undefined;
  margin?: number | undefined;
  /** Any text; a fresh random one when absent. Recorded, so the draw can be repeated. */
  seed?: string | undefined;
  /** One batch's bracket claims; absent: the whole workspace's. */
  batchId?: number | undefined;
}

export const SEED_MAX_LENGTH = 200;

function checkRule(confidence: number, margin: number): void {
  try {
    zFor(confidence);
    checkMargin(margin);
  } catch (error) {
    if (!(error instanceof SamplingRuleError)) throw error;
    const path = error.code === 'unsupported_confidence' ? 'confidence' : 'margin';
    throw new ServiceError('validation_failed', `${error.message} (--${path})`, [
      { path, code: error.code, message: error.message },
    ]);
  }
}

function checkSeed(seed: string): string {
  if (seed.trim() === '' || seed.length > SEED_MAX_LENGTH)
    throw new ServiceError(
      'validation_failed',
      `a seed is some text of 1 to ${SEED_MAX_LENGTH} characters, not blank (--seed)`,
      [{ path: 'seed', code: 'seed_invalid', message: 'the seed is blank or too long' }],
    );
  return seed;
}

/**
 * Draws a post-payment sample of the bracket claims, stratified by tier, sized by Cochran's
 * formula with the finite-population correction (shared/domain/sampling), chosen by seed
 * (selection.ts), and records it with the audit entry in one transaction.
 */
export function drawSample(ctx: ServiceContext, request: DrawRequest): SampleSummary {
  const person = requireRole(ctx, SECRETARIAT, 'Drawing a sample');
  const confidence = request.confidence ?? DEFAULT_CONFIDENCE;
  const margin = request.margin ?? DEFAULT_MARGIN;
  checkRule(confidence, margin);
  const seed = checkSeed(request.seed ?? newSeed());
  const batchId = request.batchId ?? null;
  return durableTransaction(
    ctx.db,
    () => {
      if (batchId !== null && !findBatchById(ctx.db, batchId))
        throw new ServiceError('not_found', `batch ${batchId} does not exist (--batch)`, [
          { path: 'batchId', code: 'unknown_batch', message: `no batch ${batchId}` },
        ]);
      const population = byStratum(listBracketClaims(ctx.db, batchId));
      if (SAMPLED_TIERS.every((tier) => population[tier].length === 0))
        throw new ServiceError(
          'validation_failed',
          `${batchId === null ? 'the workspace' : `batch ${batchId}`} has no tier_30k or tier_50k claims to sample`,
          [{ path: 'batchId', code: 'empty_population', message: 'no bracket claims' }],
        );
      const drawnAt = ctx.now().toISOString();
      const sampleId = insertSample(ctx.db, {
        drawnAt,
        drawnBy: person.name,
        seed,
        confidence,
        margin,
        method: SELECTION_METHOD,
        batchId,
      });
      const insertClaim = sampledClaimInserter(ctx.db);
      const strata = SAMPLED_TIERS.map((tier) => {
        const ids = population[tier];
        const size = stratumSampleSize(ids.length, { confidence, margin });
        const bracketAmount = FIXED_SUPPORT[tier]!;
        insertStratum(ctx.db, { sampleId, tier, population: ids.length, size, bracketAmount });
        const chosen = selectStratum(seed, ids, size);
        chosen.forEach((claimId, i) => insertClaim({ sampleId, claimId, tier, position: i + 1 }));
        return { tier, population: ids.length, size, bracketAmount, chosen };
      });
      appendAudit(ctx.db, signerOf(ctx), {
        at: drawnAt,
        action: 'sample.drawn',
        subjectType: 'sample',
        subjectId: String(sampleId),
        details: {
          seed,
          confidence,
          margin,
          method: SELECTION_METHOD,
          batchId,
          strata: strata.map(({ tier, population, size, bracketAmount }) => ({
            tier,
            population,
            size,
            bracketAmount,
          })),
          // The drawn ids in rank order, hashed: a redraw can be compared without the list.
          claimsSha256: sha256Hex(strata.map((s) => `${s.tier}:${s.chosen.join(',')}`).join('\n')),
        },
      });
      return summaryOf(ctx.db, requireSample(ctx.db, sampleId));
    },
    'immediate',
  );
}

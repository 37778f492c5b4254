import type { Serve } from '../channel';
import { checkSampledClaim } from './check';
import { drawSample } from './draw';
import { requireSample, sampleStatus, summaryOf } from './status';

/** sampling:* — post-payment samples of the bracket payouts: draw, check, read the figures. */
export const draw: Serve<'sampling:draw'> = (ctx, request) => drawSample(ctx, request);

export const check: Serve<'sampling:check'> = (ctx, request) => {
  const recorded = checkSampledClaim(ctx, request);
  return { check: recorded, summary: summaryOf(ctx.db, requireSample(ctx.db, request.sampleId)) };
};

export const status: Serve<'sampling:status'> = (ctx, request) => ({
  summary: sampleStatus(ctx, request),
});

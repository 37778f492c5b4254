import type { Serve } from '../channel';
import { batchStats } from './stats';

/** stats:* — the published shares, for one batch or all. */
export const get: Serve<'stats:get'> = (ctx, request) => batchStats(ctx, request.batchId);

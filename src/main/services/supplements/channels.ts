import type { Serve } from '../channel';
import { attachEvidence } from './attach';

/** supplements:* — evidence that arrives after a claim's batch, attached to the claim. */
export const attach: Serve<'supplements:attach'> = (ctx, request) => attachEvidence(ctx, request);

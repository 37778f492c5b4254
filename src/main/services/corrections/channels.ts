import type { Serve } from '../channel';
import { correctClaim } from './correct-claim';

/** corrections:* — a claim's data corrected as a new version of the claim. */
export const correct: Serve<'corrections:correct'> = (ctx, request) =>
  correctClaim(ctx, { ...request, changes: { ...request.changes } as Record<string, string> });

import type { Serve } from '../channel';
import { loadSampleClaims, workspaceSummary } from './workspace';

/** workspace:* — the workspace as a whole. */
export const counts: Serve<'workspace:counts'> = (ctx) => workspaceSummary(ctx);

export const loadSample: Serve<'workspace:loadSample'> = (ctx) => loadSampleClaims(ctx);

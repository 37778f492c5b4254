import type { Serve } from '../channel';
import { secretarySummary } from '.';

/** payouts:* — the secretary's summary of what will be paid, by basis and bracket. */
export const summary: Serve<'payouts:summary'> = (ctx, request) => secretarySummary(ctx, request);

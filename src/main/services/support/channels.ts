import type { Serve } from '../channel';
import { recordSupportCalculation } from './record-calculation';

/** support:* — the 지원금 calculator for a committee-review claim. */
export const calculate: Serve<'support:calculate'> = (ctx, request) =>
  recordSupportCalculation(ctx, request);

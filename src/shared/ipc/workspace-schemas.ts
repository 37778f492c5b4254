import { z } from 'zod';
import { krw } from './schemas';

/** The workspace area: its headline counts, and loading the sample batch into it. */

export const workspaceContract = {
  'workspace:counts': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({
      batches: z.number().int().nonnegative(),
      claims: z.number().int().nonnegative(),
      reviewQueue: z.number().int().nonnegative(),
      decided: z.number().int().nonnegative(),
      reviewQueueClaimedTotal: krw,
    }),
  },
  'workspace:loadSample': {
    lock: 'write',
    request: z.undefined(),
    response: z.object({ batchId: z.number().int().positive(), claims: z.number().int() }),
  },
} as const;

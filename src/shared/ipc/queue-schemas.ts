import { z } from 'zod';
import { queueQuery } from './queue-query';
import { queueRow } from './review-schemas';

/** The queue area: the review grid's rows, a page at a time, and the ids a query selects. */

export const queueContract = {
  'queue:info': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({
      /** Identifies the workspace, so a grid layout is remembered per workspace. */
      workspaceId: z.string(),
      claims: z.number().int().nonnegative(),
      /** Claims assigned to the person at this machine: their default view when any. */
      assignedToMe: z.number().int().nonnegative(),
      policyVersion: z.number().int().positive().nullable(),
    }),
  },
  'queue:page': {
    lock: 'none',
    request: z
      .object({
        query: queueQuery,
        startRow: z.number().int().nonnegative(),
        endRow: z.number().int().positive(),
      })
      .strict()
      .refine((r) => r.endRow > r.startRow && r.endRow - r.startRow <= 1000, {
        message: 'a page is 1 to 1,000 rows',
      }),
    response: z.object({ rows: z.array(queueRow), total: z.number().int().nonnegative() }),
  },
  'queue:ids': {
    lock: 'none',
    request: z.object({ query: queueQuery }).strict(),
    response: z.object({ claimIds: z.array(z.string()) }),
  },
} as const;

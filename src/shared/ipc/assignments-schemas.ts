import { z } from 'zod';
import { SECRETARIAT } from '../domain/acts';
import { personName } from './review-schemas';
import { claimId } from './schemas';

/** The assignments area: putting claims on a person's list, or taking them off. */

export const assignmentsContract = {
  'assignments:assign': {
    lock: 'write',
    roles: SECRETARIAT,
    request: z
      .object({
        claimIds: z.array(claimId).min(1).max(200_000),
        /** null takes the claims off anyone's list. */
        assignee: personName.nullable(),
      })
      .strict(),
    response: z.object({ assigned: z.number().int().nonnegative() }),
  },
} as const;

import { z } from 'zod';
import { supportCalculation } from './review-schemas';
import { claimId, krw } from './schemas';

/** The support area: the calculator's recommendation for a claim under a policy version. */

export const supportContract = {
  'support:calculate': {
    lock: 'write',
    request: z
      .object({ claimId, verifiedLoss: krw, policyVersion: z.number().int().positive() })
      .strict(),
    response: supportCalculation,
  },
} as const;

import { z } from 'zod';
import { SECRETARIAT } from '../domain/acts';
import { policySummary, supportPolicy, supportPolicyBody } from './review-schemas';

/** The policy area: the versions of the support policy, and a new version based on one. */

export const policyContract = {
  'policy:list': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ versions: z.array(policySummary) }),
  },
  'policy:get': {
    lock: 'none',
    /** No version: the latest. */
    request: z.object({ version: z.number().int().positive().optional() }).strict(),
    response: supportPolicy,
  },
  'policy:create': {
    lock: 'write',
    roles: SECRETARIAT,
    request: z
      .object({
        basedOn: z.number().int().positive(),
        note: z.string().trim().min(1).max(2000),
        body: supportPolicyBody,
      })
      .strict(),
    response: supportPolicy,
  },
} as const;

import { z } from 'zod';
import { CORRECTABLE_FIELDS } from '../domain/claim-correction';
import { SECRETARIAT } from '../domain/acts';
import { TIERS } from '../domain/tier';
import { claimId } from './schemas';

/**
 * Corrections of a claim's data (issue 16): a new version of the claim, never an edit in place.
 * Values travel as a batch file writes them ("800,000원", "소상공인") and go through the same
 * checks as an imported row.
 */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const tier = z.enum(TIERS);

export const correctionResult = z.object({
  claimId,
  fromVersion: z.number().int().positive(),
  toVersion: z.number().int().positive(),
  previousHash: sha256,
  contentHash: sha256,
  /** The fields whose value changed, in batch-format order. */
  fields: z.array(z.enum(CORRECTABLE_FIELDS)),
  tier: z.object({ from: tier, to: tier, ruleVersion: z.number().int().positive() }),
});
export type CorrectionResult = z.infer<typeof correctionResult>;

export const correctionsContract = {
  'corrections:correct': {
    lock: 'write',
    roles: SECRETARIAT,
    request: z
      .object({
        claimId,
        changes: z.partialRecord(z.enum(CORRECTABLE_FIELDS), z.string().max(4000)),
        reason: z.string().max(2000),
      })
      .strict(),
    response: correctionResult,
  },
} as const;

import { z } from 'zod';
import { EVIDENCE_PROBLEMS } from '../domain/evidence';
import { claimId } from './schemas';

/**
 * Evidence attached to existing claims after their batch (보완 증빙): the app attaches to the
 * claim open on screen (supplements:attach); the CLI also takes a file naming several claims.
 */

const count = z.number().int().nonnegative();

export const attachedFile = z.object({
  fileName: z.string(),
  status: z.enum(['stored', 'rejected', 'missing']),
  /** Why a file was not stored, as a code the screens word in both languages. */
  problem: z.enum(EVIDENCE_PROBLEMS).nullable(),
});

/** What one claim received in one arrival. */
export const attachedClaim = z.object({
  claimId,
  arrivalId: z.number().int().positive(),
  stored: count,
  rejected: count,
  missing: count,
  /** It answered the evidence request the claim stood at: the claim is back in the queue. */
  answered: z.boolean(),
  files: z.array(attachedFile),
});
export type AttachedClaim = z.infer<typeof attachedClaim>;

const fileRow = z.object({ row: z.number().int().positive(), claimId: z.string() });

/** A file of claim ids and evidence names: the claims it reached and the rows it could not use. */
export const supplementReport = z.object({
  /** The evidence folder's or zip's own name. */
  source: z.string(),
  claims: z.array(attachedClaim),
  /** Rows naming a claim the workspace does not hold (or none): nothing attached for them. */
  unknownClaims: z.array(fileRow),
  /** Rows naming no evidence file: nothing to attach. */
  rowsWithoutFiles: z.array(fileRow),
});
export type SupplementReport = z.infer<typeof supplementReport>;

export const supplementsContract = {
  'supplements:attach': {
    // Clerical, like loading a batch: recorded under whoever acts, no key needed.
    lock: 'write',
    paths: ['evidence'],
    request: z
      .object({
        claimId,
        /** The folder or zip chosen in main's dialog. */
        evidence: z.string().min(1).max(4096),
      })
      .strict(),
    response: supplementReport,
  },
} as const;

import { z } from 'zod';
import { CHAIR_ONLY, SECRETARY_ONLY } from '../domain/acts';
import { NOTE_MAX_LENGTH, OUTCOMES, REASON_CODES } from '../domain/decision';
import { claimId, decisionRecord, krw } from './schemas';

/**
 * The amendments area: changing the council's decision on a claim outside a meeting. The
 * secretary proposes (with the reason), the chair co-signs; only then is it the council's.
 */

const outcomeAndReasons = {
  outcome: z.enum(OUTCOMES),
  amount: krw.nullable(),
  reasonCodes: z.array(z.enum(REASON_CODES)).max(REASON_CODES.length),
  note: z.string().max(NOTE_MAX_LENGTH),
};

export const councilAmendment = z.object({
  id: z.number().int().positive(),
  claimId: z.string(),
  amendsDecisionId: z.number().int().positive(),
  /** The council's decision it changes, as it stands. */
  amends: z.object({ outcome: z.enum(OUTCOMES), amount: krw.nullable() }),
  ...outcomeAndReasons,
  reason: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  /** pending: waiting for the chair; cosigned: the council's decision; overtaken: a later council decision came first. */
  status: z.enum(['pending', 'cosigned', 'overtaken']),
  cosignedBy: z.string().nullable(),
  cosignedAt: z.string().nullable(),
  decisionId: z.number().int().positive().nullable(),
});
export type CouncilAmendmentDto = z.infer<typeof councilAmendment>;

export const amendmentsContract = {
  'amendments:list': {
    lock: 'none',
    request: z.object({ claimId: claimId.optional() }).strict(),
    response: z.array(councilAmendment),
  },
  'amendments:propose': {
    lock: 'write',
    roles: SECRETARY_ONLY,
    request: z
      .object({
        claimId,
        ...outcomeAndReasons,
        reason: z.string().trim().min(1).max(NOTE_MAX_LENGTH),
      })
      .strict(),
    response: councilAmendment,
  },
  'amendments:cosign': {
    lock: 'write',
    roles: CHAIR_ONLY,
    request: z.object({ amendmentId: z.number().int().positive() }).strict(),
    response: z.object({ amendment: councilAmendment, decision: decisionRecord }),
  },
} as const;

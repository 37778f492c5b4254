import { z } from 'zod';
import { SECRETARIAT } from '../domain/acts';
import { APPEAL_RULINGS, APPEAL_STATES } from '../domain/appeals';
import { TIERS } from '../domain/tier';
import { claimId } from './schemas';
import { attachedClaim } from './supplements-schemas';

/**
 * Appeals (이의신청): the secretary records one on any claim (appeals:file), with any new
 * evidence from a folder or zip chosen in main's dialog, then admits it to council review or
 * rejects it (appeals:rule); appeals:list reads them. Recording and ruling need the key of a
 * secretary or the chair.
 */

const appealId = z.number().int().positive();
const reason = z.string().trim().min(1).max(2000);

export const appealView = z.object({
  id: appealId,
  claimId,
  grounds: z.string(),
  /** The day the claimant's appeal came in (YYYY-MM-DD). */
  receivedOn: z.string(),
  filedAt: z.string(),
  recordedBy: z.string(),
  arrivalId: z.number().int().positive().nullable(),
  /** The folder's or zip's own name the appeal's new evidence came in. */
  evidenceSource: z.string().nullable(),
  state: z.enum(APPEAL_STATES),
  ruling: z.enum(APPEAL_RULINGS).nullable(),
  rulingReason: z.string().nullable(),
  ruledBy: z.string().nullable(),
  ruledAt: z.string().nullable(),
  /** The claim version an admission created; null otherwise. */
  claimVersion: z.number().int().positive().nullable(),
});
export type AppealView = z.infer<typeof appealView>;

export const appealFiled = z.object({
  appeal: appealView,
  /** What the appeal's evidence delivered; null when it came without any. */
  evidence: attachedClaim.nullable(),
});
export type AppealFiled = z.infer<typeof appealFiled>;

export const appealRuled = z.object({
  appeal: appealView,
  /** The claim's tier before and after: an admission puts it to council review. */
  tier: z.object({ from: z.enum(TIERS), to: z.enum(TIERS) }),
});
export type AppealRuled = z.infer<typeof appealRuled>;

export const appealsContract = {
  'appeals:file': {
    lock: 'write',
    roles: SECRETARIAT,
    paths: ['evidence'],
    request: z
      .object({
        claimId,
        grounds: z.string().trim().min(1).max(20_000),
        /** Defaults to the day it is recorded (Korean calendar). */
        receivedOn: z.iso.date().optional(),
        /** The folder or zip of new evidence chosen in main's dialog. */
        evidence: z.string().min(1).max(4096).optional(),
      })
      .strict(),
    response: appealFiled,
  },
  'appeals:rule': {
    lock: 'write',
    roles: SECRETARIAT,
    request: z.object({ appealId, ruling: z.enum(['admit', 'reject']), reason }).strict(),
    response: appealRuled,
  },
  'appeals:list': {
    lock: 'none',
    request: z.object({ claimId: claimId.optional() }).strict(),
    response: z.object({ appeals: z.array(appealView) }),
  },
} as const;

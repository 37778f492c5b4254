import { z } from 'zod';
import { REVIEW_STATES } from '../domain/decision';
import { TIERS } from '../domain/tier';
import { claimFlagDetail, historyEvent } from './review-schemas';
import { claimDetail, claimId, claimSummary } from './schemas';

/** The claims area: listing claims, one claim in full, its contact and its history. */

export const claimsContract = {
  'claims:list': {
    lock: 'none',
    request: z
      .object({
        tier: z.enum(TIERS).optional(),
        reviewState: z.enum(REVIEW_STATES).optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
      })
      .strict(),
    response: z.object({ claims: z.array(claimSummary), total: z.number().int() }),
  },
  'claims:get': {
    lock: 'none',
    request: z.object({ claimId }).strict(),
    response: claimDetail.extend({
      flags: z.array(claimFlagDetail),
      assignee: z.string().nullable(),
      /** Decisions of the chain recorded by the chair's co-signature of an amendment. */
      cosignedDecisionIds: z.array(z.number().int().positive()),
    }),
  },
  'claims:revealContact': {
    lock: 'write',
    request: z.object({ claimId }).strict(),
    /** The unmasked contact; the reveal is written to the audit log first. */
    response: z.object({ claimId, contact: z.string().nullable() }),
  },
  'claims:history': {
    lock: 'none',
    request: z.object({ claimId }).strict(),
    response: z.object({ events: z.array(historyEvent) }),
  },
} as const;

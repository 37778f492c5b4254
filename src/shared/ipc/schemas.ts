import { z } from 'zod';
import { CLAIMANT_TYPES, DAMAGE_TYPES } from '../domain/claim';
import { OUTCOMES, REASON_CODES, REVIEW_STATES, NOTE_MAX_LENGTH } from '../domain/decision';
import { TIERS } from '../domain/tier';

/** Integer KRW: money never crosses IPC as a float. */
export const krw = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const claimId = z.string().trim().min(1).max(64);
const isoDateTime = z.string().min(10).max(40);

export const claimSummary = z.object({
  claimId,
  batchId: z.number().int(),
  receivedAt: isoDateTime,
  claimantType: z.enum(CLAIMANT_TYPES),
  affiliate: z.string(),
  service: z.string(),
  damageType: z.enum(DAMAGE_TYPES),
  businessName: z.string().nullable(),
  industry: z.string().nullable(),
  claimedLoss: krw.nullable(),
  tier: z.enum(TIERS),
  reviewState: z.enum(REVIEW_STATES),
  evidenceCount: z.number().int().nonnegative(),
});
export type ClaimSummary = z.infer<typeof claimSummary>;

export const decisionRecord = z.object({
  id: z.number().int().positive(),
  claimId,
  outcome: z.enum(OUTCOMES),
  amount: krw.nullable(),
  reasonCodes: z.array(z.enum(REASON_CODES)),
  note: z.string(),
  replacesId: z.number().int().positive().nullable(),
  amendmentReason: z.string().nullable(),
  /** The support policy and calculation the decision relied on (null: none used). */
  policyVersion: z.number().int().positive().nullable(),
  verifiedLoss: krw.nullable(),
  recommendedAmount: krw.nullable(),
  /** Why the amount differs from the recommendation; required exactly when it does. */
  overrideReason: z.string().nullable(),
  /** The meeting whose vote the chair confirmed as this decision; null for any other source. */
  meetingId: z.number().int().positive().nullable(),
  decidedBy: z.string(),
  decidedAt: isoDateTime,
});
export type DecisionRecordDto = z.infer<typeof decisionRecord>;

export const evidenceItem = z.object({
  fileName: z.string(),
  status: z.enum(['stored', 'missing', 'rejected']),
  sha256: z.string().nullable(),
  mediaType: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  problem: z.string().nullable(),
});

export const claimDetail = claimSummary.extend({
  paid: z.boolean(),
  businessRegNo: z.string().nullable(),
  description: z.string(),
  /** Masked unless a reveal was recorded; the raw value never leaves main otherwise. */
  contactMasked: z.string().nullable(),
  tierRuleVersion: z.number().int(),
  /** 1 as imported; each correction or admitted appeal makes the next (migration 017). */
  version: z.number().int().positive(),
  evidence: z.array(evidenceItem),
  /** Oldest first; the last one is the current decision. */
  decisions: z.array(decisionRecord),
});
export type ClaimDetail = z.infer<typeof claimDetail>;

export const decisionDraft = z.object({
  claimId,
  outcome: z.enum(OUTCOMES),
  amount: krw.nullable(),
  reasonCodes: z.array(z.enum(REASON_CODES)).max(REASON_CODES.length),
  note: z.string().max(NOTE_MAX_LENGTH),
  replacesId: z.number().int().positive().nullable(),
  amendmentReason: z.string().max(NOTE_MAX_LENGTH).nullable(),
  policyVersion: z.number().int().positive().nullable().optional(),
  verifiedLoss: krw.nullable().optional(),
  recommendedAmount: krw.nullable().optional(),
  overrideReason: z.string().max(NOTE_MAX_LENGTH).nullable().optional(),
});

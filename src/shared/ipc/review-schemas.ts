import { z } from 'zod';
import { APPEAL_STATES } from '../domain/appeals';
import { CLAIMANT_TYPES, DAMAGE_TYPES } from '../domain/claim';
import { REVIEW_STATES } from '../domain/decision';
import { CLAIM_FLAGS } from '../domain/flags';
import { AGREEMENTS } from '../domain/queue-views';
import {
  BASIS_POINTS,
  POLICY_TABLES,
  ROUNDING_MODES,
  ROUNDING_UNITS,
} from '../domain/support-policy';
import { TIERS } from '../domain/tier';
import { claimId, krw } from './schemas';

/** Shapes of the review workstation's channels: the queue, evidence, policy, people. */

export const PERSON_ROLES = ['member', 'chair', 'secretary', 'auditor'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const personName = z.string().trim().min(1).max(80);

/** One row of the review grid: everything the columns, filters and views need. */
export const queueRow = z.object({
  claimId,
  batchId: z.number().int(),
  receivedAt: z.string(),
  claimantType: z.enum(CLAIMANT_TYPES),
  affiliate: z.string(),
  service: z.string(),
  damageType: z.enum(DAMAGE_TYPES),
  businessName: z.string().nullable(),
  businessRegNo: z.string().nullable(),
  industry: z.string().nullable(),
  claimedLoss: krw.nullable(),
  tier: z.enum(TIERS),
  reviewState: z.enum(REVIEW_STATES),
  /** Fixed support for the two brackets, the calculator's figure for committee review, else null. */
  calculatedSupport: krw.nullable(),
  decidedAmount: krw.nullable(),
  assignee: z.string().nullable(),
  flags: z.array(z.enum(CLAIM_FLAGS)),
  evidenceCount: z.number().int().nonnegative(),
  evidenceProblems: z.number().int().nonnegative(),
  /** How members' recommendations stand ('none' without any) and the group sizes ("2:1"). */
  agreement: z.enum(AGREEMENTS),
  agreementSplit: z.string().nullable(),
  /** Evidence has arrived for the evidence request the claim stands at: back for review. */
  newEvidence: z.boolean(),
  /** Where the claim's latest appeal (이의신청) stands; null when it has none. */
  appeal: z.enum(APPEAL_STATES).nullable(),
});
export type QueueRow = z.infer<typeof queueRow>;

export const claimFlagDetail = z.object({
  flag: z.enum(CLAIM_FLAGS),
  relatedClaimIds: z.array(z.string()),
  threshold: krw.nullable(),
});

export const historyEvent = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type HistoryEvent = z.infer<typeof historyEvent>;

/** An evidence file's content as the viewer needs it; images and PDFs travel as bytes. */
export const evidenceContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('binary'), bytes: z.instanceof(Uint8Array) }),
  z.object({
    kind: z.literal('table'),
    sheet: z.string().nullable(),
    rows: z.array(z.array(z.string())),
    truncated: z.boolean(),
  }),
  z.object({ kind: z.literal('text'), text: z.string(), truncated: z.boolean() }),
]);
export const evidenceFile = z.object({
  claimId,
  position: z.number().int().nonnegative(),
  fileName: z.string(),
  mediaType: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  content: evidenceContent,
});
export type EvidenceFileDto = z.infer<typeof evidenceFile>;

const factorBp = z.number().int().min(0).max(BASIS_POINTS);
export const policyRow = z
  .object({
    key: z.string().trim().min(1).max(100),
    factorBp,
    source: z.string().trim().min(1).max(500),
  })
  .strict();
const policyTable = z.array(policyRow).min(1).max(500);
export const supportPolicyBody = z
  .object({
    margin: policyTable,
    alternative: policyTable,
    kakaoShare: policyTable,
    rounding: z
      .object({
        mode: z.enum(ROUNDING_MODES),
        unit: z.union(ROUNDING_UNITS.map((unit) => z.literal(unit))),
      })
      .strict(),
    minimumAmount: krw,
    maximumAmount: krw.nullable(),
  })
  .strict();
export const supportPolicy = z.object({
  version: z.number().int().positive(),
  basedOn: z.number().int().positive().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  note: z.string(),
  bodyHash: z.string(),
  body: supportPolicyBody,
});
export const policySummary = supportPolicy.omit({ body: true });

const factorUse = z.object({
  table: z.enum(POLICY_TABLES),
  rowIndex: z.number().int().nonnegative(),
  key: z.string(),
  fallback: z.boolean(),
  factorBp,
  source: z.string(),
});
export const supportCalculation = z.object({
  policyVersion: z.number().int().positive(),
  verifiedLoss: krw,
  factors: z.object({ margin: factorUse, alternative: factorUse, kakaoShare: factorUse }),
  unrounded: z.number().nonnegative(),
  recommended: krw,
});

export const person = z.object({ name: personName, role: z.enum(PERSON_ROLES) });
export type PersonDto = z.infer<typeof person>;

import { z } from 'zod';
import { BATCH_FIELDS } from '../domain/batch-format';
import { CLAIMANT_TYPES, DAMAGE_TYPES } from '../domain/claim';
import { EVIDENCE_PROBLEMS } from '../domain/evidence';
import { TIERS } from '../domain/tier';

/** Schemas of the intake side of the contract: import, quarantine, statistics. */

const count = z.number().int().nonnegative();
const krw = z.number().int().nonnegative();

export const rowIssue = z.object({
  field: z.enum(BATCH_FIELDS),
  code: z.string(),
  ko: z.string(),
  en: z.string(),
});

export const columnMapping = z.record(z.string().max(200), z.enum(BATCH_FIELDS).nullable());

export const importRequest = z
  .object({
    /** Absolute path of the batch file, as the file dialog or a drop gave it. */
    file: z.string().min(1).max(4096),
    /** Evidence folder or .zip; null when the batch came without one. */
    evidence: z.string().min(1).max(4096).nullable().optional(),
    sheet: z.string().max(200).nullable().optional(),
    mapping: columnMapping.nullable().optional(),
    /** Re-import fixed quarantine rows into this batch. */
    intoBatchId: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type ImportRequest = z.infer<typeof importRequest>;

export const importInspection = z.object({
  format: z.enum(['csv', 'xlsx', 'json']),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'cp949']).nullable(),
  sheets: z.array(z.string()),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.enum(BATCH_FIELDS)),
  unknownHeaders: z.array(z.string()),
  missingRequired: z.array(z.enum(BATCH_FIELDS)),
  duplicateFields: z.array(z.enum(BATCH_FIELDS)),
  /** A few rows, so the mapping step can show what a column holds. */
  sampleRows: z.array(z.record(z.string(), z.string())),
});
export type ImportInspection = z.infer<typeof importInspection>;

export const tierCounts = z.object(
  Object.fromEntries(TIERS.map((tier) => [tier, count])) as Record<
    (typeof TIERS)[number],
    typeof count
  >,
);

export const importReport = z.object({
  batchId: z.number().int().positive(),
  rows: count,
  imported: count,
  quarantined: count,
  duplicates: count,
  tiers: tierCounts,
  evidence: z.object({ stored: count, rejected: count, missing: count }),
  quarantine: z.array(
    z.object({
      row: z.number().int().positive(),
      claimId: z.string().nullable(),
      reasons: z.array(rowIssue),
    }),
  ),
  duplicateClaims: z.array(
    z.object({
      row: z.number().int().positive(),
      claimId: z.string(),
      existingBatchId: z.number().int(),
    }),
  ),
  evidenceProblems: z.array(
    z.object({
      claimId: z.string(),
      fileName: z.string(),
      status: z.enum(['missing', 'rejected']),
      problem: z.enum(EVIDENCE_PROBLEMS),
    }),
  ),
  seconds: z.number().nonnegative(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importProgress = z.object({
  phase: z.enum(['checking', 'reading', 'committing', 'done', 'cancelled', 'failed']),
  rowsRead: count,
  bytesRead: count,
  totalBytes: count,
  rowsPerSecond: z.number().nonnegative(),
});
export type ImportProgress = z.infer<typeof importProgress>;

export const batchSummary = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  sourceFile: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  rowCount: count,
  claims: count,
  quarantined: count,
});

const breakdown = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((key) => [key, count])) as Record<T[number], typeof count>);

export const stats = z.object({
  claims: count,
  byAffiliate: z.object({ kakao: count, other: count }),
  byClaimantType: breakdown(CLAIMANT_TYPES),
  byDamageType: breakdown(DAMAGE_TYPES),
  byTier: breakdown(TIERS),
  reviewQueue: z.object({ count, totalClaimed: krw }),
});
export type Stats = z.infer<typeof stats>;

export const quarantineEntry = z.object({
  id: z.number().int().positive(),
  batchId: z.number().int().positive(),
  row: z.number().int().positive(),
  kind: z.enum(['invalid', 'duplicate']),
  claimId: z.string().nullable(),
  raw: z.record(z.string(), z.string()),
  reasons: z.array(rowIssue),
  resolvedBy: z.string().nullable(),
});

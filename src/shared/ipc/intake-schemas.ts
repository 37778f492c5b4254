import { z } from 'zod';
import { BATCH_FIELDS } from '../domain/batch-format';
import { EVIDENCE_PROBLEMS } from '../domain/evidence';
import { TIERS } from '../domain/tier';

/** The intake area: importing a batch (with its evidence), the batches, and their quarantine. */

const count = z.number().int().nonnegative();

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

export const intakeContract = {
  'intake:batches': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ batches: z.array(batchSummary) }),
  },
  'intake:chooseFile': {
    lock: 'none',
    request: z.object({ kind: z.enum(['batch', 'evidence-folder', 'evidence-zip']) }).strict(),
    response: z.object({ path: z.string().nullable() }),
  },
  'intake:inspect': {
    lock: 'none',
    paths: ['file'],
    request: z
      .object({
        file: z.string().min(1).max(4096),
        sheet: z.string().max(200).nullable().optional(),
      })
      .strict(),
    response: importInspection,
  },
  'intake:start': {
    lock: 'import',
    paths: ['file', 'evidence'],
    request: importRequest,
    response: importReport,
  },
  'intake:cancel': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'intake:loadDemo': {
    lock: 'import',
    request: z.undefined(),
    response: importReport,
  },
  'intake:quarantine': {
    lock: 'none',
    request: z.object({ batchId: z.number().int().positive() }).strict(),
    response: z.object({ entries: z.array(quarantineEntry) }),
  },
  'intake:exportQuarantine': {
    lock: 'none',
    request: z.object({ batchId: z.number().int().positive() }).strict(),
    /** path is null when the save dialog was closed without a choice. */
    response: z.object({ path: z.string().nullable(), rows: z.number().int().nonnegative() }),
  },
} as const;

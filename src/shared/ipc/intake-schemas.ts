import { z } from 'zod';
import { QUARANTINE_DISCARDERS } from '../domain/acts';
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

/**
 * Where the import looked for the evidence when it found none of the files the batch names:
 * at the top of the zip or folder ('root'), or also inside its one top folder ('top-folder').
 */
export const evidenceLayoutReport = z.object({
  /** The zip's or folder's own name. */
  source: z.string(),
  looked: z.enum(['root', 'top-folder']),
  folder: z.string().nullable(),
  /** One name from the batch, as it was looked for (under the folder, for 'top-folder'). */
  example: z.string(),
  /** The first few names at its top; folders end in "/". */
  topNames: z.array(z.string()),
  hint: z.object({ ko: z.string(), en: z.string() }),
});
export type EvidenceLayoutReport = z.infer<typeof evidenceLayoutReport>;

export const importReport = z.object({
  batchId: z.number().int().positive(),
  /** The file as the reader found it: its format and the text encoding it detected. */
  file: z.object({
    name: z.string(),
    format: importInspection.shape.format,
    encoding: importInspection.shape.encoding,
  }),
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
  /** Set only when an evidence source was given and none of the named files was in it. */
  evidenceLayout: evidenceLayoutReport.nullable().optional(),
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

export const QUARANTINE_STATUSES = ['open', 'resolved', 'discarded', 'superseded'] as const;

export const quarantineEntry = z.object({
  /** The entry's number (보류번호): the export's first column, and what a discard names. */
  id: z.number().int().positive(),
  batchId: z.number().int().positive(),
  /** The row in the file this entry came from (a fixed copy's own file for a returning row). */
  row: z.number().int().positive(),
  /** The row in the batch's own file, followed back through every fixed copy. */
  originalRow: z.number().int().positive(),
  kind: z.enum(['invalid', 'duplicate']),
  claimId: z.string().nullable(),
  raw: z.record(z.string(), z.string()),
  reasons: z.array(rowIssue),
  status: z.enum(QUARANTINE_STATUSES),
  resolvedBy: z.string().nullable(),
  supersededBy: z.number().int().positive().nullable(),
  discard: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export type QuarantineEntryView = z.infer<typeof quarantineEntry>;

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
  'intake:discardQuarantineRow': {
    lock: 'write',
    roles: QUARANTINE_DISCARDERS,
    request: z
      .object({
        batchId: z.number().int().positive(),
        entryId: z.number().int().positive(),
        reason: z.string().trim().min(1).max(2000),
      })
      .strict(),
    response: z.object({ entryId: z.number().int().positive() }),
  },
  'intake:exportQuarantine': {
    lock: 'none',
    request: z.object({ batchId: z.number().int().positive() }).strict(),
    /** path is null when the save dialog was closed without a choice. */
    response: z.object({ path: z.string().nullable(), rows: z.number().int().nonnegative() }),
  },
} as const;

import { z } from 'zod';

/** Schemas of auditor mode: checking a signed decision file without trusting any laptop. */

const path = z.string().min(1).max(4096);
const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const AUDITOR_FILE_KINDS = [
  'decision-file',
  'roster',
  'evidence-folder',
  'evidence-zip',
] as const;
export type AuditorFileKind = (typeof AUDITOR_FILE_KINDS)[number];

export const auditorChooseFileRequest = z.object({ kind: z.enum(AUDITOR_FILE_KINDS) }).strict();

export const auditorVerifyRequest = z
  .object({
    /** The signed decision file, as a dialog or a drop gave it. */
    file: path,
    /** A roster file; null or absent: the roster imported into this workspace. */
    roster: path.nullable().optional(),
    /** The evidence folder or zip the file's hashes are checked against. */
    evidence: path.nullable().optional(),
    /** The decision file this one says it follows. */
    previousFile: path.nullable().optional(),
  })
  .strict();
export type AuditorVerifyRequest = z.infer<typeof auditorVerifyRequest>;

export const signatureCheck = z.object({
  signer: z.string().nullable(),
  role: z.string().nullable(),
  keyId: z.string().nullable(),
  fingerprint: z.string().nullable(),
  onRoster: z.boolean(),
  valid: z.boolean(),
});

export const verificationProblem = z.object({
  code: z.string(),
  message: z.string(),
  ko: z.string(),
  claimId: z.string().optional(),
  file: z.string().optional(),
});

/**
 * Where the file stands in the chain of decision files: the first of its council, linked to
 * the previous file that was given, broken, or not checked (it names a previous file, but
 * none was given).
 */
export const CHAIN_STATES = ['first', 'linked', 'broken', 'unchecked'] as const;

export const auditorReport = z.object({
  valid: z.boolean(),
  /** Valid, invalid, or intact but with nobody judged (no roster to judge the signers by). */
  verdict: z.enum(['valid', 'invalid', 'intact_unjudged']),
  signatures: z.array(signatureCheck),
  records: z.object({ total: count, valid: count, invalid: z.array(z.string()) }),
  evidence: z.object({ checked: count, mismatched: count }),
  problems: z.array(verificationProblem),
  fileName: z.string(),
  /** SHA-256 of the file's bytes, as `sha256sum` prints it. */
  fileSha256: sha256,
  /** SHA-256 of the signed payload: what the next decision file names as its previous one. */
  payloadSha256: sha256.nullable(),
  /** The fingerprint of the roster the file was checked against; null when there was none. */
  rosterFingerprint: z.string().nullable(),
  rosterSource: z.enum(['file', 'workspace']).nullable(),
  /**
   * The roster against the workspace's pinned one (the first roster imported): it, chains to
   * it, neither (the file is invalid), or not checked (the workspace has no roster yet).
   */
  rosterTrust: z.enum(['pinned', 'chains', 'untrusted', 'unchecked']).nullable(),
  /** The pinned roster's fingerprint; null when the workspace has none. */
  trustedRosterFingerprint: z.string().nullable(),
  /** Said, but not making the file invalid (the roster not checked against a pinned one). */
  warnings: z.array(verificationProblem),
  chain: z.object({
    state: z.enum(CHAIN_STATES),
    previousFileSha256: sha256.nullable(),
  }),
  evidenceGiven: z.boolean(),
  checkedAt: z.string(),
});
export type AuditorReport = z.infer<typeof auditorReport>;

export const auditorSaveReportRequest = z
  .object({ report: auditorReport, format: z.enum(['json', 'txt']) })
  .strict();

export const auditorContract = {
  /** Auditor mode is read-only: it reads files the person chose and writes only the saved report. */
  'auditor:chooseFile': {
    lock: 'none',
    request: auditorChooseFileRequest,
    response: z.object({ path: z.string().nullable() }),
  },
  'auditor:verify': {
    lock: 'none',
    paths: ['file', 'roster', 'evidence', 'previousFile'],
    request: auditorVerifyRequest,
    response: auditorReport,
  },
  'auditor:saveReport': {
    lock: 'none',
    request: auditorSaveReportRequest,
    /** path is null when the save dialog was closed without a choice. */
    response: z.object({ path: z.string().nullable() }),
  },
} as const;

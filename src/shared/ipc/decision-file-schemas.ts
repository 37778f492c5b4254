import { z } from 'zod';
import { SECRETARIAT } from '../domain/acts';
import { PERSON_ROLES } from './review-schemas';

/** Schemas of signing and saving a meeting's decision file from the Meetings screen. */

const path = z.string().min(1).max(4096);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const id = z.number().int().positive();

/** A key chosen to sign with: only what its file shows without the passphrase. */
export const signerKey = z.object({
  path,
  name: z.string(),
  role: z.enum(PERSON_ROLES),
  fingerprint: z.string(),
  /** An OS-keychain key is opened by this machine's keychain: no passphrase is asked. */
  protection: z.enum(['passphrase', 'os-keychain']),
});
export type SignerKey = z.infer<typeof signerKey>;

export const exportDecisionFileRequest = z
  .object({
    meetingId: id,
    /** Chair and secretary at least; members may co-sign. A passphrase is used once, never kept. */
    signers: z
      .array(z.object({ keyFile: path, passphrase: z.string().max(1024) }).strict())
      .min(1)
      .max(20),
    /** Defaults to the roster's council name. */
    council: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const exportedDecisionFile = z.object({
  id,
  meetingId: id,
  fileSha256: sha256,
  payloadSha256: sha256,
  previousPayloadSha256: sha256.nullable(),
  exportedAt: z.string(),
  exportedBy: z.string(),
  decisions: z.number().int().nonnegative(),
  signers: z.array(z.object({ name: z.string(), role: z.string() })),
});
export type ExportedDecisionFileDto = z.infer<typeof exportedDecisionFile>;

export const decisionFileContract = {
  'decisionFiles:chooseSigner': {
    lock: 'none',
    request: z.undefined(),
    /** null when the dialog was closed without a choice. */
    response: z.object({ key: signerKey.nullable() }),
  },
  'decisionFiles:list': {
    lock: 'none',
    request: z.object({ meetingId: id }).strict(),
    response: z.object({ files: z.array(exportedDecisionFile) }),
  },
  'decisionFiles:export': {
    lock: 'write',
    roles: SECRETARIAT,
    paths: ['signers[].keyFile'],
    request: exportDecisionFileRequest,
    /** path is null when the save dialog was closed: then nothing was signed or recorded. */
    response: z.object({ path: path.nullable(), file: exportedDecisionFile.nullable() }),
  },
  'decisionFiles:saveCopy': {
    lock: 'none',
    request: z.object({ fileId: id }).strict(),
    response: z.object({ path: path.nullable() }),
  },
} as const;

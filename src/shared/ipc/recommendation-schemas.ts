import { z } from 'zod';
import { SECRETARIAT, VOTERS } from '../domain/acts';
import { OUTCOMES, REASON_CODES } from '../domain/decision';
import { AGREEMENTS } from '../domain/queue-views';
import { claimId, krw } from './schemas';

/*
 * Members' recommendations in the app. The secretary imports members' signed files (chosen in
 * main's dialog) and sees who recommended what per claim; a member signs their own
 * recommendations for a batch with their key file and passphrase and saves the file.
 */

const path = z.string().min(1).max(4096);
const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One chosen file's fate; files are independent, so some may be accepted and others not. */
export const recommendationFileResult = z.discriminatedUnion('status', [
  z.object({
    file: z.string(),
    status: z.literal('accepted'),
    member: z.string(),
    batchId: z.number().int().positive(),
    batchName: z.string(),
    count,
    fileSha256: sha256,
    /** This exact file was imported before: nothing was written. */
    alreadyImported: z.boolean(),
  }),
  z.object({
    file: z.string(),
    status: z.literal('refused'),
    code: z.string(),
    /** English, as the CLI prints it. */
    reason: z.string(),
    ko: z.string(),
  }),
]);
export type RecommendationFileResult = z.infer<typeof recommendationFileResult>;

export const importedRecommendationFile = z.object({
  id: z.number().int().positive(),
  member: z.string(),
  /** The member's role on the latest roster; null when their key is no longer on it. */
  role: z.string().nullable(),
  fingerprint: z.string(),
  batchId: z.number().int().positive(),
  batchName: z.string(),
  count,
  signedAt: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  fileSha256: sha256,
  /** False when a later file of the same member for the same batch supersedes it. */
  current: z.boolean(),
});
export type ImportedRecommendationFileDto = z.infer<typeof importedRecommendationFile>;

export const claimRecommendation = z.object({
  member: z.string(),
  role: z.string().nullable(),
  fingerprint: z.string(),
  outcome: z.enum(OUTCOMES),
  amount: krw.nullable(),
  reasonCodes: z.array(z.enum(REASON_CODES)),
  note: z.string(),
  signedAt: z.string(),
});
export type ClaimRecommendationDto = z.infer<typeof claimRecommendation>;

export const claimRecommendations = z.object({
  claimId: z.string(),
  agreement: z.enum(AGREEMENTS),
  /** Sizes of the groups recommending the same thing, largest first ("2:1"); null without any. */
  split: z.string().nullable(),
  recommendations: z.array(claimRecommendation),
});
export type ClaimRecommendationsDto = z.infer<typeof claimRecommendations>;

export const recommendationContract = {
  /** Main's open dialog for members' files, several at once; the chosen paths become readable. */
  'recommendations:chooseFiles': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ paths: z.array(z.string()) }),
  },
  /** Main's open dialog for the member's own key file (to sign an export). */
  'recommendations:chooseKeyFile': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ path: z.string().nullable() }),
  },
  'recommendations:import': {
    lock: 'write',
    roles: SECRETARIAT,
    paths: ['files[]'],
    request: z.object({ files: z.array(path).min(1).max(200) }).strict(),
    response: z.object({ results: z.array(recommendationFileResult) }),
  },
  'recommendations:files': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ files: z.array(importedRecommendationFile) }),
  },
  'recommendations:forClaim': {
    lock: 'none',
    request: z.object({ claimId }).strict(),
    response: claimRecommendations,
  },
  /**
   * A member signs their own recommendations on a batch in their own workspace. The
   * passphrase only unlocks the key for this one signature: it is never stored or logged.
   */
  'recommendations:export': {
    lock: 'write',
    roles: VOTERS,
    paths: ['keyFile'],
    request: z
      .object({
        batchId: z.number().int().positive(),
        keyFile: path,
        /** Empty for a key sealed by this machine's OS keychain. */
        passphrase: z.string().max(1024),
      })
      .strict(),
    /** path is null when the save dialog was closed without a choice: nothing was written. */
    response: z.object({
      path: z.string().nullable(),
      member: z.string(),
      count,
      sha256,
    }),
  },
} as const;

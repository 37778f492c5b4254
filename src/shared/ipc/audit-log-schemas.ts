import { z } from 'zod';

/** The audit log area: its entries, and the check of its hash chain. */

const isoDateTime = z.string().min(10).max(40);

export const auditEntry = z.object({
  seq: z.number().int().positive(),
  at: isoDateTime,
  actor: z.string(),
  actorKid: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
  signature: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntry>;

export const auditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  firstBadSeq: z.number().int().nullable(),
  problem: z.enum(['hash_mismatch', 'broken_link', 'sequence_gap']).nullable(),
  /** Entries whose signature was checked against the roster in force when they were written. */
  signedEntries: z.number().int().nonnegative(),
  /** Acts with authority recorded before keys were required (migration 013), so unsigned. */
  unsignedBeforeKeys: z.number().int().nonnegative(),
  actProblems: z.array(
    z.object({
      seq: z.number().int().positive(),
      action: z.string(),
      actor: z.string(),
      problem: z.enum([
        'bad_signature',
        'signer_not_on_roster',
        'signer_lacks_role',
        'actor_not_signer',
        'unsigned_act',
      ]),
      message: z.string(),
    }),
  ),
});
export type AuditVerificationDto = z.infer<typeof auditVerification>;
export type ActProblem = AuditVerificationDto['actProblems'][number];

export const auditLogContract = {
  'auditLog:list': {
    lock: 'none',
    request: z
      .object({
        subjectId: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    response: z.object({ entries: z.array(auditEntry) }),
  },
  'auditLog:verify': {
    lock: 'none',
    request: z.undefined(),
    response: auditVerification,
  },
} as const;

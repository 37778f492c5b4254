import { z } from 'zod';
import { controlCharacterIn, controlCharacterMessage } from '../../../shared/domain/person-name';
import { PERSON_ROLES } from '../../../shared/ipc/review-schemas';

/**
 * The roster's signed payload. Members are named by name in votes, so names are unique; keys
 * are named by kid in signatures, so kids are unique and must be the thumbprints of their jwk
 * (checked where the roster is verified, since zod cannot hash).
 */
export const ROSTER_FORMAT = 'review-desk-roster/1';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case SHA-256 hex digest');

export const rosterMemberSchema = z.strictObject({
  // A name with a control character could pose as someone else in every record that names it.
  name: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .refine((name) => controlCharacterIn(name) === null, {
      error: (issue) => controlCharacterMessage(controlCharacterIn(String(issue.input))!),
    }),
  role: z.enum(PERSON_ROLES),
  kid: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  jwk: z.strictObject({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  }),
});

export const rosterPayloadSchema = z
  .strictObject({
    format: z.literal(ROSTER_FORMAT),
    council: z.string().trim().min(1).max(200),
    version: z.number().int().min(1),
    validFrom: z.iso.date(),
    members: z.array(rosterMemberSchema).min(1),
    previousRosterSha256: sha256Hex.nullable(),
  })
  .superRefine((roster, ctx) => {
    const names = new Set<string>();
    const kids = new Set<string>();
    for (const member of roster.members) {
      if (names.has(member.name))
        ctx.addIssue({ code: 'custom', message: `${member.name} is listed twice` });
      if (kids.has(member.kid))
        ctx.addIssue({ code: 'custom', message: `key ${member.kid} is listed twice` });
      names.add(member.name);
      kids.add(member.kid);
    }
    for (const role of ['chair', 'secretary'] as const)
      if (!roster.members.some((m) => m.role === role))
        ctx.addIssue({ code: 'custom', message: `a roster needs a ${role}` });
    if ((roster.version === 1) !== (roster.previousRosterSha256 === null))
      ctx.addIssue({
        code: 'custom',
        message: 'version 1 has no previous roster; every later version names its previous one',
      });
  });

export type RosterMember = z.infer<typeof rosterMemberSchema>;
export type RosterPayload = z.infer<typeof rosterPayloadSchema>;

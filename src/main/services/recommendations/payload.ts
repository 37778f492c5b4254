import { z } from 'zod';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { OUTCOMES, REASON_CODES } from '../../../shared/domain/decision';
import { ServiceError } from '../errors';
import type { UnlockedIdentity } from '../identity';
import { signGeneral } from '../signing/jws';

export const RECOMMENDATIONS_FORMAT = 'review-desk-recommendations/1';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case SHA-256 hex digest');

export const recommendationEntrySchema = z
  .strictObject({
    claimId: z.string().min(1).max(64),
    claimContentHash: sha256Hex,
    outcome: z.enum(OUTCOMES),
    amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
    reasonCodes: z.array(z.enum(REASON_CODES)),
    note: z.string().max(4000),
  })
  .refine(
    (r) => (r.outcome === 'approve' || r.outcome === 'partial') === (r.amount !== null),
    'approve and partial take an amount; the other outcomes take none',
  );

export const recommendationsPayloadSchema = z
  .strictObject({
    format: z.literal(RECOMMENDATIONS_FORMAT),
    council: z.string().trim().min(1).max(200),
    batch: z.strictObject({
      id: z.number().int().positive(),
      name: z.string(),
      contentHash: z.string().min(1),
    }),
    member: z.strictObject({
      name: z.string().trim().min(1).max(80),
      kid: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    }),
    createdAt: z.iso.datetime(),
    recommendations: z.array(recommendationEntrySchema).min(1),
  })
  .superRefine((payload, ctx) => {
    const ids = payload.recommendations.map((r) => r.claimId);
    for (let i = 1; i < ids.length; i++)
      if (!(ids[i - 1]! < ids[i]!))
        ctx.addIssue({
          code: 'custom',
          message: `recommendations must be sorted by claim id, each once (${ids[i]})`,
        });
  });

export type RecommendationEntry = z.infer<typeof recommendationEntrySchema>;
export type RecommendationsPayload = z.infer<typeof recommendationsPayloadSchema>;

export interface RecommendationsInput {
  council: string;
  batch: { id: number; name: string; contentHash: string };
  member: { name: string; kid: string };
  createdAt: string;
  recommendations: RecommendationEntry[];
}

/**
 * The builder over plain input: sorts by claim id and checks the result against the schema
 * the importer uses, so a file this builds is one the importer can read.
 */
export function buildRecommendationsPayload(input: RecommendationsInput): RecommendationsPayload {
  const payload = {
    format: RECOMMENDATIONS_FORMAT,
    ...input,
    recommendations: [...input.recommendations].sort((a, b) =>
      a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0,
    ),
  };
  const parsed = recommendationsPayloadSchema.safeParse(payload);
  if (!parsed.success)
    throw new ServiceError(
      'validation_failed',
      `recommendations payload is invalid: ${parsed.error.issues[0]?.message ?? 'unknown'}`,
    );
  return parsed.data;
}

/** JWS General JSON with one EdDSA signature (the member's), kid and public jwk protected. */
export function signRecommendations(
  payload: RecommendationsPayload,
  signer: Pick<UnlockedIdentity, 'privateKey' | 'kid' | 'jwk'>,
): string {
  const jws = signGeneral(canonicalJson(payload), [
    { privateKey: signer.privateKey, kid: signer.kid, extraProtected: { jwk: { ...signer.jwk } } },
  ]);
  return `${JSON.stringify(jws, null, 2)}\n`;
}

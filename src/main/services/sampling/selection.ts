import { randomBytes } from 'node:crypto';
import { SAMPLED_TIERS, type SampledTier } from '../../../shared/domain/sampling';
import { sha256Hex } from '../hashing';

/*
 * How a sample is chosen, method 'sha256-rank-v1', so that anyone holding the seed and the
 * claim ids can redraw it with any SHA-256 tool and no random-number library:
 *
 *   within each stratum (tier_30k, tier_50k), compute SHA-256 of the UTF-8 text
 *   `${seed}:${claimId}` as lower-case hex for every claim of the stratum, sort ascending by
 *   that hex, and take the first n (the stratum's size). Position 1 is the smallest hash.
 *
 * The hash makes the order independent of how the claims were numbered or imported, and
 * nobody can steer a claim in or out without changing the recorded seed.
 */

/** The rank key of one claim under a seed. */
export function rankKey(seed: string, claimId: string): string {
  return sha256Hex(`${seed}:${claimId}`);
}

/** The first `size` claim ids of one stratum under `seed`, in rank order. */
export function selectStratum(seed: string, claimIds: readonly string[], size: number): string[] {
  return claimIds
    .map((claimId) => ({ claimId, key: rankKey(seed, claimId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, size)
    .map((ranked) => ranked.claimId);
}

/** A fresh seed when none is given: 128 random bits as 32 hex characters. */
export function newSeed(): string {
  return randomBytes(16).toString('hex');
}

/** The population split into its strata, each in no particular order. */
export function byStratum(
  claims: readonly { claimId: string; tier: SampledTier }[],
): Record<SampledTier, string[]> {
  const strata = Object.fromEntries(SAMPLED_TIERS.map((tier) => [tier, [] as string[]]));
  for (const claim of claims) strata[claim.tier]!.push(claim.claimId);
  return strata as Record<SampledTier, string[]>;
}

import { z } from 'zod';
import { CLAIMANT_TYPES, DAMAGE_TYPES } from '../domain/claim';
import { TIERS } from '../domain/tier';

/** The stats area: the workspace's (or one batch's) claims broken down for the intake screen. */

const count = z.number().int().nonnegative();
const krw = z.number().int().nonnegative();

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

export const statsContract = {
  'stats:get': {
    lock: 'none',
    request: z.object({ batchId: z.number().int().positive().optional() }).strict(),
    response: stats,
  },
} as const;

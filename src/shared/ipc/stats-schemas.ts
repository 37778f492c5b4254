import { z } from 'zod';
import { CLAIMANT_TYPES, DAMAGE_TYPES } from '../domain/claim';
import { TIERS } from '../domain/tier';

/** The stats area: the workspace's (or one batch's) claims broken down for the intake screen. */

const count = z.number().int().nonnegative();
const krw = z.number().int().nonnegative();
const percent = z.number().min(0).max(100);

const perKey = <T extends readonly [string, ...string[]], S extends z.ZodType>(keys: T, value: S) =>
  z.object(Object.fromEntries(keys.map((key) => [key, value])) as Record<T[number], S>);

const breakdown = <T extends readonly [string, ...string[]]>(keys: T) => perKey(keys, count);

/** A count with its share of its base, as a percent rounded to one decimal. */
const share = z.object({ count, percent });

/** Claimant and damage types over one base of claims, each with its share of that base. */
const basis = z.object({
  claims: count,
  byClaimantType: perKey(CLAIMANT_TYPES, share),
  byDamageType: perKey(DAMAGE_TYPES, share),
});
export type StatsBasis = z.infer<typeof basis>;

/** One figure as the council printed it (domain/published-figures.ts). */
const publishedFigure = z.object({
  count: count.nullable(),
  percent,
  approximate: z.boolean(),
});

const publishedIntake = z.object({
  received: count,
  kakao: publishedFigure,
  byClaimantType: perKey(CLAIMANT_TYPES, publishedFigure),
  byDamageType: perKey(DAMAGE_TYPES, publishedFigure),
});

export const stats = z.object({
  claims: count,
  byAffiliate: z.object({ kakao: count, other: count }),
  /** Over every claim, other affiliates' included; `bases` has the council's base as well. */
  byClaimantType: breakdown(CLAIMANT_TYPES),
  byDamageType: breakdown(DAMAGE_TYPES),
  byTier: breakdown(TIERS),
  /** kakao: the claims the council analysed (not excluded_affiliate); all: every claim. */
  bases: z.object({ kakao: basis, all: basis }),
  /**
   * count: every committee_review claim; waiting: those the council has not decided yet;
   * decided: those with a council decision (any outcome, amendments included).
   */
  reviewQueue: z.object({ count, totalClaimed: krw, waiting: count, decided: count }),
  /** The published figures, only where the scope is the council's whole intake. */
  published: publishedIntake.nullable(),
});
export type Stats = z.infer<typeof stats>;

export const statsContract = {
  'stats:get': {
    lock: 'none',
    request: z.object({ batchId: z.number().int().positive().optional() }).strict(),
    response: stats,
  },
} as const;

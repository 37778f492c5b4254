import { z } from 'zod';
import { REVIEW_STATES } from '../domain/decision';
import { TIERS } from '../domain/tier';
import { ledgerSummary } from './ledger-schemas';
import { krw } from './schemas';

/*
 * The secretary's summary (지급 요약): what the workspace, or one batch, pays by tier, where the
 * council's cases stand, and the numbers the budget view (domain/summary) sets beside the
 * published figures. Money comes from the payout ledger, so the screen and the export agree.
 */

const count = z.number().int().nonnegative();
const batchId = z.number().int().positive();
const counts = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, count])) as Record<K, typeof count>);

export const secretarySummary = z.object({
  /** null: the whole workspace. */
  batch: z.object({ id: batchId, name: z.string() }).nullable(),
  claims: count,
  /** Claims per tier, all six, zeros included. */
  byTier: counts(TIERS),
  /** The payout ledger's totals for the same scope: what the export adds up to. */
  ledger: ledgerSummary,
  committee: z.object({
    /** Claims in the committee_review tier. */
    cases: count,
    /** Those claims by their current decision (undecided: none yet). */
    byState: counts(REVIEW_STATES),
    /** Undecided, evidence requested or deferred: what they claim is still exposure. */
    open: z.object({
      count,
      claimedTotal: krw,
      /** Open cases whose claim names no loss (an enterprise may leave it blank). */
      withoutClaimedLoss: count,
    }),
  }),
  /**
   * Appeals (이의신청) on the scope's claims: every one filed, and where they stand: admitted to
   * council review, rejected, or still waiting for the secretary's ruling.
   */
  appeals: z.object({ filed: count, admitted: count, rejected: count, undecided: count }),
});
export type SecretarySummary = z.infer<typeof secretarySummary>;

export const payoutsContract = {
  'payouts:summary': {
    lock: 'none',
    request: z.object({ batchId: batchId.optional() }).strict(),
    response: secretarySummary,
  },
} as const;

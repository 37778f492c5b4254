import { CLAIMANT_TYPES, DAMAGE_TYPES } from '../../../shared/domain/claim';
import { isWholeIntake, PUBLISHED_INTAKE } from '../../../shared/domain/published-figures';
import { TIERS } from '../../../shared/domain/tier';
import type { Stats, StatsBasis } from '../../../shared/ipc/stats-schemas';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { findBatchById } from '../../db/repositories/batches';
import { countClaimsByKindAndTier, type ClaimCountRow } from '../../db/repositories/claim-counts';
import { reviewQueueDecisionCounts, reviewQueueTotals } from '../../db/repositories/claims';

function countBy<K extends string>(
  keys: readonly K[],
  rows: { key: string; n: number }[],
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const { key, n } of rows) if (key in counts) counts[key as K] = n;
  return counts;
}

/** A count's share of a total as a percent with one decimal; an empty total is 0. */
export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 1000) / 10;
}

function withShares<K extends string>(
  counts: Record<K, number>,
  total: number,
): Record<K, { count: number; percent: number }> {
  return Object.fromEntries(
    Object.entries<number>(counts).map(([key, n]) => [
      key,
      { count: n, percent: percentOf(n, total) },
    ]),
  ) as Record<K, { count: number; percent: number }>;
}

type Counter = (column: 'claimantType' | 'damageType') => { key: string; n: number }[];

/** The rows' claims added up per value of one column. */
function tally(
  rows: ClaimCountRow[],
  column: 'tier' | 'claimantType' | 'damageType',
): { key: string; n: number }[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row[column], (sums.get(row[column]) ?? 0) + row.n);
  return [...sums].map(([key, n]) => ({ key, n }));
}

/** Claimant and damage type counts over the claims `count` groups. */
function breakdownsOf(count: Counter) {
  return {
    byClaimantType: countBy(CLAIMANT_TYPES, count('claimantType')),
    byDamageType: countBy(DAMAGE_TYPES, count('damageType')),
  };
}

function basisOf(claims: number, counts: ReturnType<typeof breakdownsOf>): StatsBasis {
  return {
    claims,
    byClaimantType: withShares(counts.byClaimantType, claims),
    byDamageType: withShares(counts.byDamageType, claims),
  };
}

/**
 * The council's figures for one batch or the whole workspace. Other affiliates' claims are
 * exactly the excluded_affiliate tier, since the tier rule checks the affiliate first. The
 * published shares are over Kakao's claims alone, so both bases are counted.
 */
export function batchStats(ctx: ServiceContext, batchId?: number): Stats {
  if (batchId !== undefined && !findBatchById(ctx.db, batchId))
    throw new ServiceError('not_found', `batch ${batchId} does not exist`);
  // One read transaction: every figure describes the same moment.
  return ctx.db.transaction((): Stats => {
    // Every count below adds up one grouping of the claims, read in a single pass.
    const rows = countClaimsByKindAndTier(ctx.db, batchId);
    const kakaoRows = rows.filter((row) => row.tier !== 'excluded_affiliate');
    const group: Counter = (column) => tally(rows, column);
    const groupKakao: Counter = (column) => tally(kakaoRows, column);
    const byTier = countBy(TIERS, tally(rows, 'tier'));
    const claims = Object.values(byTier).reduce((sum, n) => sum + n, 0);
    const kakao = claims - byTier.excluded_affiliate;
    const all = breakdownsOf(group);
    return {
      claims,
      byAffiliate: { kakao, other: byTier.excluded_affiliate },
      ...all,
      byTier,
      bases: { kakao: basisOf(kakao, breakdownsOf(groupKakao)), all: basisOf(claims, all) },
      reviewQueue: {
        ...reviewQueueTotals(ctx.db, batchId),
        ...reviewQueueDecisionCounts(ctx.db, batchId),
      },
      published: isWholeIntake(claims) ? PUBLISHED_INTAKE : null,
    };
  })();
}

/** Shares alongside counts, for the CLI's JSON and the charts' labels: percent with one decimal. */
export function sharesOf<K extends string>(counts: Record<K, number>): Record<K, number> {
  const total = Object.values<number>(counts).reduce((sum, n) => sum + n, 0);
  return Object.fromEntries(
    Object.entries<number>(counts).map(([key, n]) => [key, percentOf(n, total)]),
  ) as Record<K, number>;
}

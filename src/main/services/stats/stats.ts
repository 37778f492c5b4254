import { CLAIMANT_TYPES, DAMAGE_TYPES } from '../../../shared/domain/claim';
import { TIERS } from '../../../shared/domain/tier';
import type { Stats } from '../../../shared/ipc/stats-schemas';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { findBatchById } from '../../db/repositories/batches';
import {
  countClaimsBy,
  reviewQueueTotals,
  type ClaimCountColumn,
} from '../../db/repositories/claims';

function countBy<K extends string>(
  keys: readonly K[],
  rows: { key: string; n: number }[],
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const { key, n } of rows) if (key in counts) counts[key as K] = n;
  return counts;
}

/**
 * The council's figures for one batch or the whole workspace. Other affiliates' claims are
 * exactly the excluded_affiliate tier, since the tier rule checks the affiliate first.
 */
export function batchStats(ctx: ServiceContext, batchId?: number): Stats {
  if (batchId !== undefined && !findBatchById(ctx.db, batchId))
    throw new ServiceError('not_found', `batch ${batchId} does not exist`);
  const group = (column: ClaimCountColumn) => countClaimsBy(ctx.db, column, batchId);
  const byTier = countBy(TIERS, group('tier'));
  const queue = reviewQueueTotals(ctx.db, batchId);
  const claims = Object.values(byTier).reduce((sum, n) => sum + n, 0);
  return {
    claims,
    byAffiliate: { kakao: claims - byTier.excluded_affiliate, other: byTier.excluded_affiliate },
    byClaimantType: countBy(CLAIMANT_TYPES, group('claimant_type')),
    byDamageType: countBy(DAMAGE_TYPES, group('damage_type')),
    byTier,
    reviewQueue: queue,
  };
}

/** Shares alongside counts, for the CLI's JSON and the charts' labels: percent with one decimal. */
export function sharesOf<K extends string>(counts: Record<K, number>): Record<K, number> {
  const total = Object.values<number>(counts).reduce((sum, n) => sum + n, 0);
  return Object.fromEntries(
    Object.entries<number>(counts).map(([key, n]) => [
      key,
      total === 0 ? 0 : Math.round((n / total) * 1000) / 10,
    ]),
  ) as Record<K, number>;
}

import { REVIEW_STATES, stateAfter } from '../../../shared/domain/decision';
import { OPEN_REVIEW_STATES } from '../../../shared/domain/summary';
import { TIERS, type Tier } from '../../../shared/domain/tier';
import type { SecretarySummary } from '../../../shared/ipc/payouts-schemas';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { buildLedger } from '../ledger';
import { countAppealsByState } from '../../db/repositories/appeals';
import { countClaimsByTier, countCommitteeCasesByOutcome } from '../../db/repositories/payouts';

/*
 * The secretary's summary of the workspace or one batch. Money to pay is the payout ledger's
 * own summary (buildLedger), so the screen, the minutes and the exported file cannot disagree;
 * this file only counts claims and adds up what the open committee cases claim, which is
 * exposure and no part of the ledger.
 */

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

function tierCounts(ctx: ServiceContext, batchId: number | null): Record<Tier, number> {
  const byTier = zeros(TIERS);
  const rows = countClaimsByTier(ctx.db, batchId);
  for (const { tier, n } of rows) if (tier in byTier) byTier[tier] = n;
  return byTier;
}

function committeeFigures(
  ctx: ServiceContext,
  batchId: number | null,
): Omit<SecretarySummary['committee'], 'cases'> {
  const byState = zeros(REVIEW_STATES);
  const open = { count: 0, claimedTotal: 0, withoutClaimedLoss: 0 };
  const openStates: readonly string[] = OPEN_REVIEW_STATES;
  const rows = countCommitteeCasesByOutcome(ctx.db, batchId);
  for (const row of rows) {
    const state = row.outcome === null ? 'undecided' : stateAfter(row.outcome);
    byState[state] += row.n;
    if (!openStates.includes(state)) continue;
    open.count += row.n;
    open.claimedTotal += row.claimed;
    open.withoutClaimedLoss += row.withoutLoss;
  }
  if (!Number.isSafeInteger(open.claimedTotal))
    throw new ServiceError('conflict', 'the open claims add up past whole KRW');
  return { byState, open };
}

function appealCounts(ctx: ServiceContext, batchId: number | null): SecretarySummary['appeals'] {
  const byState = { filed: 0, admitted: 0, rejected: 0 };
  for (const { state, n } of countAppealsByState(ctx.db, batchId)) byState[state] = n;
  return {
    filed: byState.filed + byState.admitted + byState.rejected,
    admitted: byState.admitted,
    rejected: byState.rejected,
    undecided: byState.filed,
  };
}

/** Totals per tier, the council's cases, appeals and the payout ledger's sums, for one scope. */
export function secretarySummary(
  ctx: ServiceContext,
  options: { batchId?: number | undefined } = {},
): SecretarySummary {
  const batchId = options.batchId ?? null;
  // One read transaction: the ledger and the counts describe the same moment.
  return ctx.db.transaction(() => {
    // buildLedger refuses a batch that does not exist (not_found) before anything is counted.
    const ledger = buildLedger(ctx, { batchId: options.batchId });
    const byTier = tierCounts(ctx, batchId);
    return {
      batch: ledger.batch,
      claims: TIERS.reduce((sum, tier) => sum + byTier[tier], 0),
      byTier,
      ledger: ledger.summary,
      committee: { cases: byTier.committee_review, ...committeeFigures(ctx, batchId) },
      appeals: appealCounts(ctx, batchId),
    };
  })();
}

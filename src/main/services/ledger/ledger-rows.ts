import type { Tier } from '../../../shared/domain/tier';
import {
  PAYOUT_BASES,
  type LedgerSummary,
  type PayoutBasis,
} from '../../../shared/ipc/ledger-schemas';
import { findBatchById } from '../../db/repositories/batches';
import { listLedgerSourceRows, type LedgerSourceRow } from '../../db/repositories/ledger';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/*
 * Which claims the ledger pays, and how much:
 * - tier_30k and tier_50k claims at their bracket's amount, read from claim_support (migration
 *   006), which every path that adds claims fills from FIXED_SUPPORT; the ledger does not
 *   classify or price anything again.
 * - committee_review claims whose current decision (the one nothing replaces yet, the head of
 *   the chain of migration 002) is approve or partial, at that decision's amount. Whatever its
 *   source counts: a meeting's confirmation, or a decision typed from the meeting's sheet or the
 *   decision form (those carry no meeting_id). A later amendment replaces a meeting's figure,
 *   and paying the superseded figure would pay the wrong amount; the 회의 column and the summary's
 *   committeeWithoutMeeting show the secretary which rows no meeting confirmed.
 * Rows come in claim-id order. Contact data never enters the ledger.
 */

/** A claim the ledger pays: its source row with the amount that applies and why. */
export interface LedgerRow extends Omit<LedgerSourceRow, 'bracketAmount' | 'decidedAmount'> {
  /** What to pay, integer KRW. */
  amount: number;
  basis: PayoutBasis;
}

export interface Ledger {
  rows: LedgerRow[];
  summary: LedgerSummary;
  /** The batch the ledger was limited to; null for the whole workspace. */
  batch: { id: number; name: string } | null;
  generatedAt: Date;
  generatedBy: string;
}

function basisOf(tier: Tier): PayoutBasis {
  return tier === 'tier_30k' || tier === 'tier_50k' ? tier : 'committee';
}

function toLedgerRow(row: LedgerSourceRow): LedgerRow {
  const basis = basisOf(row.tier);
  const amount = basis === 'committee' ? row.decidedAmount : row.bracketAmount;
  if (amount === null) {
    // Only a workspace whose derived data was never computed lacks the bracket amount.
    throw new ServiceError(
      'conflict',
      `claim ${row.claimId} (${row.tier}) has no support amount in claim_support; reopen the workspace so it is computed, then export again`,
    );
  }
  return {
    claimId: row.claimId,
    businessName: row.businessName,
    businessRegNo: row.businessRegNo,
    claimantType: row.claimantType,
    tier: row.tier,
    claimedLoss: row.claimedLoss,
    amount,
    basis,
    batchId: row.batchId,
    batchName: row.batchName,
    decisionId: row.decisionId,
    meetingNumber: row.meetingNumber,
    decidedOn: row.decidedOn,
  };
}

export function summariseLedger(rows: LedgerRow[], batchId: number | null): LedgerSummary {
  const byBasis = Object.fromEntries(
    PAYOUT_BASES.map((basis) => [basis, { count: 0, total: 0 }]),
  ) as LedgerSummary['byBasis'];
  let committeeWithoutMeeting = 0;
  for (const row of rows) {
    byBasis[row.basis].count += 1;
    byBasis[row.basis].total += row.amount;
    if (row.basis === 'committee' && row.meetingNumber === null) committeeWithoutMeeting += 1;
  }
  const total = PAYOUT_BASES.reduce((sum, basis) => sum + byBasis[basis].total, 0);
  if (!Number.isSafeInteger(total))
    throw new ServiceError('conflict', 'the ledger total is too large to add up in whole KRW');
  return { batchId, byBasis, count: rows.length, total, committeeWithoutMeeting };
}

/** The ledger of the whole workspace, or of one batch. */
export function buildLedger(
  ctx: ServiceContext,
  options: { batchId?: number | undefined } = {},
): Ledger {
  const batchId = options.batchId ?? null;
  const batch = batchId === null ? undefined : findBatchById(ctx.db, batchId);
  if (batchId !== null && !batch)
    throw new ServiceError('not_found', `batch ${batchId} does not exist`);
  const rows = listLedgerSourceRows(ctx.db, batchId).map(toLedgerRow);
  return {
    rows,
    summary: summariseLedger(rows, batchId),
    batch: batch ? { id: batch.id, name: batch.name } : null,
    generatedAt: ctx.now(),
    generatedBy: ctx.actor,
  };
}

import { stillPayable } from '../../../shared/domain/appeals';
import { fixedSupportFor, type Tier } from '../../../shared/domain/tier';
import {
  PAYOUT_BASES,
  type LedgerSummary,
  type PayoutBasis,
} from '../../../shared/ipc/ledger-schemas';
import { findBatchById } from '../../db/repositories/batches';
import {
  listOutsideViewRows,
  listAwaitingCouncilRows,
  listLedgerSourceRows,
  type AwaitingCouncilRow,
  type OutsideViewRow,
  type LedgerSourceRow,
} from '../../db/repositories/ledger';
import { importedRosters } from '../roster/roster-store';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/*
 * Which claims the ledger pays, and how much:
 * - tier_30k and tier_50k claims at their bracket's amount, read from claim_support (migration
 *   006), which every path that adds claims fills from FIXED_SUPPORT; the ledger does not
 *   classify or price anything again.
 * - committee_review claims only at the council's decision: the latest decision made in a
 *   meeting (votes, threshold, the chair's confirmation) or co-signed as an amendment (the
 *   secretary's proposal and the chair's signature), when it is approve or partial, at its
 *   amount. What anyone records outside a meeting is a member's view and pays nothing, however
 *   recent: a secretary who "amends" a confirmed 730,000원 to 1원 outside a meeting changes no
 *   payout.
 * - A claim paid by bracket at import and since re-tiered to committee review (an admitted
 *   appeal, or a correction whose new loss is over the brackets) has already been paid its
 *   bracket: the amount FIXED_SUPPORT gives the tier of its version 1 (claim_versions). Its row
 *   shows the council's amount, that bracket as already paid, and the difference still payable,
 *   never below nothing. Every other row has nothing already paid. The totals add up what is
 *   still payable: the brackets of claims still in them, and the council's amounts less any
 *   bracket already paid.
 * - Everything else on committee review is listed apart as awaiting the council, in no total,
 *   with any bracket already paid; and every claim whose latest record is a member's view is
 *   listed with what is paid instead.
 * - A view's recorder is named as recorded when that name is on a roster this workspace loaded;
 *   otherwise (an operating-system account, a name typed before people were their keys) the
 *   outputs call them an unknown person.
 * Rows come in claim-id order. Contact data never enters the ledger.
 */

/** A claim the ledger pays: its source row with the amount that applies and why. */
export interface LedgerRow extends Omit<
  LedgerSourceRow,
  'bracketAmount' | 'decidedAmount' | 'importedTier'
> {
  /** What the claim is granted, integer KRW: its bracket's amount, or the council's. */
  amount: number;
  /** The bracket paid before the claim was re-tiered to council review; 0 for any other claim. */
  alreadyPaid: number;
  /** What is still to pay: amount less alreadyPaid, never below 0. The totals add these. */
  payable: number;
  basis: PayoutBasis;
}

/** A claim awaiting the council; `outsideByOnRoster` is null when no view was recorded. */
export interface AwaitingRow extends Omit<AwaitingCouncilRow, 'importedTier'> {
  outsideByOnRoster: boolean | null;
  /** The bracket paid before the claim was re-tiered to council review; 0 otherwise. */
  alreadyPaid: number;
}

/** The bracket a re-tiered claim was paid as imported; 0 for a claim never re-tiered. */
function bracketAlreadyPaid(importedTier: Tier | null): number {
  return importedTier === null ? 0 : (fixedSupportFor(importedTier) ?? 0);
}

/** A member's view that is a claim's latest record, and whether its recorder is known. */
export interface OutsideView extends OutsideViewRow {
  recordedByOnRoster: boolean;
}

/** Every name on any roster this workspace loaded. */
function councilNames(ctx: ServiceContext): Set<string> {
  return new Set(importedRosters(ctx.db).flatMap((r) => r.payload.members.map((m) => m.name)));
}

export interface Ledger {
  rows: LedgerRow[];
  /** Committee claims the council has not decided yet: listed apart, never paid. */
  awaiting: AwaitingRow[];
  /**
   * Committee claims whose latest record is a member's view outside a meeting (before issue 14
   * the ledger paid those): listed with what the ledger follows instead, never paid.
   */
  outsideViews: OutsideView[];
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
  const alreadyPaid = basis === 'committee' ? bracketAlreadyPaid(row.importedTier) : 0;
  return {
    claimId: row.claimId,
    businessName: row.businessName,
    businessRegNo: row.businessRegNo,
    claimantType: row.claimantType,
    tier: row.tier,
    claimedLoss: row.claimedLoss,
    amount,
    alreadyPaid,
    payable: stillPayable(amount, alreadyPaid),
    basis,
    batchId: row.batchId,
    batchName: row.batchName,
    decisionId: row.decisionId,
    meetingNumber: row.meetingNumber,
    decidedOn: row.decidedOn,
  };
}

export function summariseLedger(
  rows: LedgerRow[],
  batchId: number | null,
  apart: { awaitingCouncil: number; outsideMeeting: number },
): LedgerSummary {
  const byBasis = Object.fromEntries(
    PAYOUT_BASES.map((basis) => [basis, { count: 0, total: 0 }]),
  ) as LedgerSummary['byBasis'];
  for (const row of rows) {
    byBasis[row.basis].count += 1;
    byBasis[row.basis].total += row.payable;
  }
  const total = PAYOUT_BASES.reduce((sum, basis) => sum + byBasis[basis].total, 0);
  if (!Number.isSafeInteger(total))
    throw new ServiceError('conflict', 'the ledger total is too large to add up in whole KRW');
  return { batchId, byBasis, count: rows.length, total, ...apart };
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
  const names = councilNames(ctx);
  const awaiting = listAwaitingCouncilRows(ctx.db, batchId).map(({ importedTier, ...row }) => ({
    ...row,
    outsideByOnRoster: row.outsideBy === null ? null : names.has(row.outsideBy),
    alreadyPaid: bracketAlreadyPaid(importedTier),
  }));
  const outsideViews = listOutsideViewRows(ctx.db, batchId).map((row) => ({
    ...row,
    recordedByOnRoster: names.has(row.recordedBy),
  }));
  return {
    rows,
    awaiting,
    outsideViews,
    summary: summariseLedger(rows, batchId, {
      awaitingCouncil: awaiting.length,
      outsideMeeting: outsideViews.length,
    }),
    batch: batch ? { id: batch.id, name: batch.name } : null,
    generatedAt: ctx.now(),
    generatedBy: ctx.actor,
  };
}

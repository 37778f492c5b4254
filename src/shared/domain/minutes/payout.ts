import { budgetOf, type BudgetInput, type BudgetRowId } from '../summary';

/*
 * The workspace's payout position at the moment a minutes version is drafted (지급 현황): the
 * secretary's summary of the whole workspace, put through the budget view (budgetOf) exactly as
 * the summary screen shows it. Nothing is counted or priced here; the rows are the budget's own.
 *
 * Why it sits inside the hashed model and not beside it: the minutes record what the council
 * knew when it approved them. The chair approves a meeting's decisions against the money
 * already committed and still open, and that position moves with every later meeting; a figure
 * read again at print time would silently restate the approved record. So the snapshot is
 * frozen with the version, and its hash covers it.
 */

/** The secretary's summary fields the minutes take; SecretarySummary has this shape. */
export interface MinutesPayoutInput extends BudgetInput {
  /** null: the whole workspace, the only scope the minutes take. */
  batch: { id: number } | null;
  claims: number;
  ledger: BudgetInput['ledger'] & { awaitingCouncil: number; outsideMeeting: number };
}

/** One budget row as figures only: its label and the published rule stay in the layout. */
export interface MinutesPayoutRow {
  id: BudgetRowId;
  count: number;
  /** The bracket's support when the row's total is exactly count x support; else null. */
  unitAmount: number | null;
  /** Integer KRW to pay (brackets, council approved) or claimed (open cases); null: package. */
  amount: number | null;
  /** Open cases whose claim names no loss, so their exposure is unknown. */
  unpriced: number;
}

export interface MinutesPayoutSummary {
  /**
   * Whose figures: every batch in the workspace, not only this meeting's claims. The budget is
   * the programme's, and an agenda may draw on several batches.
   */
  scope: 'workspace';
  /** Claims in the workspace, every tier. */
  claims: number;
  /** In the budget view's order: tier_30k, tier_50k, committee_paid, committee_open, package. */
  rows: MinutesPayoutRow[];
  /** Brackets plus the council's approved amounts: the payout ledger's total. */
  toPay: { count: number; amount: number };
  /** toPay plus what the open cases claim: the most if every open case were paid in full. */
  ceiling: number;
  /**
   * Only in versions drafted before issue 14: decisions paid that no meeting confirmed. Since
   * then only a meeting's decision is paid, so no new version carries it.
   */
  committeeWithoutMeeting?: number;
  /** Committee claims whose latest record was made outside a meeting: a view, not paid. */
  outsideMeeting?: number;
}

export function minutesPayoutSummary(input: MinutesPayoutInput): MinutesPayoutSummary {
  if (input.batch !== null)
    throw new RangeError(
      `the minutes take the whole workspace's summary, not batch ${input.batch.id}'s`,
    );
  const budget = budgetOf(input);
  return {
    scope: 'workspace',
    claims: input.claims,
    rows: budget.rows.map(({ id, count, unitAmount, amount, unpriced }) => ({
      id,
      count,
      unitAmount,
      amount,
      unpriced,
    })),
    toPay: { count: budget.toPayCount, amount: budget.toPay },
    ceiling: budget.ceiling,
    outsideMeeting: input.ledger.outsideMeeting,
  };
}

/** The row of one kind; every summary holds all five. */
export function payoutRow(summary: MinutesPayoutSummary, id: BudgetRowId): MinutesPayoutRow {
  const row = summary.rows.find((r) => r.id === id);
  if (!row) throw new RangeError(`the payout summary has no ${id} row`);
  return row;
}

import type { ReviewState } from '../decision';
import { FIXED_SUPPORT } from '../tier';
import { PUBLISHED_PACKAGE_TOTAL, PUBLISHED_RULES, type Labelled } from './published';

/*
 * The budget view: the workspace's own money beside the published rule or estimate for each
 * kind of support. What the workspace pays comes from the payout ledger's totals (the same
 * figures its export adds up to); what the open committee cases claim is exposure, not money
 * owed; general users get a package, so their claims are counted and never priced.
 */

/** A committee case still open: nothing paid and nothing refused yet. */
export const OPEN_REVIEW_STATES = [
  'undecided',
  'evidence_requested',
  'deferred',
] as const satisfies readonly ReviewState[];

export const BUDGET_ROWS = [
  'tier_30k',
  'tier_50k',
  'committee_paid',
  'committee_open',
  'general_package',
] as const;
export type BudgetRowId = (typeof BUDGET_ROWS)[number];

/** payout: to be paid; exposure: claimed, not yet decided; package: not money. */
export type BudgetRowKind = 'payout' | 'exposure' | 'package';

export interface BudgetRow {
  id: BudgetRowId;
  kind: BudgetRowKind;
  count: number;
  /**
   * The bracket's fixed support, when the row's total is exactly count x that support (so the
   * screen may show the product); null for the other rows or if the ledger paid otherwise.
   */
  unitAmount: number | null;
  /** Integer KRW to pay (payout) or claimed (exposure); null for the package. */
  amount: number | null;
  /** Open cases with no claimed loss on file: their exposure is unknown, not zero. */
  unpriced: number;
  /** The published rule this row sits beside. */
  published: Labelled;
  /** The published estimate in KRW, where one was announced (the package only). */
  publishedAmount: number | null;
}

export interface Budget {
  rows: BudgetRow[];
  /** Brackets plus the council's approved amounts: the ledger's total. */
  toPay: number;
  toPayCount: number;
  /** What the open committee cases claim. */
  openExposure: number;
  /** toPay plus openExposure: the most if every open case were paid what it claims. */
  ceiling: number;
  packageClaims: number;
}

interface CountAndTotal {
  count: number;
  total: number;
}

/** The workspace's numbers the budget needs; the secretary's summary has this shape. */
export interface BudgetInput {
  ledger: {
    byBasis: { tier_30k: CountAndTotal; tier_50k: CountAndTotal; committee: CountAndTotal };
  };
  committee: { open: { count: number; claimedTotal: number; withoutClaimedLoss: number } };
  byTier: { general_package: number };
}

export const BUDGET_ROW_LABELS: Record<BudgetRowId, Labelled> = {
  tier_30k: { ko: '30만원 이하 구간', en: 'Up to 300,000 bracket' },
  tier_50k: { ko: '30만원 초과 50만원 이하 구간', en: '300,001 to 500,000 bracket' },
  committee_paid: { ko: '위원회 인정·일부 인정', en: 'Council approved (in full or part)' },
  committee_open: { ko: '위원회 미결 (청구액)', en: 'Council cases still open (claimed)' },
  general_package: { ko: '일반이용자 보상 패키지', en: 'General-user package' },
};

export class BudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

function safeSum(values: number[]): number {
  const sum = values.reduce((total, value) => total + value, 0);
  if (!Number.isSafeInteger(sum))
    throw new BudgetError('the budget is too large to add up in whole KRW');
  return sum;
}

function bracketRow(id: 'tier_30k' | 'tier_50k', figures: CountAndTotal): BudgetRow {
  const support = FIXED_SUPPORT[id]!;
  return {
    id,
    kind: 'payout',
    count: figures.count,
    unitAmount: figures.total === figures.count * support ? support : null,
    amount: figures.total,
    unpriced: 0,
    published: PUBLISHED_RULES[id],
    publishedAmount: null,
  };
}

/** The budget rows and totals of a workspace (or one batch), beside the published figures. */
export function budgetOf(input: BudgetInput): Budget {
  const { byBasis } = input.ledger;
  const { open } = input.committee;
  for (const value of [open.count, open.claimedTotal, open.withoutClaimedLoss])
    if (!Number.isSafeInteger(value) || value < 0)
      throw new BudgetError(`not a whole, non-negative figure: ${String(value)}`);
  const rows: BudgetRow[] = [
    bracketRow('tier_30k', byBasis.tier_30k),
    bracketRow('tier_50k', byBasis.tier_50k),
    {
      id: 'committee_paid',
      kind: 'payout',
      count: byBasis.committee.count,
      unitAmount: null,
      amount: byBasis.committee.total,
      unpriced: 0,
      published: PUBLISHED_RULES.committee,
      publishedAmount: null,
    },
    {
      id: 'committee_open',
      kind: 'exposure',
      count: open.count,
      unitAmount: null,
      amount: open.claimedTotal,
      unpriced: open.withoutClaimedLoss,
      published: PUBLISHED_RULES.committee,
      publishedAmount: null,
    },
    {
      id: 'general_package',
      kind: 'package',
      count: input.byTier.general_package,
      unitAmount: null,
      amount: null,
      unpriced: 0,
      published: PUBLISHED_RULES.general_package,
      publishedAmount: PUBLISHED_PACKAGE_TOTAL,
    },
  ];
  const payouts = rows.filter((row) => row.kind === 'payout');
  const toPay = safeSum(payouts.map((row) => row.amount ?? 0));
  return {
    rows,
    toPay,
    toPayCount: safeSum(payouts.map((row) => row.count)),
    openExposure: open.claimedTotal,
    ceiling: safeSum([toPay, open.claimedTotal]),
    packageClaims: input.byTier.general_package,
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BudgetError,
  budgetOf,
  BUDGET_ROWS,
  PUBLISHED_PACKAGE_ITEMS,
  PUBLISHED_PACKAGE_SOURCE,
  PUBLISHED_PACKAGE_TOTAL,
  PUBLISHED_RULES,
  publishedItemsTotal,
  type BudgetInput,
} from '../../src/shared/domain/summary';

/** The sample workspace's figures (tests/main/ledger/support.ts), written out by hand. */
const SAMPLE: BudgetInput = {
  ledger: {
    byBasis: {
      tier_30k: { count: 1, total: 30_000 },
      tier_50k: { count: 2, total: 100_000 },
      committee: { count: 3, total: 2_020_000 },
    },
  },
  committee: { open: { count: 2, claimedTotal: 1_950_000, withoutClaimedLoss: 0 } },
  byTier: { general_package: 1 },
};

describe('the budget view', () => {
  it('puts the brackets, the council and the package beside the published rules', () => {
    const budget = budgetOf(SAMPLE);
    expect(budget.rows.map((row) => row.id)).toEqual([...BUDGET_ROWS]);
    expect(
      budget.rows.map(({ id, kind, count, unitAmount, amount }) => ({
        id,
        kind,
        count,
        unitAmount,
        amount,
      })),
    ).toEqual([
      { id: 'tier_30k', kind: 'payout', count: 1, unitAmount: 30_000, amount: 30_000 },
      { id: 'tier_50k', kind: 'payout', count: 2, unitAmount: 50_000, amount: 100_000 },
      { id: 'committee_paid', kind: 'payout', count: 3, unitAmount: null, amount: 2_020_000 },
      { id: 'committee_open', kind: 'exposure', count: 2, unitAmount: null, amount: 1_950_000 },
      { id: 'general_package', kind: 'package', count: 1, unitAmount: null, amount: null },
    ]);
    expect(budget.rows[0]!.published).toBe(PUBLISHED_RULES.tier_30k);
    expect(budget.rows[3]!.published).toBe(PUBLISHED_RULES.committee);
    // Only the package has a published amount; the council announced no sum for its cases.
    expect(budget.rows.map((row) => row.publishedAmount)).toEqual([
      null,
      null,
      null,
      null,
      PUBLISHED_PACKAGE_TOTAL,
    ]);
  });

  it('pays the brackets and the approved amounts; open claims are exposure, not money owed', () => {
    const budget = budgetOf(SAMPLE);
    expect(budget.toPay).toBe(2_150_000);
    expect(budget.toPayCount).toBe(6);
    expect(budget.openExposure).toBe(1_950_000);
    expect(budget.ceiling).toBe(4_100_000);
    expect(budget.packageClaims).toBe(1);
  });

  it('shows count x support only when the ledger paid exactly that', () => {
    const odd = structuredClone(SAMPLE);
    odd.ledger.byBasis.tier_50k.total = 99_000;
    const row = budgetOf(odd).rows.find((r) => r.id === 'tier_50k')!;
    expect(row.unitAmount).toBeNull();
    expect(row.amount).toBe(99_000);
  });

  it('keeps open cases without a claimed loss visible as unpriced', () => {
    const input = structuredClone(SAMPLE);
    input.committee.open = { count: 3, claimedTotal: 1_950_000, withoutClaimedLoss: 1 };
    expect(budgetOf(input).rows.find((r) => r.id === 'committee_open')!.unpriced).toBe(1);
  });

  it('toPay always equals the sum of the payout rows, and the ceiling adds the exposure', () => {
    const part = fc.record({
      count: fc.integer({ min: 0, max: 1_000_000 }),
      total: fc.integer({ min: 0, max: 1e12 }),
    });
    fc.assert(
      fc.property(part, part, part, fc.integer({ min: 0, max: 1e12 }), (a, b, c, exposure) => {
        const budget = budgetOf({
          ledger: { byBasis: { tier_30k: a, tier_50k: b, committee: c } },
          committee: { open: { count: 1, claimedTotal: exposure, withoutClaimedLoss: 0 } },
          byTier: { general_package: 0 },
        });
        expect(budget.toPay).toBe(a.total + b.total + c.total);
        expect(budget.toPayCount).toBe(a.count + b.count + c.count);
        expect(budget.ceiling).toBe(budget.toPay + exposure);
      }),
    );
  });

  it('refuses sums past whole KRW and figures that are not whole', () => {
    const huge = structuredClone(SAMPLE);
    huge.ledger.byBasis.committee.total = Number.MAX_SAFE_INTEGER;
    expect(() => budgetOf(huge)).toThrow(BudgetError);
    const fractional = structuredClone(SAMPLE);
    fractional.committee.open.claimedTotal = 1.5;
    expect(() => budgetOf(fractional)).toThrow(BudgetError);
  });
});

describe('the published general-user estimate', () => {
  it('carries the announced figures: coupons 5,000 x 48 million, passes 990 x 3 million', () => {
    expect(PUBLISHED_PACKAGE_TOTAL).toBe(500_000_000_000);
    expect(PUBLISHED_PACKAGE_ITEMS).toEqual([
      { id: 'emoticons', unit: null, recipients: null, amount: 300_000_000_000, approximate: true },
      {
        id: 'coupons',
        unit: 5_000,
        recipients: 48_000_000,
        amount: 240_000_000_000,
        approximate: false,
      },
      { id: 'passes', unit: 990, recipients: 3_000_000, amount: 2_970_000_000, approximate: false },
    ]);
  });

  it('keeps the items apart from the rounded headline: they add up to 542.97 billion', () => {
    expect(publishedItemsTotal()).toBe(542_970_000_000);
    expect(publishedItemsTotal()).not.toBe(PUBLISHED_PACKAGE_TOTAL);
  });

  it('quotes its source sentence in both languages', () => {
    expect(PUBLISHED_PACKAGE_SOURCE.en).toContain('about 500 billion KRW');
    expect(PUBLISHED_PACKAGE_SOURCE.en).toContain('990 x 3 million');
    expect(PUBLISHED_PACKAGE_SOURCE.ko).toContain('5,000억원');
  });
});

import { describe, expect, it } from 'vitest';
import { whereSql } from '../../../src/main/db/queries/queue';
import { queueCountSql } from '../../../src/main/db/repositories/queue';
import { secretarySummary } from '../../../src/main/services/payouts';
import { secretarySummary as summarySchema } from '../../../src/shared/ipc/payouts-schemas';
import {
  admit,
  appealsWorkspace,
  BRACKET_30K,
  BRACKET_50K,
  fileOn,
  gridRows,
  reject,
} from './support';

const OPEN_AGAIN = 'K-2022-000107';

/** 105 admitted; 106 rejected, then appealed again; 107 filed and waiting. */
async function threeAppeals() {
  const ws = appealsWorkspace();
  admit(ws, (await fileOn(ws, BRACKET_30K)).appeal.id);
  reject(ws, (await fileOn(ws, BRACKET_50K)).appeal.id);
  await fileOn(ws, OPEN_AGAIN);
  return ws;
}

const ids = (rows: { claimId: string }[]) => rows.map((row) => row.claimId);
const text = (type: string, filter?: string) => ({ filterType: 'text' as const, type, filter });

describe("the grid's appeals view", () => {
  it('lists the claims with any appeal, each with where its latest appeal stands', async () => {
    const ws = await threeAppeals();
    expect(
      gridRows(ws, 'appeals').map(({ claimId, appeal, tier }) => ({ claimId, appeal, tier })),
    ).toEqual([
      { claimId: BRACKET_30K, appeal: 'admitted', tier: 'committee_review' },
      { claimId: BRACKET_50K, appeal: 'rejected', tier: 'tier_50k' },
      { claimId: OPEN_AGAIN, appeal: 'filed', tier: 'tier_50k' },
    ]);
    expect(gridRows(ws, 'all').find((row) => row.claimId === 'K-2022-000101')?.appeal).toBeNull();

    // The claimant of 106 appeals again: the grid shows the latest appeal.
    await fileOn(ws, BRACKET_50K, '세금계산서를 찾았음');
    expect(gridRows(ws, 'appeals').find((row) => row.claimId === BRACKET_50K)?.appeal).toBe(
      'filed',
    );
  });

  it('filters and sorts by the words on screen, a claim without an appeal being blank', async () => {
    const ws = await threeAppeals();
    const filtered = (filter: ReturnType<typeof text>, view: 'all' | 'appeals' = 'appeals') =>
      ids(gridRows(ws, view, { appeal: filter as never }));
    expect(filtered(text('contains', '인용'))).toEqual([BRACKET_30K]);
    expect(filtered(text('equals', 'Rejected'))).toEqual([BRACKET_50K]);
    expect(filtered(text('notContains', '기각'))).toEqual([BRACKET_30K, OPEN_AGAIN]);
    expect(filtered(text('notBlank'), 'all')).toEqual([BRACKET_30K, BRACKET_50K, OPEN_AGAIN]);
    expect(filtered(text('blank'), 'all')).not.toContain(BRACKET_30K);
    // Sorted by the stored codes (admitted, filed, rejected), blanks last either way; ties and
    // blanks by claim id in the sort's direction.
    const sorted = (sort: 'asc' | 'desc') =>
      ids(gridRows(ws, 'all', {}, [{ colId: 'appeal', sort }])).slice(0, 4);
    expect(sorted('asc')).toEqual([BRACKET_30K, OPEN_AGAIN, BRACKET_50K, 'K-2022-000101']);
    expect(sorted('desc')).toEqual([BRACKET_50K, OPEN_AGAIN, BRACKET_30K, 'K-2022-000112']);
  });

  it('reads the view from the appeals index, each claim by key, never a scan of the claims', async () => {
    const ws = await threeAppeals();
    const where = whereSql({ view: 'appeals', search: '', sort: [], filters: {} }, null);
    const plan = (
      ws.db.prepare(`EXPLAIN QUERY PLAN ${queueCountSql(where)}`).all() as { detail: string }[]
    ).map((row) => row.detail);
    // Appeals are a handful beside 100k claims: their index is read whole, the claims by key.
    expect(plan).toEqual([
      'SEARCH c USING COVERING INDEX sqlite_autoindex_claims_1 (claim_id=?)',
      'LIST SUBQUERY 1',
      'SCAN appeals USING COVERING INDEX appeals_by_claim',
    ]);
  });
});

describe("the secretary's summary", () => {
  it('counts appeals filed, admitted, rejected and still waiting, for the scope', async () => {
    const ws = await threeAppeals();
    const summary = secretarySummary(ws);
    expect(summary.appeals).toEqual({ filed: 3, admitted: 1, rejected: 1, undecided: 1 });
    expect(secretarySummary(ws, { batchId: 1 }).appeals).toEqual(summary.appeals);
    expect(summarySchema.parse(summary)).toEqual(summary);
  });

  it('counts none in a workspace without appeals', () => {
    const ws = appealsWorkspace();
    expect(secretarySummary(ws).appeals).toEqual({
      filed: 0,
      admitted: 0,
      rejected: 0,
      undecided: 0,
    });
  });
});

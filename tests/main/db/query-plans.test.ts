import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderSql, walksSortIndex, whereSql } from '../../../src/main/db/queries/queue';
import {
  afterSql,
  both,
  emptiesSql,
  keysetOrder,
  sortValueSql,
} from '../../../src/main/db/queries/queue-keyset';
import { LEDGER_SQL } from '../../../src/main/db/repositories/ledger';
import {
  queueCountSql,
  queuePageKeysSql,
  queueRowsSql,
} from '../../../src/main/db/repositories/queue';
import { COMMITTEE_SQL, TIER_COUNTS_SQL } from '../../../src/main/db/repositories/payouts';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import {
  QUEUE_COLUMNS,
  QUEUE_VIEWS,
  type QueueColumn,
  type QueueViewId,
} from '../../../src/shared/domain/queue-views';
import type { QueueQuery } from '../../../src/shared/ipc/queue-query';
import { openTempWorkspace } from '../../helpers/temp-workspace';

/*
 * The hot queries' plans, as SQLite chooses them today (docs/decisions/0004: sorting and
 * filtering 100k claims is one indexed query). The statements' text is the repositories' own.
 * Nothing runs ANALYZE, so the planner decides from the schema alone and the sample's few
 * claims get the same plans as a million. A failure here means a query or an index changed
 * shape: look at the new plan before updating the expectation.
 */

let ws: ReturnType<typeof openTempWorkspace>;
beforeAll(() => {
  ws = openTempWorkspace();
  loadSampleClaims(ws);
});
afterAll(() => ws?.cleanup());

/** The plan's detail lines, in order. */
function plan(sql: string, ...params: unknown[]): string[] {
  const rows = ws.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((row) => row.detail);
}

const tempBTrees = (lines: string[]) => lines.filter((line) => line.includes('TEMP B-TREE'));

const ALL: QueueQuery = { view: 'all', search: '', sort: [], filters: {} };

/** The count's plan and the page's, as the queue service runs them (services/queue/page-keys.ts). */
function queuePlans(over: Partial<QueueQuery>): { count: string[]; page: string[] } {
  const query = { ...ALL, ...over };
  const counted = whereSql(query, null);
  const where = whereSql(query, '김민준', walksSortIndex(query));
  const pageSql = queuePageKeysSql(where, orderSql(query), sortValueSql(keysetOrder(query)));
  return {
    count: plan(queueCountSql(counted), ...counted.params),
    page: plan(pageSql, ...where.params, 100, 0),
  };
}

/** The index each column's sort walks (migration 020). */
const SORT_INDEX: Partial<Record<QueueColumn, string>> = {
  receivedAt: 'claims_by_received',
  businessName: 'claims_by_business_name',
  businessRegNo: 'claims_by_business',
  industry: 'claims_by_industry',
  service: 'claims_by_service',
  claimedLoss: 'claims_by_claimed_loss',
};

/**
 * Sorts no index on claims can hold: each is computed per claim from other tables (the current
 * decision, claim_support, assignments, flags, evidence, agreement, appeals). Their page is a
 * top-N sort of the view's rows: about 15-75 ms over all 100k claims, a few ms in a tier.
 */
const COMPUTED_SORTS = new Set<QueueColumn>([
  'calculatedSupport',
  'reviewState',
  'assignee',
  'flags',
  'evidenceCount',
  'agreement',
  'appeal',
]);

/**
 * Views SQLite finds from their own few rows, which it then sorts, whatever the order: a walk of
 * 100k index entries probing each claim would cost more than sorting a few hundred.
 */
const FOUND_FROM_THEIR_ROWS: Partial<Record<QueueViewId, string>> = {
  mine: 'the claims assigned to one member, through claim_assignments_by_assignee',
  deferred: 'claims whose current decision is a deferral, found from the decisions',
  evidence_requested: 'claims waiting on an evidence request, found from the decisions',
  member_conflict: 'claims on which members disagree, through claim_agreement_by_agreement',
  appeals: 'claims with an appeal, from the appeals table',
};

/** What a view's page in an order must do: walk a named index, or (why) sort. */
function expected(
  view: QueueViewId,
  column: QueueColumn | null,
): { walks: string } | { sorts: string } {
  if (column !== null && COMPUTED_SORTS.has(column))
    return { sorts: 'a sort computed from other tables' };
  const foundFromRows = FOUND_FROM_THEIR_ROWS[view];
  const byTier = view === 'queue' || view.startsWith('tier:');
  if (column === null || column === 'claimId') {
    if (byTier) return { walks: 'claims_by_tier' };
    // Two of the few-rows views come out of their lookup in claim id order already.
    if (view === 'member_conflict' || view === 'appeals' || !foundFromRows)
      return { walks: 'sqlite_autoindex_claims_1' };
    return { sorts: foundFromRows };
  }
  if (foundFromRows) return { sorts: foundFromRows };
  if (column === 'tier') {
    // The flagged view searches from the flags when its order is not walked (see viewSql).
    if (view === 'flagged')
      return { sorts: 'the flagged claims, a few per cent, gathered and sorted' };
    return { walks: 'claims_by_tier' };
  }
  return { walks: SORT_INDEX[column]! };
}

const ORDERS: (QueueQuery['sort'][number] | null)[] = [
  null,
  ...QUEUE_COLUMNS.flatMap((colId) => [
    { colId, sort: 'asc' as const },
    { colId, sort: 'desc' as const },
  ]),
];

describe('the review queue', () => {
  it('default view: counts on the smallest index, pages along the primary key without a sort', () => {
    const { count, page } = queuePlans({});
    expect(count).toEqual(['SCAN c USING COVERING INDEX claims_by_batch']);
    // ORDER BY c.claim_id is the primary key's order: the page stops after 100 rows.
    expect(page).toEqual(['SCAN c USING COVERING INDEX sqlite_autoindex_claims_1']);
  });

  it('counts each view by its own index, never by probing every claim', () => {
    // Any index that starts with the tier and holds nothing else it needs will do.
    expect(queuePlans({ view: 'tier:committee_review' }).count).toEqual([
      expect.stringMatching(/^SEARCH c USING COVERING INDEX \w+ \(tier=\?\)$/),
    ]);
    const queue = queuePlans({ view: 'queue' }).count;
    expect(queue).toContainEqual(
      expect.stringMatching(/^SEARCH c USING (COVERING )?INDEX \w+ \(tier=\?\)$/),
    );
    expect(queue).toContain('SEARCH d USING INDEX decisions_by_claim (claim_id=?) LEFT-JOIN');
    expect(queue).toContain(
      'SEARCH n USING COVERING INDEX sqlite_autoindex_decisions_1 (replaces_id=?)',
    );
    // Whether evidence answered the request it stands at (migration 016), by index.
    expect(queue).toContain(
      'SEARCH ea USING COVERING INDEX evidence_arrivals_by_decision (answers_decision_id=?)',
    );
    // The flagged view counts from the flags (a few per cent of claims), not a probe per claim.
    expect(queuePlans({ view: 'flagged' }).count).toEqual([
      'SEARCH c USING COVERING INDEX sqlite_autoindex_claims_1 (claim_id=?)',
      'LIST SUBQUERY 1',
      'SCAN claim_flags USING COVERING INDEX claim_flags_by_flag',
    ]);
    // Views of decisions count from the decisions (SCAN d), far fewer than the claims.
    for (const view of QUEUE_VIEWS) expect(queuePlans({ view }).count).not.toContain('SCAN c');
  });

  describe.each(QUEUE_VIEWS)('the %s view', (view) => {
    it('walks an index for every order, or sorts where the list of exceptions says why', () => {
      const wrong: string[] = [];
      for (const key of ORDERS) {
        const { page } = queuePlans({ view, sort: key === null ? [] : [key] });
        const want = expected(view, key?.colId ?? null);
        const name = `${key === null ? 'default order' : `${key.colId} ${key.sort}`}: ${page.join(' | ')}`;
        if (page.includes('SCAN c')) wrong.push(`reads the claims table whole, ${name}`);
        if ('walks' in want) {
          const walks = page.some((line) =>
            new RegExp(`^(SCAN|SEARCH) c USING (COVERING )?INDEX ${want.walks}\\b`).test(line),
          );
          if (!walks) wrong.push(`does not walk ${want.walks}, ${name}`);
          if (tempBTrees(page).length > 0) wrong.push(`sorts, ${name}`);
        } else if (tempBTrees(page).length === 0)
          wrong.push(`no longer sorts (${want.sorts}): update the exceptions, ${name}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  it('a later page continues in the index from where the last one ended', () => {
    const query: QueueQuery = { ...ALL, sort: [{ colId: 'claimedLoss', sort: 'desc' }] };
    const keyset = keysetOrder(query)!;
    const where = whereSql(query, null, true);
    const after = (value: number | null) =>
      plan(
        queuePageKeysSql(
          both(where, afterSql(keyset, { value, claimId: 'K-2022-000101' })),
          orderSql(query),
          sortValueSql(keyset),
        ),
        ...where.params,
        ...(value === null ? [] : [value]),
        'K-2022-000101',
        100,
        0,
      );
    expect(after(1_850_000)).toEqual([
      'SEARCH c USING COVERING INDEX claims_by_claimed_loss ((claimed_loss,claim_id)<(?,?))',
    ]);
    // Among the empty values, by claim id: the same index, its NULL stretch.
    expect(after(null)).toEqual([
      'SEARCH c USING COVERING INDEX claims_by_claimed_loss (claimed_loss=? AND claim_id<?)',
    ]);
    const empties = both(where, emptiesSql(keyset)!);
    expect(plan(queuePageKeysSql(empties, orderSql(query), sortValueSql(keyset)), 100, 0)).toEqual([
      'SEARCH c USING COVERING INDEX claims_by_claimed_loss (claimed_loss=?)',
    ]);

    // A tier view walks the same index and reads the tier from it, not from the claims' rows.
    const inTier: QueueQuery = { ...query, view: 'tier:committee_review' };
    const tierWhere = whereSql(inTier, null, true);
    expect(
      plan(
        queuePageKeysSql(
          both(tierWhere, afterSql(keyset, { value: 1_850_000, claimId: 'K-2022-000101' })),
          orderSql(inTier),
          sortValueSql(keyset),
        ),
        ...tierWhere.params,
        1_850_000,
        'K-2022-000101',
        100,
        0,
      ),
    ).toEqual([
      'SEARCH c USING COVERING INDEX claims_by_claimed_loss ((claimed_loss,claim_id)<(?,?))',
    ]);
  });

  it('a page’s rows: every table and subquery reached by key', () => {
    const lines = plan(queueRowsSql(3), 'a', 'b', 'c');
    expect(lines.filter((line) => line.startsWith('SCAN'))).toEqual([]);
    expect(tempBTrees(lines)).toEqual([]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'SEARCH c USING INDEX sqlite_autoindex_claims_1 (claim_id=?)',
        'SEARCH d USING INDEX decisions_by_claim (claim_id=?) LEFT-JOIN',
        'SEARCH s USING PRIMARY KEY (claim_id=?) LEFT-JOIN',
        'SEARCH a USING INDEX sqlite_autoindex_claim_assignments_1 (claim_id=?) LEFT-JOIN',
        'SEARCH agr USING PRIMARY KEY (claim_id=?) LEFT-JOIN',
        'SEARCH e USING COVERING INDEX sqlite_autoindex_evidence_1 (claim_id=?)',
      ]),
    );
  });
});

describe('the payout ledger', () => {
  it.each([null, 1])(
    'picks the claims of the paying tiers from claims_by_tier and joins everything by key (batch %s)',
    (batchId) => {
      expect(plan(LEDGER_SQL, { batchId })).toEqual([
        // Only the brackets and committee review can pay, a seventh of the claims: those are
        // read and sorted into claim-id order, not every claim walked in it.
        'SEARCH c USING INDEX claims_by_tier (tier=?)',
        'SEARCH b USING INTEGER PRIMARY KEY (rowid=?)',
        'SEARCH s USING PRIMARY KEY (claim_id=?) LEFT-JOIN',
        // The council's latest decision: its id found by the claim's index, then the row by key.
        'SEARCH d USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
        'CORRELATED SCALAR SUBQUERY 2',
        'SEARCH x USING INDEX decisions_by_claim (claim_id=?)',
        // Whether a decision is a co-signed amendment: the co-signatures' unique key.
        'CORRELATED SCALAR SUBQUERY 1',
        'SEARCH k USING COVERING INDEX sqlite_autoindex_council_amendment_cosignatures_1 (decision_id=?)',
        'SEARCH m USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
        // A re-tiered committee claim's version 1 (the bracket already paid), by its key.
        'SEARCH v USING PRIMARY KEY (claim_id=? AND version=?) LEFT-JOIN',
        'USE TEMP B-TREE FOR ORDER BY',
      ]);
    },
  );
});

describe('the secretary summary', () => {
  it.each([null, 1])('counts tiers along claims_by_tier, no sort (batch %s)', (batchId) => {
    expect(plan(TIER_COUNTS_SQL, { batchId })).toEqual(['SCAN claims USING INDEX claims_by_tier']);
  });

  it.each([null, 1])(
    'groups committee cases from claims_by_tier and each claim’s council decision by key (batch %s)',
    (batchId) => {
      expect(plan(COMMITTEE_SQL, { batchId })).toEqual([
        'SEARCH c USING INDEX claims_by_tier (tier=?)',
        'SEARCH d USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
        'CORRELATED SCALAR SUBQUERY 2',
        'SEARCH x USING INDEX decisions_by_claim (claim_id=?)',
        // Whether a decision is a co-signed amendment: the co-signatures' unique key.
        'CORRELATED SCALAR SUBQUERY 1',
        'SEARCH k USING COVERING INDEX sqlite_autoindex_council_amendment_cosignatures_1 (decision_id=?)',
        // Grouping by outcome sorts the committee_review claims only, a few per cent of a batch.
        'USE TEMP B-TREE FOR GROUP BY',
      ]);
    },
  );
});

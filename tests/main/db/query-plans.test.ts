import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderSql, whereSql } from '../../../src/main/db/queries/queue';
import { LEDGER_SQL } from '../../../src/main/db/repositories/ledger';
import {
  queueCountSql,
  queuePageIdsSql,
  queueRowsSql,
} from '../../../src/main/db/repositories/queue';
import { COMMITTEE_SQL, TIER_COUNTS_SQL } from '../../../src/main/db/repositories/payouts';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
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

/** A full scan of a table without an index (`SCAN c`, not `SCAN c USING ... INDEX ...`). */
const bareScans = (lines: string[]) => lines.filter((line) => /^SCAN \w+$/.test(line));
const tempBTrees = (lines: string[]) => lines.filter((line) => line.includes('TEMP B-TREE'));

const ALL: QueueQuery = { view: 'all', search: '', sort: [], filters: {} };

function queuePlans(over: Partial<QueueQuery>): { count: string[]; page: string[] } {
  const query = { ...ALL, ...over };
  const where = whereSql(query, null);
  const order = orderSql(query);
  return {
    count: plan(queueCountSql(where), ...where.params),
    page: plan(queuePageIdsSql(where, order), ...where.params, 100, 0),
  };
}

describe('the review queue', () => {
  it('default view: counts on the smallest index, pages along the primary key without a sort', () => {
    const { count, page } = queuePlans({});
    expect(count).toEqual(['SCAN c USING COVERING INDEX claims_by_batch']);
    // ORDER BY c.claim_id is the primary key's order: the page stops after 100 rows.
    expect(page).toEqual(['SCAN c USING COVERING INDEX sqlite_autoindex_claims_1']);
  });

  it('a tier view: searches claims_by_tier for the count and the page', () => {
    const { count, page } = queuePlans({ view: 'tier:committee_review' });
    expect(count).toEqual(['SEARCH c USING COVERING INDEX claims_by_tier (tier=?)']);
    expect(page).toContain('SEARCH c USING INDEX claims_by_tier (tier=?)');
    expect(bareScans(page)).toEqual([]);
    expect(tempBTrees(page)).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
  });

  it('the committee queue view: claims_by_tier, then each claim’s current decision by index', () => {
    const { count, page } = queuePlans({ view: 'queue' });
    for (const lines of [count, page]) {
      expect(lines).toContain('SEARCH c USING INDEX claims_by_tier (tier=?)');
      expect(lines).toContain('SEARCH d USING INDEX decisions_by_claim (claim_id=?) LEFT-JOIN');
      expect(lines).toContain(
        'SEARCH n USING COVERING INDEX sqlite_autoindex_decisions_1 (replaces_id=?)',
      );
      // Whether evidence answered the request it stands at (migration 016), by index.
      expect(lines).toContain(
        'SEARCH ea USING COVERING INDEX evidence_arrivals_by_decision (answers_decision_id=?)',
      );
      expect(bareScans(lines)).toEqual([]);
    }
  });

  it('sorting by claimed loss: indexed within a tier; over all claims a scan and a top-N sort', () => {
    const inTier = queuePlans({
      view: 'tier:committee_review',
      sort: [{ colId: 'claimedLoss', sort: 'desc' }],
    });
    expect(inTier.count).toEqual(['SEARCH c USING COVERING INDEX claims_by_tier (tier=?)']);
    expect(inTier.page).toContain('SEARCH c USING INDEX claims_by_tier (tier=?)');
    expect(bareScans(inTier.page)).toEqual([]);
    expect(tempBTrees(inTier.page)).toEqual(['USE TEMP B-TREE FOR ORDER BY']);

    // No index on claimed_loss (and "empty last" sorts on an expression): the whole table is
    // read once and a LIMIT-bounded sort keeps the page. This is today's plan, kept on purpose.
    const all = queuePlans({ sort: [{ colId: 'claimedLoss', sort: 'desc' }] });
    expect(all.count).toEqual(['SCAN c USING COVERING INDEX claims_by_batch']);
    expect(all.page).toEqual(['SCAN c', 'USE TEMP B-TREE FOR ORDER BY']);
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
    'walks claims in claim-id order (no sort) and joins everything by key (batch %s)',
    (batchId) => {
      expect(plan(LEDGER_SQL, { batchId })).toEqual([
        'SCAN c USING INDEX sqlite_autoindex_claims_1',
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

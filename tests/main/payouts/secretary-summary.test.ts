import { afterEach, describe, expect, it } from 'vitest';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import { ServiceError } from '../../../src/main/services/errors';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { buildLedger } from '../../../src/main/services/ledger';
import { secretarySummary } from '../../../src/main/services/payouts';
import { budgetOf } from '../../../src/shared/domain/summary';
import { TIERS } from '../../../src/shared/domain/tier';
import { secretarySummary as summarySchema } from '../../../src/shared/ipc/payouts-schemas';
import { RESOURCES_DIR } from '../../helpers/test-platform';
import { councilDecides, ledgerWorkspace, recordView } from '../ledger/support';

/*
 * The summary of the sample workspace (tests/main/ledger/support.ts has the story): six committee
 * cases which the council (its meetings) approved (101), partially approved (102, 111),
 * rejected after an amendment (103), sent back for evidence (104, enterprise, 4,200,000) and
 * deferred (112, 650,000). Members' views recorded outside a meeting decide nothing.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function workspace() {
  const ws = ledgerWorkspace();
  cleanups.push(ws.cleanup);
  return ws;
}

type Workspace = ReturnType<typeof workspace>;

/**
 * The same figures straight from the tables, without the service's or the ledger's queries. A
 * committee case stands at the council's decision: the latest one made in a meeting.
 */
function sqlFigures(ws: Workspace, batchId: number | null) {
  const scope = '(@batchId IS NULL OR c.batch_id = @batchId)';
  const current = `d.id = (SELECT max(x.id) FROM decisions x
                            WHERE x.claim_id = d.claim_id AND x.meeting_id IS NOT NULL)`;
  const one = <T>(sql: string) => ws.db.prepare(sql).get({ batchId }) as T;
  const tiers = ws.db
    .prepare(`SELECT tier, count(*) AS n FROM claims c WHERE ${scope} GROUP BY tier`)
    .all({ batchId }) as { tier: string; n: number }[];
  const brackets = (tier: string) =>
    one<{
      count: number;
      total: number;
    }>(`SELECT count(*) AS count, coalesce(sum(s.amount), 0) AS total
           FROM claims c JOIN claim_support s USING (claim_id)
          WHERE c.tier = '${tier}' AND ${scope}`);
  const decided = (outcomes: string) =>
    one<{
      count: number;
      total: number;
    }>(`SELECT count(*) AS count, coalesce(sum(d.amount), 0) AS total
           FROM decisions d JOIN claims c USING (claim_id)
          WHERE c.tier = 'committee_review' AND ${current} AND d.outcome IN (${outcomes})
            AND ${scope}`);
  const open = one<{
    count: number;
    claimed: number;
  }>(`SELECT count(*) AS count, coalesce(sum(c.claimed_loss), 0) AS claimed
      FROM claims c WHERE c.tier = 'committee_review' AND ${scope}
       AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.claim_id = c.claim_id AND ${current}
                        AND d.outcome IN ('approve', 'partial', 'reject'))`);
  return {
    byTier: Object.fromEntries(TIERS.map((t) => [t, tiers.find((r) => r.tier === t)?.n ?? 0])),
    tier30k: brackets('tier_30k'),
    tier50k: brackets('tier_50k'),
    paid: decided("'approve', 'partial'"),
    approved: decided("'approve'").count,
    partial: decided("'partial'").count,
    rejected: decided("'reject'").count,
    open,
  };
}

describe("the secretary's summary", () => {
  it('counts the sample by tier and by where its committee cases stand', () => {
    const ws = workspace();
    const summary = secretarySummary(ws);
    expect(summary.batch).toBeNull();
    expect(summary.claims).toBe(12);
    expect(summary.byTier).toEqual({
      excluded_affiliate: 1,
      non_monetary: 1,
      general_package: 1,
      committee_review: 6,
      tier_30k: 1,
      tier_50k: 2,
    });
    expect(summary.committee).toEqual({
      cases: 6,
      byState: {
        undecided: 0,
        evidence_requested: 1,
        deferred: 1,
        approved: 1,
        partially_approved: 2,
        rejected: 1,
      },
      open: { count: 2, claimedTotal: 4_200_000 + 650_000, withoutClaimedLoss: 0 },
    });
    // Money is the ledger's: brackets 30,000 + 2 x 50,000, council 620,000 + 400,000 + 1,000,000.
    expect(summary.ledger.byBasis).toEqual({
      tier_30k: { count: 1, total: 30_000 },
      tier_50k: { count: 2, total: 100_000 },
      committee: { count: 3, total: 2_020_000 },
    });
    expect(summary.ledger.total).toBe(2_150_000);
    expect(summarySchema.parse(summary)).toEqual(summary);
  });

  it('adds up to the sums SQL takes of the tables, for the workspace and for each batch', async () => {
    const ws = workspace();
    await importBatch(ws, demoBatchPaths(RESOURCES_DIR));
    const demoCases = ws.db
      .prepare(
        "SELECT claim_id FROM claims WHERE batch_id = 2 AND tier = 'committee_review' ORDER BY claim_id",
      )
      .pluck()
      .all() as string[];
    expect(demoCases.length).toBeGreaterThan(3);
    councilDecides(ws, 3, '2023-02-01', [
      {
        claimId: demoCases[0]!,
        motion: { outcome: 'approve', amount: 500_000, reasonCodes: [] },
        note: '',
      },
      {
        claimId: demoCases[1]!,
        motion: { outcome: 'reject', amount: null, reasonCodes: ['insufficient_proof'] },
        note: '',
      },
    ]);
    // A member's view outside a meeting counts nowhere, in the service or in SQL.
    recordView(ws, demoCases[2]!, 'approve', 500_000);

    for (const batchId of [null, 1, 2]) {
      const summary = secretarySummary(ws, batchId === null ? {} : { batchId });
      const sql = sqlFigures(ws, batchId);
      expect(summary.byTier).toEqual(sql.byTier);
      expect(summary.claims).toBe(Object.values(sql.byTier).reduce((a, b) => a + b, 0));
      expect(summary.ledger.byBasis.tier_30k).toEqual(sql.tier30k);
      expect(summary.ledger.byBasis.tier_50k).toEqual(sql.tier50k);
      expect(summary.ledger.byBasis.committee).toEqual(sql.paid);
      expect(summary.ledger.total).toBe(sql.tier30k.total + sql.tier50k.total + sql.paid.total);
      expect(summary.committee.byState.approved).toBe(sql.approved);
      expect(summary.committee.byState.partially_approved).toBe(sql.partial);
      expect(summary.committee.byState.rejected).toBe(sql.rejected);
      expect(summary.committee.open).toEqual({
        count: sql.open.count,
        claimedTotal: sql.open.claimed,
        withoutClaimedLoss: 0,
      });
      const states = Object.values(summary.committee.byState).reduce((a, b) => a + b, 0);
      expect(states).toBe(summary.committee.cases);
      // The summary's money is the ledger's own, so the screen and the exported file agree.
      expect(summary.ledger).toEqual(buildLedger(ws, batchId === null ? {} : { batchId }).summary);
    }
    const demo = secretarySummary(ws, { batchId: 2 });
    expect(demo.batch).toEqual({ id: 2, name: expect.any(String) });
    expect(demo.ledger.byBasis.committee).toEqual({ count: 1, total: 500_000 });
    expect(demo.committee.byState.rejected).toBe(1);
  });

  it('moves a case from exposure to payout when the council decides it', () => {
    const ws = workspace();
    const before = secretarySummary(ws);
    // A member approving it outside a meeting moves nothing: it is a view, not the council's.
    recordView(ws, 'K-2022-000104', 'approve', 1_000_000);
    const viewed = secretarySummary(ws);
    expect(viewed.committee).toEqual(before.committee);
    expect(viewed.ledger).toEqual({ ...before.ledger, outsideMeeting: 3 });

    councilDecides(ws, 3, '2023-02-01', [
      {
        claimId: 'K-2022-000104',
        motion: { outcome: 'approve', amount: 1_000_000, reasonCodes: [] },
        note: '제3차 회의 의결',
      },
    ]);
    const after = secretarySummary(ws);
    expect(after.committee.open).toEqual({
      count: before.committee.open.count - 1,
      claimedTotal: before.committee.open.claimedTotal - 4_200_000,
      withoutClaimedLoss: 0,
    });
    expect(after.ledger.byBasis.committee).toEqual({ count: 4, total: 3_020_000 });
    expect(after.committee.byState).toMatchObject({ evidence_requested: 0, approved: 2 });
    expect(after.ledger).toMatchObject({ awaitingCouncil: 1, outsideMeeting: 2 });
    const budget = budgetOf(after);
    expect(budget.toPay).toBe(3_150_000);
    expect(budget.openExposure).toBe(650_000);
    expect(budget.ceiling).toBe(3_800_000);
  });

  it('names open cases that carry no claimed loss rather than counting them as zero', () => {
    const ws = workspace();
    // An enterprise case written without an amount (the import requires one; older data may not).
    ws.db
      .prepare(
        `INSERT INTO claims SELECT 'K-2022-000199', batch_id, source_row + 100, received_at,
           claimant_type, affiliate, service, paid, damage_type, business_reg_no, business_name,
           industry, NULL, description, contact, tier, tier_rule_version, content_hash, version
         FROM claims WHERE claim_id = 'K-2022-000104'`,
      )
      .run();
    const open = secretarySummary(ws).committee.open;
    expect(open).toEqual({ count: 3, claimedTotal: 4_850_000, withoutClaimedLoss: 1 });
    expect(
      budgetOf(secretarySummary(ws)).rows.find((r) => r.id === 'committee_open'),
    ).toMatchObject({ count: 3, amount: 4_850_000, unpriced: 1 });
  });

  it('refuses a batch that does not exist', () => {
    const ws = workspace();
    expect(() => secretarySummary(ws, { batchId: 99 })).toThrow(ServiceError);
    try {
      secretarySummary(ws, { batchId: 99 });
    } catch (error) {
      expect((error as ServiceError).code).toBe('not_found');
    }
  });
});

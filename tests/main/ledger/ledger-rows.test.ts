import { afterEach, describe, expect, it } from 'vitest';
import { buildLedger, LEDGER_HEADERS } from '../../../src/main/services/ledger';
import { ServiceError } from '../../../src/main/services/errors';
import { PAYOUT_BASES } from '../../../src/shared/ipc/ledger-schemas';
import { makeTempDir } from '../../helpers/temp-workspace';
import {
  importHostileBatch,
  ledgerWorkspace,
  SAMPLE_AWAITING,
  SAMPLE_LEDGER,
  SAMPLE_OUTSIDE_MEETING,
} from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function workspace() {
  const ws = ledgerWorkspace();
  cleanups.push(ws.cleanup);
  return ws;
}

/**
 * What the ledger must add up to, straight from the tables, without the ledger's own query: a
 * committee claim counts at its latest decision made in a meeting.
 */
function sqlTotals(ws: ReturnType<typeof workspace>, batchId: number | null) {
  return ws.db
    .prepare(
      `SELECT basis, count(*) AS count, sum(amount) AS total FROM (
         SELECT c.tier AS basis, s.amount FROM claims c JOIN claim_support s USING (claim_id)
          WHERE c.tier IN ('tier_30k', 'tier_50k') AND (@batchId IS NULL OR c.batch_id = @batchId)
         UNION ALL
         SELECT 'committee', d.amount FROM decisions d JOIN claims c USING (claim_id)
          WHERE c.tier = 'committee_review' AND d.outcome IN ('approve', 'partial')
            AND d.id = (SELECT max(x.id) FROM decisions x
                         WHERE x.claim_id = d.claim_id AND x.meeting_id IS NOT NULL)
            AND (@batchId IS NULL OR c.batch_id = @batchId))
       GROUP BY basis ORDER BY basis`,
    )
    .all({ batchId }) as { basis: string; count: number; total: number }[];
}

describe('the payout ledger', () => {
  it('pays the brackets and the council-approved amounts, in claim-id order', () => {
    const ws = workspace();
    const ledger = buildLedger(ws);
    expect(
      ledger.rows.map(({ claimId, basis, amount, meetingNumber }) => ({
        claimId,
        basis,
        amount,
        meetingNumber,
      })),
    ).toEqual(SAMPLE_LEDGER);
    expect(ledger.rows[0]).toEqual({
      claimId: 'K-2022-000101',
      businessName: '을지로 국밥집',
      businessRegNo: '214-86-12341',
      claimantType: 'small_business',
      tier: 'committee_review',
      claimedLoss: 1_850_000,
      amount: 620_000,
      // Committee review since import: no bracket was paid before the council's amount.
      alreadyPaid: 0,
      payable: 620_000,
      basis: 'committee',
      batchId: 1,
      batchName: '표본 신청 12건 (Sample claims)',
      decisionId: 1,
      meetingNumber: 1,
      decidedOn: '2022-11-20',
    });
    // A bracket row names no decision; the claim a later meeting amended is paid by that
    // meeting's decision.
    expect(ledger.rows[2]).toMatchObject({
      decisionId: null,
      meetingNumber: null,
      decidedOn: null,
    });
    const latest = (claimId: string, where = '') =>
      ws.db
        .prepare(`SELECT max(id) FROM decisions WHERE claim_id = ? ${where}`)
        .pluck()
        .get(claimId);
    expect(ledger.rows[5]).toMatchObject({
      decisionId: latest('K-2022-000111'),
      amount: 1_000_000,
      meetingNumber: 2,
    });
    // A member's view recorded after the council's decision, outside any meeting, is the head
    // of 101's chain but pays nothing: 101 is paid the council's 620,000, not 1원.
    expect(latest('K-2022-000101')).not.toBe(1);
    expect(latest('K-2022-000101', 'AND meeting_id IS NULL')).toBe(latest('K-2022-000101'));
  });

  it('lists apart, never paid, the committee claims the council has not decided', () => {
    const ws = workspace();
    const ledger = buildLedger(ws);
    expect(ledger.awaiting).toEqual([
      {
        claimId: 'K-2022-000104',
        businessName: '(주)한빛물류',
        claimedLoss: 4_200_000,
        batchId: 1,
        batchName: '표본 신청 12건 (Sample claims)',
        councilOutcome: 'request_evidence',
        meetingNumber: 1,
        outsideOutcome: null,
        outsideAmount: null,
        outsideBy: null,
        outsideByOnRoster: null,
        alreadyPaid: 0,
      },
      {
        claimId: 'K-2022-000112',
        businessName: '부산 어묵 포차',
        claimedLoss: 650_000,
        batchId: 1,
        batchName: '표본 신청 12건 (Sample claims)',
        councilOutcome: 'defer',
        meetingNumber: 1,
        // A member approved it outside a meeting: shown, and still not paid.
        outsideOutcome: 'approve',
        outsideAmount: 650_000,
        outsideBy: '김민준',
        outsideByOnRoster: true,
        alreadyPaid: 0,
      },
    ]);
    expect(ledger.awaiting.map((row) => row.claimId)).toEqual([...SAMPLE_AWAITING]);
    const paid = ledger.rows.map((row) => row.claimId);
    for (const claimId of SAMPLE_AWAITING) expect(paid).not.toContain(claimId);
    expect(ledger.summary).toMatchObject({
      awaitingCouncil: SAMPLE_AWAITING.length,
      outsideMeeting: SAMPLE_OUTSIDE_MEETING.length,
    });
  });

  it('adds up, per basis and overall, to the sums SQL takes of the tables', async () => {
    const ws = workspace();
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    await importHostileBatch(ws, dir);
    for (const batchId of [null, 1, 2]) {
      const ledger = buildLedger(ws, batchId === null ? {} : { batchId });
      const bySql = sqlTotals(ws, batchId);
      for (const basis of PAYOUT_BASES) {
        const rows = ledger.rows.filter((row) => row.basis === basis);
        const summed = { count: rows.length, total: rows.reduce((sum, r) => sum + r.amount, 0) };
        expect(ledger.summary.byBasis[basis]).toEqual(summed);
        const sql = bySql.find((line) => line.basis === basis);
        expect(summed).toEqual({ count: sql?.count ?? 0, total: sql?.total ?? 0 });
      }
      expect(ledger.summary.count).toBe(ledger.rows.length);
      expect(ledger.summary.total).toBe(bySql.reduce((sum, line) => sum + line.total, 0));
      expect(ledger.summary.batchId).toBe(batchId);
    }
    expect(buildLedger(ws).summary).toEqual({
      batchId: null,
      byBasis: {
        tier_30k: { count: 1 + 7, total: 30_000 * 8 },
        tier_50k: { count: 2 + 6, total: 50_000 * 8 },
        committee: { count: 3, total: 2_020_000 },
      },
      count: 19,
      total: 240_000 + 400_000 + 2_020_000,
      awaitingCouncil: 2,
      outsideMeeting: 2,
    });
  });

  it('limits to one batch, with the batch named, and refuses a batch that does not exist', async () => {
    const ws = workspace();
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const { batchId } = await importHostileBatch(ws, dir);
    const ledger = buildLedger(ws, { batchId });
    expect(ledger.batch).toEqual({ id: batchId, name: 'hostile.csv' });
    expect(ledger.rows.every((row) => row.batchId === batchId)).toBe(true);
    expect(ledger.rows.map((row) => row.claimId)).toEqual(
      [...ledger.rows.map((row) => row.claimId)].sort(),
    );
    let error: unknown;
    try {
      buildLedger(ws, { batchId: 99 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'not_found', message: 'batch 99 does not exist' });
  });

  it('carries no contact data', () => {
    const ws = workspace();
    const ledger = buildLedger(ws);
    expect(LEDGER_HEADERS).not.toContain('연락처');
    const contacts = ws.db.prepare('SELECT contact FROM claims WHERE contact IS NOT NULL').pluck();
    const text = JSON.stringify(ledger.rows);
    for (const contact of contacts.all() as string[]) expect(text).not.toContain(contact);
  });
});

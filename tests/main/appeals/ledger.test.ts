import { describe, expect, it } from 'vitest';
import { correctClaim } from '../../../src/main/services/corrections/correct-claim';
import { buildLedger } from '../../../src/main/services/ledger';
import { councilDecides } from '../ledger/support';
import { admit, appealsWorkspace, BRACKET_30K, BRACKET_50K, fileOn } from './support';

/*
 * The ledger after a bracket claim is re-tiered to council review: the bracket was paid at
 * import, so the council's amount is paid less that bracket (issue 16).
 */

const approve = (amount: number) => ({ outcome: 'approve' as const, amount, reasonCodes: [] });
const rowOf = (ledger: ReturnType<typeof buildLedger>, claimId: string) =>
  ledger.rows.find((row) => row.claimId === claimId);

describe('the ledger after an admitted appeal', () => {
  it('waits for the council with the bracket already paid, then pays the difference', async () => {
    const ws = appealsWorkspace();
    const before = buildLedger(ws).summary;
    const { appeal } = await fileOn(ws, BRACKET_30K);
    correctClaim(ws, {
      claimId: BRACKET_30K,
      changes: { 피해금액: '800,000원' },
      reason: '이의신청 #1의 매출 장부',
    });
    admit(ws, appeal.id);

    const waiting = buildLedger(ws);
    expect(rowOf(waiting, BRACKET_30K)).toBeUndefined();
    expect(waiting.awaiting.find((row) => row.claimId === BRACKET_30K)).toMatchObject({
      claimedLoss: 800_000,
      councilOutcome: null,
      alreadyPaid: 30_000,
    });
    expect(waiting.summary.byBasis.tier_30k.count).toBe(before.byBasis.tier_30k.count - 1);

    councilDecides(ws, 1, '2022-12-20', [
      { claimId: BRACKET_30K, motion: approve(400_000), note: '이의신청 인용 건' },
    ]);
    const decided = buildLedger(ws);
    expect(rowOf(decided, BRACKET_30K)).toMatchObject({
      tier: 'committee_review',
      basis: 'committee',
      amount: 400_000,
      alreadyPaid: 30_000,
      payable: 370_000,
      meetingNumber: 1,
    });
    // The totals are what is still to pay: 370,000 more, the 30,000 bracket no longer listed.
    expect(decided.summary.byBasis.committee).toEqual({
      count: before.byBasis.committee.count + 1,
      total: before.byBasis.committee.total + 370_000,
    });
    expect(decided.summary.total).toBe(before.total - 30_000 + 370_000);
  });
});

describe('the ledger after a correction re-tiers a bracket claim', () => {
  it('never pays back less than nothing when the council grants less than the bracket', () => {
    const ws = appealsWorkspace();
    correctClaim(ws, {
      claimId: BRACKET_50K,
      changes: { 피해금액: '800000' },
      reason: '신청서 오기 정정',
    });
    councilDecides(ws, 1, '2022-12-20', [
      { claimId: BRACKET_50K, motion: approve(40_000), note: '' },
    ]);
    expect(rowOf(buildLedger(ws), BRACKET_50K)).toMatchObject({
      amount: 40_000,
      alreadyPaid: 50_000,
      payable: 0,
    });
  });

  it('counts nothing already paid for a claim that was for the council from the start', () => {
    const ws = appealsWorkspace();
    correctClaim(ws, {
      claimId: 'K-2022-000102',
      changes: { 피해금액: '900000' },
      reason: '신청서 오기 정정',
    });
    councilDecides(ws, 1, '2022-12-20', [
      { claimId: 'K-2022-000102', motion: approve(700_000), note: '' },
    ]);
    expect(rowOf(buildLedger(ws), 'K-2022-000102')).toMatchObject({
      amount: 700_000,
      alreadyPaid: 0,
      payable: 700_000,
    });
  });
});

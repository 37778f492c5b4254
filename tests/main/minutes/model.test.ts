import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/shared/domain/canonical-json';
import { budgetOf } from '../../../src/shared/domain/summary';
import {
  buildMinutes,
  koreanDate,
  koreanTime,
  MinutesError,
  minutesCanonicalJson,
  minutesSheet,
  rollCallText,
  type MinutesInput,
  type MinutesItemInput,
  type MinutesPayoutInput,
  type MinutesVersionInfo,
} from '../../../src/shared/domain/minutes';

/*
 * The pure minutes model: built from plain data, the roll call, totals and labels computed
 * here, refusals for what cannot be minuted.
 */

const decision = (
  outcome: 'approve' | 'partial' | 'reject' | 'defer',
  amount: number | null,
  id = 1,
) => ({
  id,
  outcome,
  amount,
  reasonCodes: outcome === 'partial' || outcome === 'reject' ? ['insufficient_proof' as const] : [],
  note: '',
  decidedAt: '2022-12-20T05:30:00.000Z',
  decidedBy: '이도윤',
});

function item(position: number, over: Partial<MinutesItemInput> = {}): MinutesItemInput {
  return {
    position,
    claimId: `K-2022-00010${position}`,
    businessName: `상호 ${position}`,
    tier: 'committee_review',
    claimedLoss: 1_000_000 * position,
    proposal: { outcome: 'approve', amount: 600_000, reasonCodes: [] },
    result: 'carried',
    tally: { for: 3, against: 0, abstain: 0, recused: 0 },
    voteHistory: [],
    decision: decision('approve', 600_000, position),
    ...over,
  };
}

function input(items: MinutesItemInput[], over: Partial<MinutesInput> = {}): MinutesInput {
  return {
    council: '1015 피해지원 협의체',
    meeting: {
      id: 7,
      number: 3,
      heldOn: '2022-12-20',
      place: '판교',
      quorum: { kind: 'majority_of_members' },
      threshold: { kind: 'majority_of_votes_cast' },
      openedBy: '박서연',
      openedAt: '2022-12-20T05:00:00.000Z',
      closedAt: '2022-12-20T06:40:00.000Z',
    },
    attendance: [
      { member: '김민준', present: true },
      { member: '이도윤', present: true },
      { member: '정우진', present: true },
      { member: '최하은', present: true },
      { member: '한지민', present: false },
    ],
    chair: '이도윤',
    secretary: '박서연',
    roster: null,
    items,
    amendments: [],
    payout: payoutInput(),
    ...over,
  };
}

/** A secretary's summary of a small workspace, in the shape the service returns. */
function payoutInput(): MinutesPayoutInput {
  return {
    batch: null,
    claims: 120,
    byTier: { general_package: 40 },
    ledger: {
      byBasis: {
        tier_30k: { count: 10, total: 300_000 },
        tier_50k: { count: 4, total: 200_000 },
        committee: { count: 2, total: 1_300_000 },
      },
      awaitingCouncil: 1,
      outsideMeeting: 0,
    },
    committee: { open: { count: 3, claimedTotal: 4_500_000, withoutClaimedLoss: 1 } },
  };
}

const VERSION: MinutesVersionInfo = {
  version: 2,
  sha256: 'ab'.repeat(32),
  status: 'draft',
  madeAt: '2022-12-20T07:00:00.000Z',
  madeBy: '박서연',
  approvedAt: null,
  approvedBy: null,
};

describe('the minutes model', () => {
  it('records every member on every item: votes, recusals, absences and silence', () => {
    const model = buildMinutes(
      input([
        item(1, {
          voteHistory: [
            { member: '김민준', vote: 'against', recordedAt: '2022-12-20T05:10:00.000Z' },
            { member: '이도윤', vote: 'for', recordedAt: '2022-12-20T05:11:00.000Z' },
            { member: '최하은', vote: 'recused', recordedAt: '2022-12-20T05:12:00.000Z' },
            { member: '김민준', vote: 'for', recordedAt: '2022-12-20T05:13:00.000Z' },
          ],
        }),
      ]),
    );
    const [first] = model.items;
    // The chair first, then 가나다 order.
    expect(first!.rollCall).toEqual([
      { member: '이도윤', vote: 'for' },
      { member: '김민준', vote: 'for' },
      { member: '정우진', vote: 'no_vote' },
      { member: '최하은', vote: 'recused' },
      { member: '한지민', vote: 'absent' },
    ]);
    expect(first!.voteChanges).toEqual([
      { member: '김민준', from: 'against', to: 'for', at: '2022-12-20T05:13:00.000Z' },
    ]);
    expect(rollCallText(first!)).toBe(
      '찬성 2명(이도윤, 김민준), 회피 1명(최하은), 미표결 1명(정우진), 불참 1명(한지민)',
    );
    expect(model.attendance).toEqual({
      members: 5,
      present: ['이도윤', '김민준', '정우진', '최하은'],
      absent: ['한지민'],
      quorumMet: true,
    });
  });

  it('totals counts and KRW by tier and by outcome, zeros included', () => {
    const model = buildMinutes(
      input([
        item(1, { decision: decision('approve', 900_000, 1), claimedLoss: 900_000 }),
        item(2, { decision: decision('partial', 800_000, 2), claimedLoss: 1_110_000 }),
        item(3, {
          decision: decision('defer', null, 3),
          claimedLoss: 890_000,
          result: 'not_carried',
        }),
        item(4, {
          decision: decision('reject', null, 4),
          claimedLoss: null,
          tier: 'committee_review',
        }),
      ]),
    );
    expect(model.totals.all).toEqual({ count: 4, claimed: 2_900_000, decided: 1_700_000 });
    expect(model.totals.byTier).toEqual([
      { tier: 'committee_review', count: 4, claimed: 2_900_000, decided: 1_700_000 },
    ]);
    expect(model.totals.byOutcome).toEqual([
      { outcome: 'approve', count: 1, claimed: 900_000, decided: 900_000 },
      { outcome: 'partial', count: 1, claimed: 1_110_000, decided: 800_000 },
      { outcome: 'reject', count: 1, claimed: 0, decided: 0 },
      { outcome: 'request_evidence', count: 0, claimed: 0, decided: 0 },
      { outcome: 'defer', count: 1, claimed: 890_000, decided: 0 },
    ]);
  });

  it('carries the secretary’s summary as the budget view reads it, never re-counted', () => {
    const { payoutSummary } = buildMinutes(input([item(1)]));
    const budget = budgetOf(payoutInput());
    expect(payoutSummary.rows).toEqual(
      budget.rows.map(({ id, count, unitAmount, amount, unpriced }) => ({
        id,
        count,
        unitAmount,
        amount,
        unpriced,
      })),
    );
    expect(payoutSummary).toMatchObject({
      scope: 'workspace',
      claims: 120,
      toPay: { count: 16, amount: 1_800_000 },
      ceiling: 6_300_000,
      outsideMeeting: 0,
    });
  });

  it('refuses an open meeting, an unconfirmed item and a meeting without attendance', () => {
    const refusal = (i: MinutesInput) => {
      try {
        buildMinutes(i);
      } catch (error) {
        return error as MinutesError;
      }
      throw new Error('not refused');
    };
    const open = refusal(input([item(1)], { meeting: { ...input([]).meeting, closedAt: null } }));
    expect(open).toBeInstanceOf(MinutesError);
    expect(open.code).toBe('meeting_open');
    expect(open.message).toContain('meeting no. 3 is still open');

    const unconfirmed = refusal(
      input([item(1), item(2, { decision: null }), item(3, { decision: null })]),
    );
    expect(unconfirmed.code).toBe('unconfirmed_items');
    expect(unconfirmed.claimIds).toEqual(['K-2022-000102', 'K-2022-000103']);
    expect(unconfirmed.message).toContain('K-2022-000102, K-2022-000103');

    expect(refusal(input([item(1)], { attendance: [] })).code).toBe('no_attendance');
  });

  it('hashes the same model to the same canonical text whatever the input order', () => {
    const a = buildMinutes(input([item(1), item(2)]));
    const b = buildMinutes(input([item(2), item(1)]));
    expect(minutesCanonicalJson(a)).toBe(minutesCanonicalJson(b));
    expect(minutesCanonicalJson(a)).toBe(canonicalJson(JSON.parse(minutesCanonicalJson(a))));
    expect(a.items.map((i) => i.position)).toEqual([1, 2]);
  });

  it('writes dates and times as a Korean reader expects, in KST whatever the machine', () => {
    expect(koreanDate('2022-12-20')).toBe('2022년 12월 20일(화)');
    expect(koreanTime('2022-12-20T05:00:00.000Z')).toEqual({ date: '2022-12-20', time: '14:00' });
    expect(koreanTime('2022-12-20T16:30:00.000Z')).toEqual({ date: '2022-12-21', time: '01:30' });
    const sheet = minutesSheet(buildMinutes(input([item(1)])), VERSION);
    expect(sheet.draft).toBe(true);
    expect(sheet.statusLine).toBe('제2판 초안 · 승인 전');
    const fields = sheet.blocks.find((b) => b.kind === 'fields');
    expect(JSON.stringify(fields)).toContain('2022년 12월 20일(화) 14:00 ~ 15:40');
    expect(sheet.footer.right).toBe('SHA-256 ABAB-ABAB-ABAB-ABAB');
  });
});

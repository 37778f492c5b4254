import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import {
  approveMinutes,
  draftMinutes,
  getStoredMinutes,
  listMinutesVersions,
} from '../../../src/main/services/minutes';
import { secretarySummary } from '../../../src/main/services/payouts';
import {
  buildMinutes,
  meetingRecordCanonicalJson,
  minutesSheet,
  payoutRow,
  type MinutesInput,
  type MinutesPayoutInput,
  type MinutesVersionInfo,
  type SheetBlock,
  type StoredMinutesModel,
} from '../../../src/shared/domain/minutes';
import { PUBLISHED_RULES } from '../../../src/shared/domain/summary';
import { makeTempDir } from '../../helpers/temp-workspace';
import { makeKeys, type Keyed } from '../decision-file/export-fixture';
import { expectServiceError } from '../meetings/support';
import {
  asChair,
  asSecretary,
  importNextRoster,
  minutesWorkspace,
  type MinutesWorkspace,
} from './fixture';

/*
 * The workspace's payout position in the minutes (지급 현황): the secretary's summary of the
 * whole workspace as of drafting, frozen in the hashed model, laid out once for PDF and DOCX.
 */

let ws: MinutesWorkspace | undefined;
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
});

const keyDir = makeTempDir('review-desk-minutes-payout-keys-');
afterAll(keyDir.cleanup);
const keys: Record<string, Keyed> = makeKeys(keyDir.dir);

/** What the ledger pays, straight from the tables: brackets plus current approved decisions. */
function sqlGrandTotal(db: MinutesWorkspace['db']): { count: number; total: number } {
  return db
    .prepare(
      `SELECT count(*) AS count, coalesce(sum(amount), 0) AS total FROM (
         SELECT s.amount FROM claims c JOIN claim_support s ON s.claim_id = c.claim_id
         WHERE c.tier IN ('tier_30k', 'tier_50k')
         UNION ALL
         SELECT d.amount FROM claims c JOIN decisions d ON d.claim_id = c.claim_id
         WHERE c.tier = 'committee_review' AND d.outcome IN ('approve', 'partial')
           AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = d.id))`,
    )
    .get() as { count: number; total: number };
}

describe('the payout summary in the minutes model', { timeout: 60_000 }, () => {
  it('is the secretary’s summary of the whole workspace at drafting, figure for figure', () => {
    const made = minutesWorkspace(keys);
    ws = made.ws;
    draftMinutes(ws, made.meetingId);
    const payout = getStoredMinutes(ws, made.meetingId).model.payoutSummary!;
    const summary = secretarySummary(ws);
    const { byBasis } = summary.ledger;

    expect(payout.scope).toBe('workspace');
    expect(payout.claims).toBe(summary.claims);
    expect(payoutRow(payout, 'tier_30k')).toEqual({
      id: 'tier_30k',
      count: byBasis.tier_30k.count,
      unitAmount: 30_000,
      amount: byBasis.tier_30k.total,
      unpriced: 0,
    });
    expect(payoutRow(payout, 'tier_50k')).toMatchObject({
      count: byBasis.tier_50k.count,
      unitAmount: 50_000,
      amount: byBasis.tier_50k.total,
    });
    expect(payoutRow(payout, 'committee_paid')).toMatchObject({
      count: byBasis.committee.count,
      amount: byBasis.committee.total,
    });
    expect(payoutRow(payout, 'committee_open')).toMatchObject({
      count: summary.committee.open.count,
      amount: summary.committee.open.claimedTotal,
      unpriced: summary.committee.open.withoutClaimedLoss,
    });
    expect(payoutRow(payout, 'general_package')).toMatchObject({
      count: summary.byTier.general_package,
      amount: null,
    });
    expect(payout.toPay).toEqual({ count: summary.ledger.count, amount: summary.ledger.total });
    expect(payout.outsideMeeting).toBe(summary.ledger.outsideMeeting);
    expect(payout.ceiling).toBe(summary.ledger.total + summary.committee.open.claimedTotal);

    // And those are the tables' own figures: the sample's brackets and the meeting's approval.
    expect(payout.toPay).toEqual({
      count: sqlGrandTotal(ws.db).count,
      amount: sqlGrandTotal(ws.db).total,
    });
    expect(payout.toPay).toEqual({ count: 4, amount: 30_000 + 2 * 50_000 + 620_000 });
  });

  it('keeps what the council saw: later payouts elsewhere make no new version; a meeting change does', () => {
    const made = minutesWorkspace(keys);
    ws = made.ws;
    const { meetingId } = made;
    draftMinutes(ws, meetingId);
    asChair(ws);
    approveMinutes(ws, { meetingId, version: 1 });
    const seen = getStoredMinutes(ws, meetingId, 1).model.payoutSummary!;

    // A member records a view on another committee case outside any meeting: the figures move
    // (one more case recorded outside a meeting) but nothing more is paid.
    recordDecision(ws, {
      claimId: 'K-2022-000104',
      outcome: 'approve',
      amount: 1_000_000,
      reasonCodes: [],
      note: '',
      replacesId: null,
      amendmentReason: null,
    });
    expect(secretarySummary(ws).ledger).toMatchObject({
      total: seen.toPay.amount,
      outsideMeeting: (seen.outsideMeeting ?? 0) + 1,
    });

    asSecretary(ws);
    expectServiceError(() => draftMinutes(ws!, meetingId), 'conflict');
    let refusal = '';
    try {
      draftMinutes(ws, meetingId);
    } catch (error) {
      refusal = String(error);
    }
    expect(refusal).toContain('newer payout figures alone do not make a new version');
    // The approved version still shows the position as it was when it was drafted.
    expect(getStoredMinutes(ws, meetingId, 1).model.payoutSummary).toEqual(seen);

    // The meeting's record changes (the roster in force): the new version has today's figures.
    importNextRoster(ws, keys);
    const second = draftMinutes(ws, meetingId);
    expect(second.version).toBe(2);
    const now = getStoredMinutes(ws, meetingId, 2).model.payoutSummary!;
    // The view outside a meeting is counted as such and still pays nothing; the case stays open.
    expect(now.toPay.amount).toBe(seen.toPay.amount);
    expect(now.outsideMeeting).toBe((seen.outsideMeeting ?? 0) + 1);
    expect(payoutRow(now, 'committee_open').count).toBe(payoutRow(seen, 'committee_open').count);
    expect(listMinutesVersions(ws, meetingId).map((v) => v.status)).toEqual(['draft', 'approved']);
  });
});

const MEETING_INPUT: MinutesInput = {
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
    { member: '이도윤', present: true },
    { member: '김민준', present: true },
  ],
  chair: '이도윤',
  secretary: '박서연',
  roster: null,
  items: [],
  amendments: [],
  payout: {
    batch: null,
    claims: 12_345,
    byTier: { general_package: 9_876 },
    ledger: {
      byBasis: {
        tier_30k: { count: 1_000, total: 30_000_000 },
        tier_50k: { count: 400, total: 20_000_000 },
        committee: { count: 2, total: 1_300_000 },
      },
      awaitingCouncil: 3,
      outsideMeeting: 1,
    },
    committee: { open: { count: 3, claimedTotal: 4_500_000, withoutClaimedLoss: 1 } },
  },
};

const VERSION: MinutesVersionInfo = {
  version: 1,
  sha256: 'cd'.repeat(32),
  status: 'approved',
  madeAt: '2022-12-20T07:00:00.000Z',
  madeBy: '박서연',
  approvedAt: '2022-12-20T07:00:01.000Z',
  approvedBy: '이도윤',
};

const headings = (blocks: SheetBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const tables = (blocks: SheetBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'table' && b.caption ? [b] : []));

describe('the payout section of the minutes sheet', () => {
  it('follows the meeting’s totals: count x support = amount, the total to pay, then what is not paid', () => {
    const { blocks } = minutesSheet(buildMinutes(MEETING_INPUT), VERSION);
    expect(headings(blocks)).toEqual([
      '1. 안건 및 의결 결과',
      '2. 집계',
      '3. 지급 현황 (회의록 작성 시점, 작업 공간 전체)',
      '4. 위원 명부와 회의록 확인',
      '5. 서명',
    ]);
    const [, , toPay, notPaid] = tables(blocks);
    expect(toPay!.caption).toBe('가. 지급 예정 (건수 × 지원액 = 금액)');
    expect(toPay!.rows.map((r) => r.cells)).toEqual([
      ['30만원 이하 구간', '1,000건', '30,000원', '30,000,000원'],
      ['30만원 초과 50만원 이하 구간', '400건', '50,000원', '20,000,000원'],
      ['위원회 인정·일부 인정', '2건', '결정 금액', '1,300,000원'],
    ]);
    // Only a meeting's decision is paid now: no paid row lacks one; a view outside is not paid.
    expect(toPay!.rows[2]!.detail).toBeUndefined();
    expect(notPaid!.rows[0]!.detail).toContain(
      '따로, 마지막 기록이 회의 밖에서 적은 위원 의견인 사건 1건은 그 의견대로 지급하지 않습니다',
    );
    expect(toPay!.total!.cells).toEqual(['지급 예정 합계', '1,402건', '', '51,300,000원']);
    expect(notPaid!.rows.map((r) => r.cells)).toEqual([
      ['위원회 미결 (청구액)', '3건', '-', '4,500,000원'],
      ['일반이용자 보상 패키지', '9,876건', '-', '금전 아님'],
    ]);
    expect(notPaid!.rows[0]!.detail).toContain('최대 55,800,000원');
    expect(notPaid!.rows[0]!.detail).toContain('청구액이 없는 1건');

    const text = JSON.stringify(blocks);
    expect(text).toContain('2022-12-20 16:00(KST) 현재');
    expect(text).toContain('모든 신청 12,345건');
    for (const rule of Object.values(PUBLISHED_RULES)) expect(text).toContain(rule.ko);
  });

  it('shows no unit where the ledger paid other than count x support', () => {
    const odd: MinutesPayoutInput = {
      ...MEETING_INPUT.payout,
      ledger: {
        ...MEETING_INPUT.payout.ledger,
        byBasis: {
          ...MEETING_INPUT.payout.ledger.byBasis,
          tier_30k: { count: 2, total: 70_000 },
        },
      },
    };
    const { blocks } = minutesSheet(buildMinutes({ ...MEETING_INPUT, payout: odd }), VERSION);
    expect(tables(blocks)[2]!.rows[0]!.cells).toEqual(['30만원 이하 구간', '2건', '-', '70,000원']);
  });

  it('prints a version drafted before the summary (format 1) without the section', () => {
    const model = buildMinutes(MEETING_INPUT);
    const older: StoredMinutesModel = {
      ...model,
      format: 'review-desk-minutes/1',
      payoutSummary: undefined,
    };
    expect(headings(minutesSheet(older, VERSION).blocks)).toEqual([
      '1. 안건 및 의결 결과',
      '2. 집계',
      '3. 위원 명부와 회의록 확인',
      '4. 서명',
    ]);
    // Same meeting record: drafting again after the upgrade is refused as nothing changed.
    expect(meetingRecordCanonicalJson(older)).toBe(meetingRecordCanonicalJson(model));
  });

  it('takes only the whole workspace, and compares meetings without the figures', () => {
    expect(() =>
      buildMinutes({ ...MEETING_INPUT, payout: { ...MEETING_INPUT.payout, batch: { id: 2 } } }),
    ).toThrow(/whole workspace/);
    const a = buildMinutes(MEETING_INPUT);
    const b = buildMinutes({ ...MEETING_INPUT, payout: { ...MEETING_INPUT.payout, claims: 1 } });
    expect(meetingRecordCanonicalJson(a)).toBe(meetingRecordCanonicalJson(b));
    const c = buildMinutes({
      ...MEETING_INPUT,
      meeting: { ...MEETING_INPUT.meeting, place: '서울' },
    });
    expect(meetingRecordCanonicalJson(c)).not.toBe(meetingRecordCanonicalJson(a));
  });
});

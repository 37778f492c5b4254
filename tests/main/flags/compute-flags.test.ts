import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  flagCodesByClaim,
  flagsForClaim,
  RELATED_CLAIMS_LIMIT,
} from '../../../src/main/db/repositories/claim-flags';
import { getClaim } from '../../../src/main/db/repositories/claims';
import type { Db } from '../../../src/main/db/connection';
import type { Claim } from '../../../src/shared/domain/claim';
import {
  contentOf,
  recordClaimVersion,
} from '../../../src/main/services/corrections/claim-version';
import { recomputeFlags } from '../../../src/main/services/flags/compute-flags';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { writeCsv, type Row } from '../../helpers/batch-files';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { claimId, claimRow, regNo } from './flag-rows';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** A fresh workspace with these rows imported (and so flagged), plus its evidence folder. */
async function workspaceWith(rows: Row[], evidence: Record<string, string> = {}) {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const ws = openTempWorkspace();
  cleanups.push(ws.cleanup);
  const evidenceDir = join(dir, 'evidence');
  for (const [name, content] of Object.entries(evidence)) {
    mkdirSync(join(evidenceDir, name, '..'), { recursive: true });
    writeFileSync(join(evidenceDir, name), content);
  }
  const report = await importBatch(ws, {
    file: writeCsv(dir, 'batch.csv', rows, 'utf-8'),
    evidence: Object.keys(evidence).length > 0 ? evidenceDir : null,
  });
  expect(report.imported).toBe(rows.length);
  return ws;
}

/** A claim's data changed the only way it can be: a new version (migration 017). */
function changeClaim(db: Db, id: string, patch: Partial<Claim>): void {
  const content = { ...contentOf(db, getClaim(db, id)!), ...patch };
  recordClaimVersion(db, { claimId: id, content, reason: 'test', by: 'test', at: 't' });
}

const codesOf = (ws: { db: Parameters<typeof flagCodesByClaim>[0] }) =>
  Object.fromEntries(flagCodesByClaim(ws.db));

describe('shared_business_reg_no', () => {
  it('flags every claim of a registration number used more than once, each naming the others', async () => {
    const ws = await workspaceWith([
      claimRow({ id: claimId(1), regNo: regNo(1) }),
      claimRow({ id: claimId(2), regNo: regNo(1), claimant: 'enterprise' }),
      claimRow({ id: claimId(3), regNo: regNo(2) }),
      claimRow({ id: claimId(4), claimant: 'individual', loss: null }),
      claimRow({ id: claimId(5), claimant: 'individual', loss: null }),
    ]);
    expect(codesOf(ws)).toEqual({
      [claimId(1)]: ['shared_business_reg_no'],
      [claimId(2)]: ['shared_business_reg_no'],
    });
    expect(flagsForClaim(ws.db, claimId(1))).toEqual([
      { flag: 'shared_business_reg_no', relatedClaimIds: [claimId(2)], threshold: null },
    ]);
    expect(flagsForClaim(ws.db, claimId(2))[0]!.relatedClaimIds).toEqual([claimId(1)]);
    expect(flagsForClaim(ws.db, claimId(3))).toEqual([]);
  });

  it('names at most 20 related claims, sorted, never the claim itself', async () => {
    const ids = Array.from({ length: 23 }, (_, i) => claimId(100 - i));
    const ws = await workspaceWith(ids.map((id) => claimRow({ id, regNo: regNo(7) })));
    const sorted = [...ids].sort();
    expect(flagsForClaim(ws.db, sorted[0]!)[0]!.relatedClaimIds).toEqual(
      sorted.slice(1, 1 + RELATED_CLAIMS_LIMIT),
    );
    const last = sorted.at(-1)!;
    expect(flagsForClaim(ws.db, last)[0]!.relatedClaimIds).toEqual(
      sorted.slice(0, RELATED_CLAIMS_LIMIT),
    );
  });
});

describe('shared_evidence', () => {
  const LEDGER = '일자,매출\n2022-10-15,1200000\n';
  it('flags different claims that hand in the same file bytes, not one claim naming a file twice', async () => {
    const ws = await workspaceWith(
      [
        claimRow({ id: claimId(1), evidence: ['A/ledger.csv'] }),
        claimRow({ id: claimId(2), evidence: ['B/매출.csv', 'B/own.csv'] }),
        claimRow({ id: claimId(3), evidence: ['C/first.csv', 'C/second.csv'] }),
        claimRow({ id: claimId(4), evidence: ['D/unique.csv', 'D/not-there.png'] }),
        // The same name as claim 1's file: the same bytes, so the same file.
        claimRow({ id: claimId(5), evidence: ['A/ledger.csv'] }),
      ],
      {
        'A/ledger.csv': LEDGER,
        'B/매출.csv': LEDGER,
        'B/own.csv': '일자,매출\n2022-10-16,10\n',
        'C/first.csv': '일자,매출\n2022-10-17,20\n',
        'C/second.csv': '일자,매출\n2022-10-17,20\n',
        'D/unique.csv': '일자,매출\n2022-10-18,30\n',
      },
    );
    expect(codesOf(ws)).toEqual({
      [claimId(1)]: ['shared_evidence'],
      [claimId(2)]: ['shared_evidence'],
      [claimId(5)]: ['shared_evidence'],
    });
    expect(flagsForClaim(ws.db, claimId(2))).toEqual([
      { flag: 'shared_evidence', relatedClaimIds: [claimId(1), claimId(5)], threshold: null },
    ]);
  });
});

describe('similar_description', () => {
  const COPIED = '톡채널 주문 알림이 끊겨 15일 저녁부터 예약 주문 12건을 받지 못했습니다.';
  const TEMPLATE = '카카오T 이용이 이틀 가까이 안 되어 너무 불편했습니다.';
  it('flags committee_review claims whose texts differ only in spacing, punctuation and digits', async () => {
    const ws = await workspaceWith([
      claimRow({ id: claimId(1), description: COPIED }),
      claimRow({
        id: claimId(2),
        description: '톡채널 주문알림이 끊겨, 16일 저녁부터 예약주문 30건을 받지 못했습니다!!',
      }),
      claimRow({ id: claimId(3), claimant: 'enterprise', description: ` ${COPIED}\n` }),
      // The same story at a small amount is another tier: not compared.
      claimRow({ id: claimId(4), loss: 400_000, description: COPIED }),
      // Equal but short once normalised ("주문취소됨건", 6 characters).
      claimRow({ id: claimId(5), description: '주문 취소됨 1건' }),
      claimRow({ id: claimId(6), description: '주문 취소됨 2건' }),
      // General users' template texts, equal by the thousand in a real batch.
      claimRow({ id: claimId(7), claimant: 'individual', loss: null, description: TEMPLATE }),
      claimRow({ id: claimId(8), claimant: 'individual', loss: null, description: TEMPLATE }),
      claimRow({ id: claimId(9), claimant: 'individual', loss: 20_000, description: TEMPLATE }),
      claimRow({ id: claimId(10), claimant: 'individual', loss: 20_000, description: TEMPLATE }),
      claimRow({
        id: claimId(11),
        description: '카카오맵에서 가게가 검색되지 않아 방문 손님이 줄었습니다.',
      }),
    ]);
    const tiers = ws.db.prepare('SELECT claim_id, tier FROM claims').raw().all();
    expect(Object.fromEntries(tiers as [string, string][])).toMatchObject({
      [claimId(7)]: 'non_monetary',
      [claimId(9)]: 'general_package',
      [claimId(4)]: 'tier_50k',
    });
    expect(codesOf(ws)).toEqual({
      [claimId(1)]: ['similar_description'],
      [claimId(2)]: ['similar_description'],
      [claimId(3)]: ['similar_description'],
    });
    expect(flagsForClaim(ws.db, claimId(2))).toEqual([
      { flag: 'similar_description', relatedClaimIds: [claimId(1), claimId(3)], threshold: null },
    ]);
  });
});

describe('loss_outlier', () => {
  /** Thirty business claims of 음식점업 (one an enterprise), one far above the rest. */
  const restaurants = (): Row[] => [
    ...Array.from({ length: 29 }, (_, i) =>
      claimRow({
        id: claimId(100 + i),
        claimant: i === 0 ? 'enterprise' : 'small_business',
        loss: 600_000 + i * 10_000,
      }),
    ),
    claimRow({ id: claimId(200), loss: 90_000_000, regNo: regNo(1) }),
  ];
  /** Twenty-nine 숙박업 peers with a loss, plus claims that are not peers. */
  const inns = (): Row[] => [
    ...Array.from({ length: 28 }, (_, i) =>
      claimRow({ id: claimId(300 + i), industry: '숙박업', loss: 600_000 + i * 10_000 }),
    ),
    claimRow({ id: claimId(400), industry: '숙박업', loss: 95_000_000, regNo: regNo(1) }),
    claimRow({ id: claimId(401), industry: '숙박업', loss: null }),
    claimRow({ id: claimId(402), claimant: 'individual', industry: '숙박업', loss: 700_000 }),
  ];

  it('flags a loss above its industry 99th percentile, with the threshold, only given 30 peers', async () => {
    const ws = await workspaceWith([...restaurants(), ...inns()]);
    expect(codesOf(ws)).toEqual({
      // Flags come in CLAIM_FLAGS order.
      [claimId(200)]: ['shared_business_reg_no', 'loss_outlier'],
      [claimId(400)]: ['shared_business_reg_no'],
    });
    // Sorted losses x[0..29]; h = 29 * 0.99 = 28.71; x[28] = 880,000, x[29] = 90,000,000;
    // 880,000 + 0.71 * 89,120,000 = 64,155,200 (PERCENTILE.INC).
    expect(flagsForClaim(ws.db, claimId(200))).toEqual([
      { flag: 'shared_business_reg_no', relatedClaimIds: [claimId(400)], threshold: null },
      { flag: 'loss_outlier', relatedClaimIds: [], threshold: 64_155_200 },
    ]);
  });

  it('flags the top ~1% of a large industry and none when the top losses tie', async () => {
    // 200 peers: h = 199 * 0.99 = 197.01, so x[198] and x[199] can lie above the percentile.
    const rows = Array.from({ length: 200 }, (_, i) =>
      claimRow({ id: claimId(1000 + i), loss: 1_000_000 + i * 1_000 }),
    );
    const ws = await workspaceWith(rows);
    // x[197] = 1,197,000, x[198] = 1,198,000: threshold 1,197,000 + 0.01 * 1,000 = 1,197,010.
    expect(codesOf(ws)).toEqual({
      [claimId(1198)]: ['loss_outlier'],
      [claimId(1199)]: ['loss_outlier'],
    });
    expect(flagsForClaim(ws.db, claimId(1199))[0]!.threshold).toBe(1_197_010);
    // Equal top losses: nothing lies strictly above the percentile.
    for (let n = 1190; n <= 1199; n += 1)
      changeClaim(ws.db, claimId(n), { claimedLoss: 5_000_000 });
    expect(recomputeFlags(ws.db).byFlag.loss_outlier).toBe(0);
  });
});

describe('recomputeFlags', () => {
  it('replaces every flag, reports counts, and joins the caller transaction when there is one', async () => {
    const ws = await workspaceWith([
      claimRow({ id: claimId(1), regNo: regNo(1) }),
      claimRow({ id: claimId(2), regNo: regNo(1) }),
      claimRow({ id: claimId(3), regNo: regNo(2) }),
    ]);
    expect(recomputeFlags(ws.db)).toEqual({
      flagged: 2,
      byFlag: {
        shared_business_reg_no: 2,
        shared_evidence: 0,
        similar_description: 0,
        loss_outlier: 0,
      },
    });
    const before = codesOf(ws);
    expect(() =>
      ws.db.transaction(() => {
        changeClaim(ws.db, claimId(3), { businessRegNo: regNo(1) });
        expect(recomputeFlags(ws.db).flagged).toBe(3);
        throw new Error('the caller gives up');
      })(),
    ).toThrow('the caller gives up');
    // The caller's rollback took the recomputed flags with it.
    expect(codesOf(ws)).toEqual(before);
    expect(ws.db.inTransaction).toBe(false);
  });
});

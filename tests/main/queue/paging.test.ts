import { afterEach, describe, expect, it } from 'vitest';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { queryMemory } from '../../../src/main/services/queue/query-memory';
import { queueIds, queuePage } from '../../../src/main/services/queue/queue';
import { storeBatch } from '../../../src/main/services/workspace/workspace';
import type { Claim } from '../../../src/shared/domain/claim';
import { QUEUE_COLUMNS, type QueueColumn } from '../../../src/shared/domain/queue-views';
import type { QueueQuery } from '../../../src/shared/ipc/queue-query';
import type { QueueRow } from '../../../src/shared/ipc/review-schemas';
import { actAsMember, makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function workspace(dir = makeTempDir()) {
  const ctx = openTestWorkspace(dir.dir);
  cleanups.push(() => ctx.db.close());
  if (cleanups.length === 1) cleanups.push(dir.cleanup);
  return { ctx, dir };
}

/**
 * Claims built for ties and empty values: a handful of losses, names, dates and services
 * repeat across 240 claims, and individuals have no business name, number or industry.
 */
function claims(count: number, firstId: number): Claim[] {
  return Array.from({ length: count }, (_, i): Claim => {
    const n = firstId + i;
    const business = i % 3 !== 0;
    const monetary = i % 4 !== 0;
    return {
      claimId: `K-2022-${String(n).padStart(6, '0')}`,
      receivedAt: `2022-10-${String(15 + (i % 5)).padStart(2, '0')}T10:00:00`,
      claimantType: business ? 'small_business' : 'individual',
      affiliate: i % 11 === 0 ? '다음' : '카카오',
      service: ['카카오톡', '카카오T', '카카오맵'][i % 3]!,
      paid: false,
      damageType: monetary ? 'free_monetary' : 'non_monetary',
      businessRegNo: business ? `214-86-${String(10000 + (i % 37)).slice(-5)}` : null,
      businessName: business ? ['을지로 국밥집', '강남 택시', '부산 횟집'][i % 3]! : null,
      industry: business ? ['음식점업', '운수업'][i % 2]! : null,
      claimedLoss: monetary ? [150_000, 400_000, 1_850_000, 4_200_000][i % 4]! : null,
      description: '카카오 서비스 장애로 주문을 받지 못했습니다.',
      contact: null,
      evidence: [],
    };
  });
}

function loaded(count = 240) {
  const ws = workspace();
  storeBatch(ws.ctx, {
    name: 'paging',
    sourceFile: 'paging.json',
    contentHash: 'paging',
    claims: claims(count, 1),
  });
  return ws;
}

type Ctx = ReturnType<typeof workspace>['ctx'];
const ALL: QueueQuery = { view: 'all', search: '', sort: [], filters: {} };
const page = (ctx: Ctx, query: QueueQuery, startRow: number, rows: number) =>
  queuePage(ctx, { query, startRow, endRow: startRow + rows });
const idsOf = (rows: QueueRow[]) => rows.map((row) => row.claimId);

/** Columns whose grid value is the value SQL sorts by, so the order can be checked in JS too. */
const PLAIN: Partial<Record<QueueColumn, (row: QueueRow) => string | number | null>> = {
  claimId: (r) => r.claimId,
  receivedAt: (r) => r.receivedAt,
  businessName: (r) => r.businessName,
  businessRegNo: (r) => r.businessRegNo,
  industry: (r) => r.industry,
  service: (r) => r.service,
  claimedLoss: (r) => r.claimedLoss,
  calculatedSupport: (r) => r.calculatedSupport,
  tier: (r) => r.tier,
};

/** Empty values last either way; ties by claim id in the sort's direction. */
function inGridOrder(
  rows: QueueRow[],
  value: (row: QueueRow) => string | number | null,
  desc: boolean,
) {
  const way = desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return (x < y ? -1 : 1) * way;
    return (a.claimId < b.claimId ? -1 : 1) * way;
  });
}

describe('keyset paging', () => {
  it('gives, page by page, exactly the order the whole query has: every sort, ties and empty values', () => {
    const { ctx } = loaded();
    const sorts: QueueQuery['sort'][] = [
      [],
      ...QUEUE_COLUMNS.flatMap((colId) => [
        [{ colId, sort: 'asc' as const }],
        [{ colId, sort: 'desc' as const }],
      ]),
      // Several columns: paged by OFFSET, the same order.
      [
        { colId: 'claimedLoss', sort: 'desc' },
        { colId: 'businessName', sort: 'asc' },
      ],
    ];
    for (const view of ['all', 'queue', 'tier:tier_30k', 'flagged'])
      for (const sort of sorts) {
        const query: QueueQuery = { ...ALL, view, sort };
        const whole = queueIds(ctx, query).claimIds;
        const total = whole.length;
        const at = `${view} ${JSON.stringify(sort)}`;
        // Jumps first, while nothing is remembered (OFFSET from the start or the nearest end),
        // one of them from a page among the values to a row among the empties; then in order.
        for (const start of [0, total - 10, Math.floor(total / 2), 3])
          expect(idsOf(page(ctx, query, Math.max(0, start), 7).rows), at).toEqual(
            whole.slice(Math.max(0, start), Math.max(0, start) + 7),
          );
        const paged: string[] = [];
        for (let start = 0; start < total; start += 7) {
          const answer = page(ctx, query, start, 7);
          expect(answer.total, at).toBe(total);
          paged.push(...idsOf(answer.rows));
        }
        expect(paged, at).toEqual(whole);
        expect(page(ctx, query, total, 7).rows, at).toEqual([]);
      }
  });

  it('puts empty values last in either direction and breaks ties by claim id, as the whole query does', () => {
    const { ctx } = loaded();
    const everyRow = page(ctx, ALL, 0, 1000).rows;
    expect(everyRow.some((row) => row.claimedLoss === null)).toBe(true);
    for (const [colId, value] of Object.entries(PLAIN) as [QueueColumn, (r: QueueRow) => never][])
      for (const sort of ['asc', 'desc'] as const) {
        const query: QueueQuery = { ...ALL, sort: [{ colId, sort }] };
        const paged: string[] = [];
        for (let start = 0; start < everyRow.length; start += 9)
          paged.push(...idsOf(page(ctx, query, start, 9).rows));
        expect(paged, `${colId} ${sort}`).toEqual(
          idsOf(inGridOrder(everyRow, value, sort === 'desc')),
        );
      }
  });
});

describe('the total', () => {
  it('is counted for the first page of a query, not again for its later pages', () => {
    const { ctx } = loaded();
    const query: QueueQuery = {
      ...ALL,
      view: 'queue',
      sort: [{ colId: 'claimedLoss', sort: 'desc' }],
    };
    const first = page(ctx, query, 0, 10);
    expect(first.total).toBeGreaterThan(20);
    // What main remembers is what later pages answer: a planted figure comes back unchanged.
    queryMemory(ctx.db, query, null).total = 999_999;
    expect(page(ctx, query, 10, 10).total).toBe(999_999);
    expect(page(ctx, query, 20, 10).total).toBe(999_999);
    // Another query is counted for itself.
    expect(page(ctx, { ...query, sort: [] }, 0, 10).total).toBe(first.total);
  });

  it('is counted again, and pages follow the new order, after a decision takes a claim out of the view', () => {
    const { ctx } = loaded();
    const query: QueueQuery = {
      ...ALL,
      view: 'queue',
      sort: [{ colId: 'receivedAt', sort: 'asc' }],
    };
    const before = queueIds(ctx, query).claimIds;
    expect(page(ctx, query, 0, 5).total).toBe(before.length);
    page(ctx, query, 5, 5);
    actAsMember(ctx, '김민준');
    const decided = before[3]!;
    recordDecision(ctx, {
      claimId: decided,
      outcome: 'reject',
      amount: null,
      reasonCodes: ['insufficient_proof'],
      note: '',
      replacesId: null,
      amendmentReason: null,
    });
    const after = before.filter((id) => id !== decided);
    // The page after the one served before the decision: no row repeated, none skipped.
    const next = page(ctx, query, 5, 5);
    expect(next.total).toBe(after.length);
    expect(idsOf(next.rows)).toEqual(after.slice(5, 10));
    expect(idsOf(page(ctx, query, 0, 5).rows)).toEqual(after.slice(0, 5));
  });

  it('is counted again after another connection commits (an import runs on its own)', () => {
    const { ctx, dir } = loaded();
    expect(page(ctx, ALL, 0, 10).total).toBe(240);
    const other = workspace(dir).ctx;
    storeBatch(other, {
      name: 'more',
      sourceFile: 'more.json',
      contentHash: 'more',
      claims: claims(5, 1000),
    });
    expect(page(ctx, ALL, 10, 10).total).toBe(245);
    expect(page(ctx, ALL, 240, 10).rows.map((row) => row.claimId)).toEqual(
      claims(5, 1000).map((claim) => claim.claimId),
    );
  });
});

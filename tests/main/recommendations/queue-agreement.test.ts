import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs } from '../../../src/main/services/identity/acting';
import { importRecommendations } from '../../../src/main/services/recommendations';
import { queueIds, queuePage } from '../../../src/main/services/queue/queue';
import { fromFor, whereSql } from '../../../src/main/db/queries/queue';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { QueueQuery } from '../../../src/shared/ipc/queue-query';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import {
  AGREED_CLAIM,
  CONFLICT_CLAIM,
  makeMemberFiles,
  SINGLE_CLAIM,
  type MemberFiles,
} from './member-files';

/*
 * The review grid's "members" column and the "members disagree" view, in SQL over a real
 * workspace: the secretary imported three members' files on the sample claims.
 */

const temp = makeTempDir('review-desk-recs-queue-');
let made: MemberFiles;
let ws: ReturnType<typeof openTempWorkspace>;
beforeAll(() => {
  made = makeMemberFiles(temp.dir);
  ws = openTempWorkspace();
  loadSampleClaims(ws);
  importRoster(ws, made.council.rosterText);
  actAs(ws, made.council.people['박서연']!);
  const result = importRecommendations(ws, Object.values(made.files));
  expect(result.refused).toEqual([]);
}, 120_000);
afterAll(() => {
  ws?.cleanup();
  temp.cleanup();
});

const ALL: QueueQuery = { view: 'all', search: '', sort: [], filters: {} };
const ids = (query: Partial<QueueQuery>) => queueIds(ws, { ...ALL, ...query }).claimIds;
const text = (type: string, filter?: string) =>
  ({ filterType: 'text', type, filter }) as QueueQuery['filters']['agreement'];

describe('members’ agreement in the review grid', () => {
  it('shows each claim’s agreement and split on its row; blank without recommendations', () => {
    const rows = queuePage(ws, { query: ALL, startRow: 0, endRow: 100 }).rows;
    const of = (id: string) => rows.find((r) => r.claimId === id)!;
    expect(of(AGREED_CLAIM)).toMatchObject({ agreement: 'agree', agreementSplit: '3' });
    expect(of(CONFLICT_CLAIM)).toMatchObject({ agreement: 'conflict', agreementSplit: '2:1' });
    expect(of(SINGLE_CLAIM)).toMatchObject({ agreement: 'single', agreementSplit: '1' });
    expect(of('K-2022-000104')).toMatchObject({ agreement: 'none', agreementSplit: null });
  });

  it('has a "members disagree" view, through the agreement index', () => {
    const page = queuePage(ws, {
      query: { ...ALL, view: 'member_conflict' },
      startRow: 0,
      endRow: 100,
    });
    expect(page.total).toBe(1);
    expect(page.rows.map((r) => r.claimId)).toEqual([CONFLICT_CLAIM]);
    const where = whereSql({ ...ALL, view: 'member_conflict' }, null);
    const plan = ws.db
      .prepare(`EXPLAIN QUERY PLAN SELECT c.claim_id FROM ${fromFor(where.sql)} WHERE ${where.sql}`)
      .all(...where.params) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/claim_agreement_by_agreement/);
  });

  it('sorts by agreement: one member, agree, conflict; claims nobody recommended on last', () => {
    const asc = ids({ sort: [{ colId: 'agreement', sort: 'asc' }] });
    expect(asc.slice(0, 3)).toEqual([SINGLE_CLAIM, AGREED_CLAIM, CONFLICT_CLAIM]);
    const desc = ids({ sort: [{ colId: 'agreement', sort: 'desc' }] });
    expect(desc.slice(0, 3)).toEqual([CONFLICT_CLAIM, AGREED_CLAIM, SINGLE_CLAIM]);
    // Ties, blanks among them, run by claim id the way the sort runs (one index walk either way).
    expect(asc.slice(3)).toEqual([...desc.slice(3)].reverse());
    expect(asc).toHaveLength(12);
  });

  it('filters on the words shown, in Korean or English, and on blank', () => {
    expect(ids({ filters: { agreement: text('contains', '충돌') } })).toEqual([CONFLICT_CLAIM]);
    expect(ids({ filters: { agreement: text('equals', 'agree') } })).toEqual([AGREED_CLAIM]);
    expect(ids({ filters: { agreement: text('equals', '1명') } })).toEqual([SINGLE_CLAIM]);
    expect(ids({ filters: { agreement: text('notBlank') } })).toEqual([
      AGREED_CLAIM,
      CONFLICT_CLAIM,
      SINGLE_CLAIM,
    ]);
    expect(ids({ filters: { agreement: text('blank') } })).toHaveLength(9);
    // Not "conflict" includes the claims nobody recommended on: their cell is blank.
    const notConflict = ids({ filters: { agreement: text('notContains', 'conflict') } });
    expect(notConflict).toHaveLength(11);
    expect(notConflict).not.toContain(CONFLICT_CLAIM);
    expect(ids({ filters: { agreement: text('contains', '없는 말') } })).toEqual([]);
    // Combined with a view: undecided committee claims on which members agree or not.
    expect(
      ids({
        view: 'queue',
        filters: {
          agreement: {
            filterType: 'text',
            operator: 'OR',
            conditions: [
              { filterType: 'text', type: 'equals', filter: '일치' },
              { filterType: 'text', type: 'equals', filter: '충돌' },
            ],
          },
        },
      }),
    ).toEqual([AGREED_CLAIM, CONFLICT_CLAIM]);
  });
});

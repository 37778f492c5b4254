import { afterEach, describe, expect, it } from 'vitest';
import { createPolicyVersion, getPolicy } from '../../../src/main/services/policy/policies';
import { queuePage } from '../../../src/main/services/queue/queue';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { QueueQuery } from '../../../src/shared/ipc/queue-query';
import { actAsSecretary, openTempWorkspace } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';

let ws: ReturnType<typeof openTempWorkspace>;
afterEach(() => ws?.cleanup());

const ALL: QueueQuery = { view: 'all', search: '', sort: [], filters: {} };
const supportOf = (claimId: string) =>
  queuePage(ws, { query: { ...ALL, search: claimId }, startRow: 0, endRow: 10 }).rows[0]!
    .calculatedSupport;

describe('calculated support in the queue', () => {
  it('is fixed for the brackets, calculated for review claims, none for the rest', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    expect(supportOf('K-2022-000105')).toBe(30_000); // 300,000: the 30k bracket
    expect(supportOf('K-2022-000106')).toBe(50_000); // 300,001: the 50k bracket
    // 1,850,000 x 12% (음식점업) x 100% x 95% (카카오톡) = 210,900 -> 210,000
    expect(supportOf('K-2022-000101')).toBe(210_000);
    expect(supportOf('K-2022-000109')).toBeNull(); // non-monetary
  });

  it('follows a new policy version at once, and sorts and filters in SQL', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsSecretary(ws);
    const v1 = getPolicy(ws);
    const margin = v1.body.margin.map((row) =>
      row.key === '음식점업' ? { ...row, factorBp: 2400, source: '위원회 2차 회의 의결' } : row,
    );
    createPolicyVersion(ws, {
      basedOn: 1,
      note: '음식점업 이익률 조정',
      body: { ...v1.body, margin },
    });
    expect(supportOf('K-2022-000101')).toBe(421_000); // 421,800 floored
    const bySupport = queuePage(ws, {
      query: {
        ...ALL,
        sort: [{ colId: 'calculatedSupport', sort: 'desc' }],
        filters: {
          calculatedSupport: { filterType: 'number', type: 'greaterThan', filter: 50_000 },
        },
      },
      startRow: 0,
      endRow: 50,
    }).rows.map((r) => r.calculatedSupport!);
    expect(bySupport.length).toBeGreaterThan(0);
    expect(bySupport.every((amount) => amount > 50_000)).toBe(true);
    expect([...bySupport].sort((a, b) => b - a)).toEqual(bySupport);
  });
});

describe('a workspace from before calculated support', () => {
  it('gets support and flags computed once when it is opened', async () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    // As a schema-5 workspace would be: claims, but no derived rows yet.
    ws.db.exec('DELETE FROM claim_support; DELETE FROM claim_flags;');
    const reopened = openTestWorkspace(ws.dataDir, {});
    const count = reopened.db.prepare('SELECT count(*) FROM claim_support').pluck().get();
    reopened.db.close();
    expect(count).toBeGreaterThan(0);
    expect(supportOf('K-2022-000101')).toBe(210_000);
  });
});

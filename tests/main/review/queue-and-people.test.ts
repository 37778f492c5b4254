import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { assignClaims } from '../../../src/main/services/assignments/assignments';
import {
  claimHistory,
  getClaimDetail,
  revealContact,
} from '../../../src/main/services/claims/claims';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { ServiceError } from '../../../src/main/services/errors';
import { stopActing } from '../../../src/main/services/identity/acting';
import { queueIds, queueInfo, queuePage } from '../../../src/main/services/queue/queue';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import type { Channel } from '../../../src/shared/ipc/channels';
import type { IpcResult, RequestOf, ResponseOf } from '../../../src/shared/ipc/contract';
import type { QueueQuery } from '../../../src/shared/ipc/queue-query';

const ALL: QueueQuery = { view: 'all', search: '', sort: [], filters: {} };
/** Every row of a query, as the grid would page through it. */
const rowsOf = (ctx: Parameters<typeof queuePage>[0], query: QueueQuery = ALL) =>
  queuePage(ctx, { query, startRow: 0, endRow: 1000 }).rows;
const listQueue = (ctx: Parameters<typeof queuePage>[0]) => ({
  rows: rowsOf(ctx),
  ...queueInfo(ctx),
});
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { actAsPerson } from '../../helpers/council';
import {
  actAsMember,
  actAsSecretary,
  makeTempDir,
  openTempWorkspace,
} from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';
import { makeCouncil, makeIdentity, PASSPHRASE } from '../decision-file/council';
import { openTestWorkspace } from '../../helpers/workspace-key';

let ws: ReturnType<typeof openTempWorkspace>;
const cleanups: (() => void)[] = [];
afterEach(() => {
  ws?.cleanup();
  cleanups.splice(0).forEach((fn) => fn());
});

const REVIEW_CLAIM = 'K-2022-000101'; // small business, 음식점업, 카카오톡, 1,850,000 KRW

function errorOf(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('the review queue', () => {
  it('lists every claim with its support, state, assignee, flags and evidence counts', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    const queue = listQueue(ws);
    expect(queue.rows).toHaveLength(12);
    expect(queue.claims).toBe(12);
    expect(queue.policyVersion).toBe(1);
    const review = queue.rows.find((row) => row.claimId === REVIEW_CLAIM)!;
    expect(review).toMatchObject({
      tier: 'committee_review',
      reviewState: 'undecided',
      decidedAmount: null,
      assignee: null,
      claimedLoss: 1_850_000,
    });
    // Policy v1: 1,850,000 x 12% (음식점업) x 100% x 95% (카카오톡) = 210,900 -> floor to 1,000.
    expect(review.calculatedSupport).toBe(210_000);
    for (const row of queue.rows) {
      if (row.tier === 'tier_30k') expect(row.calculatedSupport).toBe(30_000);
      if (row.tier === 'tier_50k') expect(row.calculatedSupport).toBe(50_000);
      if (row.tier === 'general_package') expect(row.calculatedSupport).toBeNull();
    }
    // The sample names evidence files it does not ship: each is counted as a problem.
    expect(review.evidenceCount).toBeGreaterThan(0);
    expect(review.evidenceProblems).toBe(review.evidenceCount);
  });

  it('shows the current decision of a claim, amendments included', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const first = recordDecision(ws, {
      claimId: REVIEW_CLAIM,
      outcome: 'approve',
      amount: 620_000,
      reasonCodes: [],
      note: '',
      replacesId: null,
      amendmentReason: null,
    });
    recordDecision(ws, {
      claimId: REVIEW_CLAIM,
      outcome: 'partial',
      amount: 400_000,
      reasonCodes: ['insufficient_proof'],
      note: '',
      replacesId: first.id,
      amendmentReason: '매출 장부 재검토',
    });
    const row = listQueue(ws).rows.find((r) => r.claimId === REVIEW_CLAIM)!;
    expect(row.reviewState).toBe('partially_approved');
    expect(row.decidedAmount).toBe(400_000);
  });

  it('keeps one workspace id across calls and reopenings', () => {
    ws = openTempWorkspace();
    const id = listQueue(ws).workspaceId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(listQueue(ws).workspaceId).toBe(id);
  });
});

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

/**
 * The app's people channels over a workspace, and a council of real key files: a key is
 * unlocked as the People panel does it, chosen in a dialog (keys:inspect) and then opened.
 */
function peopleApp() {
  ws = openTempWorkspace();
  const files = makeTempDir('review-desk-people-');
  cleanups.push(files.cleanup);
  const chosen: (string | null)[] = [];
  const { router } = createIpc(ws, testPlatform(chosen), {
    isTrustedSender: trustOrigins([ORIGIN]),
  });
  async function call<C extends Channel>(channel: C, request?: RequestOf<C>) {
    return (await router.handle(ours, channel, request)) as IpcResult<ResponseOf<C>>;
  }
  async function unlock(keyFile: string, passphrase: string | null = PASSPHRASE) {
    chosen.push(keyFile);
    const inspected = await call('keys:inspect', { kind: 'key-file' });
    expect(inspected).toMatchObject({ ok: true, value: { key: { path: keyFile } } });
    return call('people:unlock', { keyFile, passphrase });
  }
  return { council: makeCouncil(files.dir), dir: files.dir, call, unlock };
}

describe('people are the roster’s, and who acts here unlocked their own key', () => {
  it('lists the members of the latest roster with their fingerprints; nobody acts until then', async () => {
    const { council, call, unlock } = peopleApp();
    expect(await call('people:list')).toEqual({
      ok: true,
      value: { people: [], rosterVersion: null, current: null },
    });
    // Before a roster is loaded nobody can act: there is nobody to be.
    const early = await unlock(council.people['박서연']!.keyFile);
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(early.ok || early.error.message).toContain('no roster yet');

    importRoster(ws, council.rosterText);
    const people = Object.values(council.people).map(({ name, role, fingerprint }) => ({
      name,
      role,
      fingerprint,
    }));
    expect(await call('people:list')).toEqual({
      ok: true,
      value: { people, rosterVersion: 1, current: null },
    });
    expect(ws.actor).toBe(UNIDENTIFIED_OPERATOR);
    // Votes and assignments name people: each member has a row, tied to their key.
    expect(ws.db.prepare('SELECT name, role, kid FROM people ORDER BY name').all()).toEqual(
      Object.values(council.people)
        .map(({ name, role, kid }) => ({ name, role, kid }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  });

  it('takes name and role from the roster for the key unlocked, records later acts under it, until locked', async () => {
    const { council, dir, call, unlock } = peopleApp();
    loadSampleClaims(ws);
    importRoster(ws, council.rosterText);
    const secretary = council.people['박서연']!;

    // A wrong passphrase, and a key that only claims to be the chair, unlock nothing.
    const wrong = await unlock(secretary.keyFile, 'not the passphrase');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const impostor = makeIdentity(join(dir, 'impostor'), { name: '이도윤', role: 'chair' });
    const notOnRoster = await unlock(impostor.keyFile);
    expect(notOnRoster).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(notOnRoster.ok || notOnRoster.error.message).toContain('is not on roster v1');
    expect(await call('people:list')).toMatchObject({ ok: true, value: { current: null } });

    expect(await unlock(secretary.keyFile)).toEqual({
      ok: true,
      value: {
        current: { name: '박서연', role: 'secretary', fingerprint: secretary.fingerprint },
      },
    });
    expect(await call('people:list')).toMatchObject({
      ok: true,
      value: { current: { name: '박서연', role: 'secretary' } },
    });
    expect(ws.actor).toBe('박서연');
    assignClaims(ws, { claimIds: [REVIEW_CLAIM], assignee: '김민준' });
    const [assigned] = listAudit(ws.db, { limit: 1 });
    expect(assigned).toMatchObject({
      action: 'claims.assigned',
      actor: '박서연',
      actorKid: secretary.kid,
    });

    expect(await call('people:lock')).toEqual({ ok: true, value: { current: null } });
    expect(ws.actor).toBe(UNIDENTIFIED_OPERATOR);
    expect(errorOf(() => assignClaims(ws, { claimIds: [REVIEW_CLAIM], assignee: null })).code).toBe(
      'forbidden',
    );
    // The key lives only in this process: a workspace opened again has nobody acting.
    await unlock(secretary.keyFile);
    const reopened = openTestWorkspace(ws.dataDir, {});
    expect(reopened.actor).toBe(UNIDENTIFIED_OPERATOR);
    expect(reopened.acting).toBeNull();
    reopened.db.close();
  });
});

describe('assignment', () => {
  it('assigns claims in bulk, reassigns, unassigns, and audits each request', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsSecretary(ws);
    // The roster's people: 김민준 is a member, 이도윤 the chair.
    const ids = listQueue(ws)
      .rows.filter((r) => r.tier === 'committee_review')
      .map((r) => r.claimId);
    expect(assignClaims(ws, { claimIds: ids, assignee: '김민준' })).toEqual({
      assigned: ids.length,
    });
    expect(listQueue(ws).rows.filter((r) => r.assignee === '김민준')).toHaveLength(ids.length);
    assignClaims(ws, { claimIds: [ids[0]!], assignee: '이도윤' });
    expect(getClaimDetail(ws, ids[0]!).assignee).toBe('이도윤');
    assignClaims(ws, { claimIds: [ids[0]!], assignee: null });
    expect(getClaimDetail(ws, ids[0]!).assignee).toBeNull();
    const entries = listAudit(ws.db, {}).filter((e) => e.action === 'claims.assigned');
    expect(entries).toHaveLength(3);
    expect(entries.at(-1)!.details).toMatchObject({ assignee: '김민준', count: ids.length });
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it("is the secretary's work (or the chair's): nobody acting, a member or the auditor is refused", () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    const assign = () => assignClaims(ws, { claimIds: [REVIEW_CLAIM], assignee: '김민준' });
    const nobody = errorOf(assign);
    expect(nobody.code).toBe('forbidden');
    expect(nobody.message).toContain('unlock your key first');
    actAsMember(ws, '김민준');
    const member = errorOf(assign);
    expect(member.code).toBe('forbidden');
    expect(member.message).toContain('김민준 is the member');
    actAsPerson(ws, '감사 윤');
    expect(errorOf(assign).message).toContain('감사 윤 is the auditor');
    expect(getClaimDetail(ws, REVIEW_CLAIM).assignee).toBeNull();
    expect(listAudit(ws.db, {}).filter((e) => e.action === 'claims.assigned')).toEqual([]);
    // The chair stands in for the secretary.
    actAsPerson(ws, '이도윤');
    expect(assign()).toEqual({ assigned: 1 });
    expect(getClaimDetail(ws, REVIEW_CLAIM).assignee).toBe('김민준');
  });

  it('refuses the whole request for an unknown claim or person, and writes nothing', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsSecretary(ws);
    const before = listAudit(ws.db, {}).length;
    const unknownClaim = errorOf(() =>
      assignClaims(ws, { claimIds: [REVIEW_CLAIM, 'K-9999-999999'], assignee: '김민준' }),
    );
    expect(unknownClaim.code).toBe('validation_failed');
    expect(unknownClaim.message).toContain('K-9999-999999');
    expect(
      errorOf(() => assignClaims(ws, { claimIds: [REVIEW_CLAIM], assignee: '없음' })).code,
    ).toBe('not_found');
    expect(getClaimDetail(ws, REVIEW_CLAIM).assignee).toBeNull();
    expect(listAudit(ws.db, {})).toHaveLength(before);
  });
});

describe('contact reveal and the claim history', () => {
  it('masks the contact until revealed, and writes each reveal to the audit log first', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    const detail = getClaimDetail(ws, REVIEW_CLAIM);
    expect(detail.contactMasked).toMatch(/\*/);
    const revealed = revealContact(ws, REVIEW_CLAIM);
    expect(revealed.contact).not.toMatch(/\*/);
    expect(revealed.contact).not.toBe(detail.contactMasked);
    const reveals = listAudit(ws.db, { subjectId: REVIEW_CLAIM }).filter(
      (e) => e.action === 'claim.contact_revealed',
    );
    expect(reveals).toHaveLength(1);
    // Reading needs no key: with nobody acting, the reveal is the unidentified operator's.
    expect(reveals[0]!).toMatchObject({ actor: UNIDENTIFIED_OPERATOR, actorKid: null });
    expect(errorOf(() => revealContact(ws, 'K-0000-000000')).code).toBe('not_found');
  });

  it('tells a claim from its import to its amendments, oldest first', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    revealContact(ws, REVIEW_CLAIM);
    actAsMember(ws);
    const first = recordDecision(ws, {
      claimId: REVIEW_CLAIM,
      outcome: 'reject',
      amount: null,
      reasonCodes: ['insufficient_proof'],
      note: '',
      replacesId: null,
      amendmentReason: null,
    });
    recordDecision(ws, {
      claimId: REVIEW_CLAIM,
      outcome: 'approve',
      amount: 500_000,
      reasonCodes: [],
      note: '',
      replacesId: first.id,
      amendmentReason: '증빙 재확인',
    });
    const actions = claimHistory(ws, REVIEW_CLAIM).events.map((e) => e.action);
    expect(actions).toEqual([
      'batch.imported',
      'claim.contact_revealed',
      'decision.recorded',
      'decision.amended',
    ]);
    // Another claim's entries are not in this one's history.
    expect(claimHistory(ws, 'K-2022-000102').events.map((e) => e.action)).toEqual([
      'batch.imported',
    ]);
  });
});

describe('the queue query (views, search, filters, sort, pages)', () => {
  const ids = (ctx: Parameters<typeof queuePage>[0], query: Partial<QueueQuery>) =>
    rowsOf(ctx, { ...ALL, ...query }).map((r) => r.claimId);

  it('views select what their names say', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    const review = ids(ws, { view: 'queue' });
    expect(review).toContain(REVIEW_CLAIM);
    expect(rowsOf(ws, { ...ALL, view: 'queue' }).every((r) => r.tier === 'committee_review')).toBe(
      true,
    );
    expect(ids(ws, { view: 'tier:tier_30k' })).toEqual(['K-2022-000105']);
    actAsMember(ws, '김민준');
    recordDecision(ws, {
      claimId: REVIEW_CLAIM,
      outcome: 'defer',
      amount: null,
      reasonCodes: [],
      note: '',
      replacesId: null,
      amendmentReason: null,
    });
    expect(ids(ws, { view: 'queue' })).not.toContain(REVIEW_CLAIM);
    expect(ids(ws, { view: 'deferred' })).toEqual([REVIEW_CLAIM]);
    expect(ids(ws, { view: 'decided' })).toEqual([]);
    // "Mine" is the claims assigned to whoever has unlocked their key here.
    expect(ids(ws, { view: 'mine' })).toEqual([]);
    actAsSecretary(ws);
    assignClaims(ws, { claimIds: ['K-2022-000104'], assignee: '김민준' });
    expect(ids(ws, { view: 'mine' })).toEqual([]);
    actAsMember(ws, '김민준');
    expect(ids(ws, { view: 'mine' })).toEqual(['K-2022-000104']);
    actAsMember(ws, '최하은');
    expect(ids(ws, { view: 'mine' })).toEqual([]);
    stopActing(ws);
    expect(ids(ws, { view: 'mine' })).toEqual([]);
  });

  it('searches words across columns and the words of states and tiers, in Korean or English', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    expect(ids(ws, { search: '국밥' })).toEqual([REVIEW_CLAIM]);
    expect(ids(ws, { search: 'K-2022-000105' })).toEqual(['K-2022-000105']);
    const review = ids(ws, { view: 'queue' });
    expect(ids(ws, { search: '위원회' }).sort()).toEqual([...review].sort());
    expect(ids(ws, { search: 'committee' }).sort()).toEqual([...review].sort());
    // LIKE wildcards typed by a person are plain characters.
    expect(ids(ws, { search: '%' })).toEqual([]);
    expect(ids(ws, { search: '국밥 음식점업' })).toEqual([REVIEW_CLAIM]);
    expect(ids(ws, { search: '국밥 카카오맵' })).toEqual([]);
  });

  it('applies text, number and date filters, combined ones included, and labelled columns by their words', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    const all = rowsOf(ws);
    const over = all.filter((r) => (r.claimedLoss ?? -1) > 1_000_000).map((r) => r.claimId);
    expect(
      ids(ws, {
        filters: { claimedLoss: { filterType: 'number', type: 'greaterThan', filter: 1_000_000 } },
      }).sort(),
    ).toEqual(over.sort());
    expect(
      ids(ws, {
        filters: {
          claimedLoss: {
            filterType: 'number',
            type: 'inRange',
            filter: 300_000,
            filterTo: 300_001,
          },
        },
      }).sort(),
    ).toEqual(['K-2022-000105', 'K-2022-000106']);
    expect(
      ids(ws, {
        filters: { businessName: { filterType: 'text', type: 'startsWith', filter: '을지로' } },
      }),
    ).toEqual([REVIEW_CLAIM]);
    expect(
      ids(ws, {
        filters: {
          receivedAt: { filterType: 'date', type: 'equals', dateFrom: '2022-10-20 00:00:00' },
        },
      }),
    ).toContain(REVIEW_CLAIM);
    const either = ids(ws, {
      filters: {
        tier: {
          filterType: 'text',
          operator: 'OR',
          conditions: [
            { filterType: 'text', type: 'contains', filter: '30,000' },
            { filterType: 'text', type: 'equals', filter: 'tier_50k' },
          ],
        },
      },
    });
    expect(either.length).toBeGreaterThan(0);
    expect(
      rowsOf(ws)
        .filter((r) => either.includes(r.claimId))
        .every((r) => r.tier === 'tier_30k' || r.tier === 'tier_50k'),
    ).toBe(true);
    expect(
      ids(ws, {
        filters: { reviewState: { filterType: 'text', type: 'contains', filter: '미결정' } },
      }),
    ).toHaveLength(12);
  });

  it('sorts with empty values last, pages without gaps or repeats, and ids follow the same order', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    const query: QueueQuery = { ...ALL, sort: [{ colId: 'claimedLoss', sort: 'desc' }] };
    const sorted = rowsOf(ws, query);
    const losses = sorted.map((r) => r.claimedLoss);
    expect(losses[0]).toBe(4_200_000);
    expect(losses.at(-1)).toBeNull();
    const paged = [0, 5, 10].flatMap(
      (start) => queuePage(ws, { query, startRow: start, endRow: start + 5 }).rows,
    );
    expect(paged.map((r) => r.claimId)).toEqual(sorted.map((r) => r.claimId));
    expect(queuePage(ws, { query, startRow: 0, endRow: 5 }).total).toBe(12);
    expect(queueIds(ws, query).claimIds).toEqual(sorted.map((r) => r.claimId));
  });
});

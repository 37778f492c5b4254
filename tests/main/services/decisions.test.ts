import { afterEach, describe, expect, it } from 'vitest';
import type { DecisionDraft } from '../../../src/shared/domain/decision';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { getClaimDetail, listClaimSummaries } from '../../../src/main/services/claims/claims';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { ServiceError } from '../../../src/main/services/errors';
import { loadSampleClaims, workspaceSummary } from '../../../src/main/services/workspace/workspace';
import { ActNotPermittedError } from '../../../src/main/db/errors';
import { stopActing } from '../../../src/main/services/identity/acting';
import { actAsPerson } from '../../helpers/council';
import { actAsMember, actAsSecretary, openTempWorkspace } from '../../helpers/temp-workspace';

let ws: ReturnType<typeof openTempWorkspace>;
afterEach(() => ws?.cleanup());

const REVIEW_CLAIM = 'K-2022-000101'; // small business, 1,850,000 KRW
const first = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
  claimId: REVIEW_CLAIM,
  outcome: 'approve',
  amount: 620_000,
  reasonCodes: [],
  note: '',
  replacesId: null,
  amendmentReason: null,
  ...over,
});

function expectServiceError(fn: () => unknown, code: string, issueCode?: string) {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).code).toBe(code);
  if (issueCode) expect((error as ServiceError).issues.map((i) => i.code)).toContain(issueCode);
}

describe('the sample workspace', () => {
  it('loads once, with every claim triaged and its evidence flagged as missing', () => {
    ws = openTempWorkspace();
    expect(loadSampleClaims(ws)).toEqual({ batchId: 1, claims: 12 });
    const summary = workspaceSummary(ws);
    expect(summary).toMatchObject({ batches: 1, claims: 12, decided: 0 });
    const queue = listClaimSummaries(ws, { tier: 'committee_review' });
    expect(queue.claims.map((c) => c.claimId)).toEqual([
      'K-2022-000101',
      'K-2022-000102',
      'K-2022-000103',
      'K-2022-000104',
      'K-2022-000111',
      'K-2022-000112',
    ]);
    expect(summary.reviewQueue).toBe(6);
    expect(summary.reviewQueueClaimedTotal).toBe(
      1_850_000 + 720_000 + 500_001 + 4_200_000 + 1_230_000 + 650_000,
    );
    expect(listClaimSummaries(ws, { tier: 'tier_30k' }).claims.map((c) => c.claimId)).toEqual([
      'K-2022-000105',
    ]);
    expect(listClaimSummaries(ws, { tier: 'tier_50k' }).claims.map((c) => c.claimId)).toEqual([
      'K-2022-000106',
      'K-2022-000107',
    ]);
    const detail = getClaimDetail(ws, REVIEW_CLAIM);
    expect(detail.evidence.map((e) => [e.fileName, e.status])).toEqual([
      ['pos_2022-10-15.csv', 'missing'],
      ['receipt_1015.jpg', 'missing'],
    ]);
    expect(detail.contactMasked).toBe('010-****-6789');
    expectServiceError(() => loadSampleClaims(ws), 'conflict');
    expect(listAudit(ws.db).map((e) => e.action)).toEqual(['batch.imported']);
  });
});

describe('recording a decision', () => {
  it('writes the decision and its audit entry together', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const record = recordDecision(ws, first({ note: '  POS 기록 확인  ' }));
    expect(record).toMatchObject({
      id: 1,
      outcome: 'approve',
      amount: 620_000,
      note: 'POS 기록 확인',
      decidedBy: '김민준',
    });
    const detail = getClaimDetail(ws, REVIEW_CLAIM);
    expect(detail.reviewState).toBe('approved');
    expect(detail.decisions).toEqual([record]);
    const [entry] = listAudit(ws.db, { subjectId: REVIEW_CLAIM });
    expect(entry).toMatchObject({
      action: 'decision.recorded',
      actor: '김민준',
      details: { decisionId: 1, amount: 620_000 },
    });
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it('keeps the whole history when a decision is amended', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const deferred = recordDecision(ws, first({ outcome: 'defer', amount: null }));
    const approved = recordDecision(ws, first({ replacesId: deferred.id }));
    expectServiceError(
      () =>
        recordDecision(
          ws,
          first({
            outcome: 'partial',
            amount: 300_000,
            reasonCodes: ['insufficient_proof'],
            replacesId: approved.id,
          }),
        ),
      'validation_failed',
      'amendment_reason_required',
    );
    const amended = recordDecision(
      ws,
      first({
        outcome: 'partial',
        amount: 300_000,
        reasonCodes: ['insufficient_proof'],
        replacesId: approved.id,
        amendmentReason: '영수증 일부 중복',
      }),
    );
    const detail = getClaimDetail(ws, REVIEW_CLAIM);
    expect(detail.decisions.map((d) => [d.id, d.outcome, d.replacesId])).toEqual([
      [deferred.id, 'defer', null],
      [approved.id, 'approve', deferred.id],
      [amended.id, 'partial', approved.id],
    ]);
    expect(detail.reviewState).toBe('partially_approved');
    expect(listAudit(ws.db, { subjectId: REVIEW_CLAIM }).map((e) => e.action)).toEqual([
      'decision.amended',
      'decision.followed_up',
      'decision.recorded',
    ]);
  });

  it('refuses a decision made on a stale history as a conflict', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    recordDecision(ws, first({ outcome: 'defer', amount: null }));
    expectServiceError(() => recordDecision(ws, first()), 'conflict', 'must_replace_current');
  });

  it('enforces the shared rules in main and writes nothing when they fail', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    expectServiceError(
      () => recordDecision(ws, first({ amount: 1_850_001 })),
      'validation_failed',
      'amount_above_claimed_loss',
    );
    expectServiceError(
      () => recordDecision(ws, first({ outcome: 'reject', amount: null })),
      'validation_failed',
      'reason_required',
    );
    expectServiceError(
      () => recordDecision(ws, first({ claimId: 'K-2022-000105' })),
      'validation_failed',
      'claim_not_reviewable',
    );
    expectServiceError(() => recordDecision(ws, first({ claimId: 'K-2022-999999' })), 'not_found');
    expect(getClaimDetail(ws, REVIEW_CLAIM).decisions).toEqual([]);
    expect(listAudit(ws.db).map((e) => e.action)).toEqual(['roster.imported', 'batch.imported']);
  });

  it('rolls the decision back when its audit entry cannot be written', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    // A trigger that refuses audit inserts stands in for a disk error mid-transaction.
    ws.db.exec(
      "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log WHEN NEW.action LIKE 'decision.%' BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );
    expect(() => recordDecision(ws, first())).toThrow(/disk full/);
    expect(getClaimDetail(ws, REVIEW_CLAIM).decisions).toEqual([]);
  });

  it('is a member’s or the chair’s act: nobody acting, or the secretary, is refused', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    expect(() => recordDecision(ws, first())).toThrow(ActNotPermittedError);
    actAsSecretary(ws);
    expect(() => recordDecision(ws, first())).toThrow(/member or chair.*박서연 is the secretary/);
    actAsMember(ws);
    stopActing(ws);
    expect(() => recordDecision(ws, first())).toThrow(/nobody has unlocked their key/);
    expect(getClaimDetail(ws, REVIEW_CLAIM).decisions).toEqual([]);
    expect(listAudit(ws.db).map((e) => e.action)).toEqual(['roster.imported', 'batch.imported']);
    // The chair may record one too, under the roster's name for the key.
    actAsPerson(ws, '이도윤');
    expect(recordDecision(ws, first())).toMatchObject({ decidedBy: '이도윤' });
    expect(listAudit(ws.db, { subjectId: REVIEW_CLAIM })[0]).toMatchObject({
      actor: '이도윤',
      actorKid: expect.any(String),
    });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { getClaimDetail } from '../../../src/main/services/claims/claims';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { ServiceError } from '../../../src/main/services/errors';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { DecisionDraft } from '../../../src/shared/domain/decision';
import { decisionRecord } from '../../../src/shared/ipc/schemas';
import { actAsMember, openTempWorkspace } from '../../helpers/temp-workspace';

let ws: ReturnType<typeof openTempWorkspace>;
afterEach(() => ws?.cleanup());

const REVIEW_CLAIM = 'K-2022-000101'; // 음식점업, 카카오톡: policy 1 advises 210,000 on 1,850,000
const withPolicy = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
  claimId: REVIEW_CLAIM,
  outcome: 'approve',
  amount: 210_000,
  reasonCodes: [],
  note: '',
  replacesId: null,
  amendmentReason: null,
  policyVersion: 1,
  verifiedLoss: 1_850_000,
  recommendedAmount: 210_000,
  overrideReason: null,
  ...over,
});

function serviceError(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected a ServiceError');
}

function expectNothingWritten() {
  expect(getClaimDetail(ws, REVIEW_CLAIM).decisions).toEqual([]);
  expect(listAudit(ws.db).map((e) => e.action)).toEqual(['roster.imported', 'batch.imported']);
}

describe('a decision that used the support calculator', () => {
  it('stores the policy version, verified loss and recommendation with the decision', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const record = recordDecision(ws, withPolicy());
    expect(record).toMatchObject({
      policyVersion: 1,
      verifiedLoss: 1_850_000,
      recommendedAmount: 210_000,
      overrideReason: null,
    });
    expect(decisionRecord.parse(record)).toEqual(record);
    expect(getClaimDetail(ws, REVIEW_CLAIM).decisions).toEqual([record]);
    const [entry] = listAudit(ws.db, { subjectId: REVIEW_CLAIM });
    expect(entry?.details).toMatchObject({
      policyVersion: 1,
      verifiedLoss: 1_850_000,
      recommendedAmount: 210_000,
      overrideReason: null,
    });
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it('stores an override with its reason', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const record = recordDecision(
      ws,
      withPolicy({ amount: 400_000, overrideReason: '  성수기 매출 장부 확인  ' }),
    );
    expect(record).toMatchObject({ amount: 400_000, overrideReason: '성수기 매출 장부 확인' });
    expect(getClaimDetail(ws, REVIEW_CLAIM).decisions[0]?.overrideReason).toBe(
      '성수기 매출 장부 확인',
    );
  });

  it('gives null columns to a decision made without the calculator', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const plain: DecisionDraft = {
      claimId: REVIEW_CLAIM,
      outcome: 'approve',
      amount: 600_000,
      reasonCodes: [],
      note: '',
      replacesId: null,
      amendmentReason: null,
    };
    const record = recordDecision(ws, plain);
    expect(record).toMatchObject({
      policyVersion: null,
      verifiedLoss: null,
      recommendedAmount: null,
      overrideReason: null,
    });
    expect(getClaimDetail(ws, REVIEW_CLAIM).decisions).toEqual([record]);
  });

  it("refuses a recommendation that main's own calculation does not give, writing nothing", () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const error = serviceError(() =>
      recordDecision(ws, withPolicy({ recommendedAmount: 250_000, amount: 250_000 })),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: 'recommendedAmount', code: 'recommendation_mismatch' }),
    );
    // Same figure, other verified loss: the recommendation no longer fits.
    expect(
      serviceError(() => recordDecision(ws, withPolicy({ verifiedLoss: 1_000_000 }))).issues.map(
        (i) => i.code,
      ),
    ).toEqual(['recommendation_mismatch']);
    expectNothingWritten();
  });

  it('refuses an override without a reason, writing nothing', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const error = serviceError(() => recordDecision(ws, withPolicy({ amount: 400_000 })));
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toEqual([
      {
        path: 'overrideReason',
        code: 'override_reason_required',
        message: 'Give the reason the amount differs from the recommendation.',
      },
    ]);
    expectNothingWritten();
  });

  it('refuses an incomplete calculation link and an unknown policy version', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsMember(ws);
    const incomplete = serviceError(() => recordDecision(ws, withPolicy({ verifiedLoss: null })));
    expect(incomplete.issues.map((i) => i.code)).toEqual(['recommendation_incomplete']);
    expect(serviceError(() => recordDecision(ws, withPolicy({ policyVersion: 9 }))).code).toBe(
      'not_found',
    );
    expectNothingWritten();
  });
});

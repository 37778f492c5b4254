import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { ServiceError } from '../../../src/main/services/errors';
import { createPolicyVersion, getPolicy } from '../../../src/main/services/policy/policies';
import { recordSupportCalculation } from '../../../src/main/services/support/record-calculation';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { supportCalculation } from '../../../src/shared/ipc/review-schemas';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import { actAsMember, actAsSecretary, openTempWorkspace } from '../../helpers/temp-workspace';

let ws: ReturnType<typeof openTempWorkspace>;
afterEach(() => ws?.cleanup());

function serviceError(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected a ServiceError');
}

const REVIEW_CLAIM = 'K-2022-000101'; // 음식점업, 카카오톡, claimed 1,850,000

describe('recommending support', () => {
  it('computes with the named policy version and records the figures in the audit log', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    // Calculating needs no key: with nobody acting it is the unidentified operator's, unsigned.
    const result = recordSupportCalculation(ws, {
      claimId: REVIEW_CLAIM,
      verifiedLoss: 1_850_000,
      policyVersion: 1,
    });
    expect(result).toMatchObject({ policyVersion: 1, unrounded: 210_900, recommended: 210_000 });
    expect(result.factors.margin).toMatchObject({ key: '음식점업', factorBp: 1200 });
    expect(supportCalculation.parse(result)).toEqual(result);

    const [entry] = listAudit(ws.db, { subjectId: REVIEW_CLAIM });
    expect(entry).toMatchObject({
      action: 'support.calculated',
      actor: UNIDENTIFIED_OPERATOR,
      actorKid: null,
      signature: null,
      subjectType: 'claim',
      subjectId: REVIEW_CLAIM,
      details: {
        policyVersion: 1,
        verifiedLoss: 1_850_000,
        recommended: 210_000,
        factors: [
          { table: 'margin', key: '음식점업', factorBp: 1200 },
          { table: 'alternative', key: '카카오톡', factorBp: 10_000 },
          { table: 'kakaoShare', key: '카카오톡', factorBp: 9500 },
        ],
      },
    });
    expect(verifyAuditChain(ws.db)).toMatchObject({ ok: true, entries: 2 });

    // A member who has unlocked their key is named, and signs the entry.
    actAsMember(ws);
    recordSupportCalculation(ws, {
      claimId: REVIEW_CLAIM,
      verifiedLoss: 1_850_000,
      policyVersion: 1,
    });
    const [mine] = listAudit(ws.db, { subjectId: REVIEW_CLAIM });
    expect(mine).toMatchObject({ action: 'support.calculated', actor: '김민준' });
    expect(mine!.signature).not.toBeNull();
    expect(verifyAuditChain(ws.db)).toMatchObject({ ok: true, entries: 4 });
  });

  it('uses the fallback rows for an unlisted service and the version asked for', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    actAsSecretary(ws);
    // K-2022-000112: 음식점업 on 카카오페이, which no table lists.
    const v1 = recordSupportCalculation(ws, {
      claimId: 'K-2022-000112',
      verifiedLoss: 650_000,
      policyVersion: 1,
    });
    expect(v1.factors.alternative).toMatchObject({ key: '*', fallback: true });
    expect(v1.recommended).toBe(50_000);

    const body = structuredClone(getPolicy(ws).body);
    body.minimumAmount = 0;
    createPolicyVersion(ws, { basedOn: 1, note: '최저액 없음', body });
    const v2 = recordSupportCalculation(ws, {
      claimId: 'K-2022-000112',
      verifiedLoss: 650_000,
      policyVersion: 2,
    });
    expect(v2).toMatchObject({ policyVersion: 2, recommended: 27_000 });
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it('refuses claims outside committee review, unknown claims and unknown versions', () => {
    ws = openTempWorkspace();
    loadSampleClaims(ws);
    const tier30k = serviceError(() =>
      recordSupportCalculation(ws, {
        claimId: 'K-2022-000105',
        verifiedLoss: 300_000,
        policyVersion: 1,
      }),
    );
    expect(tier30k.code).toBe('validation_failed');
    expect(tier30k.issues.map((i) => i.code)).toEqual(['claim_not_reviewable']);
    expect(
      serviceError(() =>
        recordSupportCalculation(ws, {
          claimId: 'K-2022-999999',
          verifiedLoss: 1,
          policyVersion: 1,
        }),
      ).code,
    ).toBe('not_found');
    expect(
      serviceError(() =>
        recordSupportCalculation(ws, { claimId: REVIEW_CLAIM, verifiedLoss: 1, policyVersion: 9 }),
      ).code,
    ).toBe('not_found');
    expect(
      serviceError(() =>
        recordSupportCalculation(ws, {
          claimId: REVIEW_CLAIM,
          verifiedLoss: 1.5,
          policyVersion: 1,
        }),
      ).code,
    ).toBe('validation_failed');
    expect(listAudit(ws.db).map((e) => e.action)).toEqual(['batch.imported']);
  });
});

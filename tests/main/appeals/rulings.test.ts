import { describe, expect, it } from 'vitest';
import { findAppeal } from '../../../src/main/db/repositories/appeals';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { listClaimVersions } from '../../../src/main/db/repositories/claim-versions';
import { getClaim } from '../../../src/main/db/repositories/claims';
import { listEvidenceArrivals } from '../../../src/main/db/repositories/evidence-arrivals';
import { fileAppeal } from '../../../src/main/services/appeals/file';
import { listAppealsOf } from '../../../src/main/services/appeals/list';
import { stopActing } from '../../../src/main/services/identity/acting';
import { addToAgenda } from '../../../src/main/services/meetings';
import { councilDecides, seedSampleDecisions } from '../ledger/support';
import { actAs, expectServiceError, openWith } from '../meetings/support';
import {
  admit,
  appealsWorkspace,
  BRACKET_30K,
  BRACKET_50K,
  countRows,
  evidenceFolder,
  fileOn,
  gridRows,
  reject,
} from './support';

describe('an appeal admitted to council review', () => {
  it('re-tiers a bracket claim by a new version naming the appeal, into the queue and onto an agenda', async () => {
    const ws = appealsWorkspace();
    const { appeal } = await fileOn(ws, BRACKET_30K);
    expect(appeal).toMatchObject({ id: 1, claimId: BRACKET_30K, state: 'filed', ruling: null });
    expect(gridRows(ws, 'queue').map((row) => row.claimId)).not.toContain(BRACKET_30K);

    const ruled = admit(ws, appeal.id, '매출 장부로 손실 확인');
    expect(ruled.tier).toEqual({ from: 'tier_30k', to: 'committee_review' });
    expect(ruled.appeal).toMatchObject({
      state: 'admitted',
      ruling: 'admitted',
      rulingReason: '매출 장부로 손실 확인',
      ruledBy: '박서연',
      claimVersion: 2,
    });
    expect(getClaim(ws.db, BRACKET_30K)).toMatchObject({ tier: 'committee_review', version: 2 });
    const versions = listClaimVersions(ws.db, BRACKET_30K);
    expect(versions.map((v) => [v.version, v.tier, v.tierBasis, v.reason])).toEqual([
      [1, 'tier_30k', 'rule', 'imported'],
      [2, 'committee_review', 'appeal', '이의신청 #1 인용: 매출 장부로 손실 확인'],
    ]);
    // Only the tier moved: the content (and its hash, which signed files name) is as imported.
    expect(versions[1]!.contentHash).toBe(versions[0]!.contentHash);

    expect(gridRows(ws, 'queue').find((row) => row.claimId === BRACKET_30K)).toMatchObject({
      tier: 'committee_review',
      reviewState: 'undecided',
      appeal: 'admitted',
    });
    const { id: meetingId } = openWith(ws, 5);
    const agenda = addToAgenda(ws, { meetingId, claimId: BRACKET_30K, proposal: null });
    expect(agenda.agenda.map((item) => item.claimId)).toContain(BRACKET_30K);

    const acts = listAudit(ws.db, { limit: 100 })
      .filter((entry) => entry.subjectId === BRACKET_30K)
      .map((entry) => [entry.action, entry.subjectType, entry.actor])
      .reverse();
    expect(acts).toEqual([
      ['appeal.filed', 'claim', '박서연'],
      ['appeal.admitted', 'claim', '박서연'],
      ['meeting.agenda_added', 'claim', '박서연'],
    ]);
  });

  it('brings a decided claim back to the open queue until the council decides it again', async () => {
    const ws = appealsWorkspace();
    // 103: approved by meeting no. 1, rejected by meeting no. 2 (tests/main/ledger/support.ts).
    seedSampleDecisions(ws);
    expect(gridRows(ws, 'queue').map((row) => row.claimId)).not.toContain('K-2022-000103');
    const { appeal } = await fileOn(ws, 'K-2022-000103', '장애 기간의 매출 급감');
    admit(ws, appeal.id);
    expect(gridRows(ws, 'queue').find((row) => row.claimId === 'K-2022-000103')).toMatchObject({
      reviewState: 'rejected',
      appeal: 'admitted',
    });
    councilDecides(ws, 3, '2023-02-01', [
      {
        claimId: 'K-2022-000103',
        motion: { outcome: 'approve', amount: 500_001, reasonCodes: [] },
        note: '이의신청 인용 후 재심의',
      },
    ]);
    expect(gridRows(ws, 'queue').map((row) => row.claimId)).not.toContain('K-2022-000103');
  });
});

describe('a rejected appeal', () => {
  it('leaves the claim as it was, and the claimant may appeal again', async () => {
    const ws = appealsWorkspace();
    const { appeal } = await fileOn(ws, BRACKET_50K);
    const ruled = reject(ws, appeal.id, '손실 증빙 없음');
    expect(ruled.tier).toEqual({ from: 'tier_50k', to: 'tier_50k' });
    expect(ruled.appeal).toMatchObject({ state: 'rejected', claimVersion: null });
    expect(getClaim(ws.db, BRACKET_50K)).toMatchObject({ tier: 'tier_50k', version: 1 });
    expect(listClaimVersions(ws.db, BRACKET_50K)).toEqual([]);
    const again = await fileOn(ws, BRACKET_50K, '세금계산서를 찾았음');
    expect(again.appeal).toMatchObject({ id: 2, state: 'filed' });
    expect(listAppealsOf(ws, { claimId: BRACKET_50K }).map((a) => a.state)).toEqual([
      'rejected',
      'filed',
    ]);
  });
});

describe('refusals write nothing', () => {
  it('one appeal waits for a ruling at a time', async () => {
    const ws = appealsWorkspace();
    await fileOn(ws, BRACKET_30K);
    const before = [countRows(ws, 'appeals'), countRows(ws, 'audit_log')];
    await expect(fileOn(ws, BRACKET_30K, '두 번째')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already has 이의신청 #1 .* waiting for a ruling/),
      issues: [{ code: 'appeal_open' }],
    });
    expect([countRows(ws, 'appeals'), countRows(ws, 'audit_log')]).toEqual(before);
    // The table holds the rule too, whatever path writes.
    expect(() =>
      ws.db
        .prepare(
          `INSERT INTO appeals (claim_id, grounds, received_on, filed_at, recorded_by)
           VALUES (?, '다시', '2023-01-01', 't', '박서연')`,
        )
        .run(BRACKET_30K),
    ).toThrow(/at most one appeal waiting/);
  });

  it('a ruling is made once, by a secretary or chair, with a reason, on an appeal that exists', async () => {
    const ws = appealsWorkspace();
    const { appeal } = await fileOn(ws, BRACKET_30K);
    const audit = () => countRows(ws, 'audit_log');
    const before = audit();
    expectServiceError(() => admit(ws, appeal.id, '   '), 'validation_failed', 'required');
    expectServiceError(() => admit(ws, 99), 'not_found');
    actAs(ws, '김민준');
    expectServiceError(() => admit(ws, appeal.id), 'forbidden');
    stopActing(ws);
    expectServiceError(() => reject(ws, appeal.id), 'forbidden');
    expect(audit()).toBe(before);

    actAs(ws, '이도윤'); // the chair stands in for the secretary
    reject(ws, appeal.id);
    expectServiceError(() => admit(ws, appeal.id), 'conflict', 'appeal_ruled');
    expect(findAppeal(ws.db, appeal.id)).toMatchObject({ state: 'rejected', ruledBy: '이도윤' });
    expect(getClaim(ws.db, BRACKET_30K)).toMatchObject({ tier: 'tier_30k' });
  });

  it('filing needs a key, grounds, a real day and a claim that exists', async () => {
    const ws = appealsWorkspace();
    const file = (over: Partial<Parameters<typeof fileAppeal>[1]>) =>
      fileAppeal(ws, { claimId: BRACKET_30K, grounds: '손실이 더 큼', ...over });
    await expect(file({ grounds: ' ' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(file({ receivedOn: '2023-02-30' })).rejects.toMatchObject({
      issues: [{ code: 'not_a_date' }],
    });
    await expect(file({ receivedOn: '2999-01-01' })).rejects.toMatchObject({
      issues: [{ code: 'in_the_future' }],
    });
    await expect(
      file({ claimId: 'K-2022-999999', evidence: evidenceFolder() }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message:
        'claim K-2022-999999 does not exist; no appeal was recorded and no evidence was attached',
    });
    actAs(ws, '김민준');
    await expect(file({ evidence: evidenceFolder() })).rejects.toMatchObject({ code: 'forbidden' });
    expect([countRows(ws, 'appeals'), countRows(ws, 'evidence_arrivals')]).toEqual([0, 0]);
  });
});

describe("an appeal's new evidence", () => {
  it('is attached to the claim as an arrival, which the appeal names', async () => {
    const ws = appealsWorkspace();
    const filed = await fileAppeal(ws, {
      claimId: BRACKET_30K,
      grounds: '10월 매출 장부',
      receivedOn: '2022-11-18',
      evidence: evidenceFolder('매출 장부'),
    });
    const [arrival] = listEvidenceArrivals(ws.db, BRACKET_30K);
    expect(filed.evidence).toMatchObject({ arrivalId: arrival!.id, stored: 1 });
    expect(filed.appeal).toMatchObject({
      arrivalId: arrival!.id,
      evidenceSource: '매출 장부',
      receivedOn: '2022-11-18',
    });
    // It stays the claim's evidence whatever the ruling.
    reject(ws, filed.appeal.id);
    expect(listEvidenceArrivals(ws.db, BRACKET_30K)).toHaveLength(1);
  });
});

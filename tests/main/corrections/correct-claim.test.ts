import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { listClaimHistory, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { listClaimVersions } from '../../../src/main/db/repositories/claim-versions';
import { getClaim } from '../../../src/main/db/repositories/claims';
import { verifyForAuditor } from '../../../src/main/services/auditor';
import { recordClaimVersion } from '../../../src/main/services/corrections/claim-version';
import { correctClaim } from '../../../src/main/services/corrections/correct-claim';
import { exportMeetingDecisions } from '../../../src/main/services/decision-files';
import { ServiceError } from '../../../src/main/services/errors';
import { stopActing } from '../../../src/main/services/identity/acting';
import { makeTempDir } from '../../helpers/temp-workspace';
import { heldMeeting, makeKeys, rosterOf, type Keyed } from '../decision-file/export-fixture';
import {
  actAs,
  CHAIR,
  councilWorkspace,
  FIXED_TIER_CLAIM,
  REVIEW_CLAIM,
  SECRETARY,
} from '../meetings/support';

/*
 * A correction of a claim's data (issue 16, part 1) is a new version: who, when, why, the tier
 * classified again under the rule's version, and the old content kept so a file signed over it
 * still verifies while the auditor is told the claim changed since.
 */

let ws: ReturnType<typeof councilWorkspace>;
afterEach(() => ws?.cleanup());

const claimSupport = (id: string) =>
  ws.db.prepare('SELECT amount FROM claim_support WHERE claim_id = ?').pluck().get(id);

function refusal(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('correcting a claim', () => {
  it('makes version 2, re-tiers the 30,000원 bracket claim to council review and audits who, when and why', () => {
    ws = councilWorkspace();
    const before = getClaim(ws.db, FIXED_TIER_CLAIM)!;
    expect(before.tier).toBe('tier_30k');
    expect(claimSupport(FIXED_TIER_CLAIM)).toBe(30_000);

    const result = correctClaim(ws, {
      claimId: FIXED_TIER_CLAIM,
      changes: { 피해금액: '800,000원' },
      reason: '신청인 이의: 매출 장부 제출',
    });
    expect(result).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      previousHash: before.contentHash,
      fields: ['claimed_loss'],
      tier: { from: 'tier_30k', to: 'committee_review', ruleVersion: 1 },
    });
    expect(result.contentHash).not.toBe(before.contentHash);

    const after = getClaim(ws.db, FIXED_TIER_CLAIM)!;
    expect(after).toMatchObject({ claimedLoss: 800_000, tier: 'committee_review' });
    expect(after.contentHash).toBe(result.contentHash);
    // The bracket no longer applies: the calculator's figure stands in claim_support.
    expect(claimSupport(FIXED_TIER_CLAIM)).not.toBe(30_000);

    const versions = listClaimVersions(ws.db, FIXED_TIER_CLAIM);
    expect(versions.map((v) => [v.version, v.tier, v.content.claimedLoss, v.recordedBy])).toEqual([
      [1, 'tier_30k', before.claimedLoss, expect.any(String)],
      [2, 'committee_review', 800_000, SECRETARY],
    ]);
    expect(versions[0]!.contentHash).toBe(before.contentHash);
    expect(versions[1]!.reason).toBe('신청인 이의: 매출 장부 제출');

    const history = listClaimHistory(ws.db, FIXED_TIER_CLAIM, before.batchId);
    const corrected = history.find((e) => e.action === 'claim.corrected')!;
    expect(corrected.actor).toBe(SECRETARY);
    expect(corrected.details).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      previousHash: before.contentHash,
      tierFrom: 'tier_30k',
      tierTo: 'committee_review',
      tierRuleVersion: 1,
      reason: '신청인 이의: 매출 장부 제출',
    });
    expect(JSON.stringify(corrected.details)).not.toContain(before.contact ?? '010');
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it('refuses bad corrections with what and where, and changes nothing', () => {
    ws = councilWorkspace();
    const before = getClaim(ws.db, FIXED_TIER_CLAIM)!;
    const correct =
      (changes: Record<string, string>, reason = '정정') =>
      () =>
        correctClaim(ws, { claimId: FIXED_TIER_CLAIM, changes, reason });

    expect(refusal(correct({ 피해금액: '약 팔십' })).message).toMatch(/피해금액 \(claimed_loss\)/);
    expect(refusal(correct({ 사업자등록번호: '123-45-678' })).message).toMatch(
      /사업자등록번호 \(business_reg_no\)/,
    );
    expect(refusal(correct({ 금액: '1' })).message).toBe('"금액" is not a claim field');
    expect(refusal(correct({ 접수번호: 'K-2022-999999' })).message).toMatch(/claim id cannot/);
    expect(refusal(correct({ 증빙: 'a.pdf' })).message).toMatch(/review-desk attach/);
    expect(refusal(correct({ 피해금액: '800000' }, ' ')).message).toMatch(/why/);
    expect(refusal(correct({})).message).toMatch(/at least one field/);
    expect(refusal(correct({ 피해금액: String(before.claimedLoss) })).message).toMatch(
      /already holds/,
    );
    expect(
      refusal(() =>
        correctClaim(ws, { claimId: 'K-2022-999999', changes: { 상호: 'x' }, reason: 'r' }),
      ).code,
    ).toBe('not_found');

    actAs(ws, '김민준'); // a member: corrections are the secretariat's
    expect(refusal(correct({ 피해금액: '800000' })).code).toBe('forbidden');
    stopActing(ws);
    expect(refusal(correct({ 피해금액: '800000' })).code).toBe('forbidden');

    expect(getClaim(ws.db, FIXED_TIER_CLAIM)).toEqual(before);
    expect(listClaimVersions(ws.db, FIXED_TIER_CLAIM)).toEqual([]);
  });

  it('keeps council review after an admitted appeal, whatever a later correction says of the amount', () => {
    ws = councilWorkspace();
    recordClaimVersion(ws.db, {
      claimId: FIXED_TIER_CLAIM,
      tierBasis: 'appeal',
      reason: '이의신청 #1 인용',
      by: SECRETARY,
      at: '2022-12-01T00:00:00.000Z',
    });
    expect(getClaim(ws.db, FIXED_TIER_CLAIM)!.tier).toBe('committee_review');
    const result = correctClaim(ws, {
      claimId: FIXED_TIER_CLAIM,
      changes: { claimed_loss: '100,000' },
      reason: '금액 오기',
    });
    expect(result.tier).toEqual({
      from: 'committee_review',
      to: 'committee_review',
      ruleVersion: 1,
    });
    expect(listClaimVersions(ws.db, FIXED_TIER_CLAIM).map((v) => v.tierBasis)).toEqual([
      'rule',
      'appeal',
      'appeal',
    ]);
  });
});

describe('a decision file signed before the claim was corrected', { timeout: 60_000 }, () => {
  const keyDir = makeTempDir('review-desk-correction-keys-');
  afterAll(keyDir.cleanup);
  const keys: Record<string, Keyed> = makeKeys(keyDir.dir);

  it('still verifies, and the auditor is told which claim changed since, by whom and why', async () => {
    ws = councilWorkspace({ rosterText: rosterOf(keys), keys });
    const meetingId = heldMeeting(ws, 1);
    const { fileText } = exportMeetingDecisions(ws, {
      meetingId,
      signers: [keys[CHAIR]!, keys[SECRETARY]!],
    });
    const file = join(keyDir.dir, 'meeting-1.json');
    writeFileSync(file, fileText);
    const signedHash = getClaim(ws.db, REVIEW_CLAIM)!.contentHash;
    expect((await verifyForAuditor(ws, { file })).warnings).toEqual([]);

    actAs(ws, SECRETARY);
    correctClaim(ws, {
      claimId: REVIEW_CLAIM,
      changes: { 상호: '정정된 상호' },
      reason: '사업자등록증 상호와 다름',
    });
    const report = await verifyForAuditor(ws, { file });
    expect(report.valid).toBe(true);
    expect(report.problems).toEqual([]);
    const warning = report.warnings.find((w) => w.code === 'claim_corrected_after_signing')!;
    expect(warning.claimId).toBe(REVIEW_CLAIM);
    expect(warning.message).toContain(`its version 1 (${signedHash.slice(0, 12)})`);
    expect(warning.message).toContain(`by ${SECRETARY}: 사업자등록증 상호와 다름`);
    expect(warning.ko).toContain('정정되었습니다');
  });
});

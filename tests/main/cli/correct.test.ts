import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getClaim } from '../../../src/main/db/repositories/claims';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { keyHolders } from './key-holders';
import { cli } from '../../helpers/run-cli';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';
import { decisionRecords, signedFile } from '../decision-file/council';

/*
 * `review-desk correct` and what an auditor sees afterwards: the claim's new version, its tier
 * classified again, and a decision file signed over the old content that still verifies while
 * `verify --db` names the correction.
 */
const { dir, cleanup } = makeTempDir('review-desk-cli-correct-');
afterAll(cleanup);
const { council, as } = keyHolders(dir);
const SECRETARY = as('박서연');
const BRACKET_CLAIM = 'K-2022-000105'; // small business, 300,000원: tier_30k
const REVIEW_CLAIM = 'K-2022-000101';

const db = join(dir, 'ws', 'review-desk.db');
const ctx = openTestWorkspace(join(dir, 'ws'));
importRoster(ctx, council.rosterText);
loadSampleClaims(ctx);
const signedHash = getClaim(ctx.db, REVIEW_CLAIM)!.contentHash;
ctx.db.close();

describe('review-desk correct', { timeout: 120_000 }, () => {
  it('makes a new version, re-tiers it and says so; refuses without a key or with a bad value', () => {
    const keyless = cli(
      'correct',
      '--claim',
      BRACKET_CLAIM,
      '--set',
      '피해금액=800000',
      '--reason',
      '장부',
      '--db',
      db,
    );
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toContain('Correcting a claim needs the key of a secretary or chair');

    const bad = cli(
      'correct',
      '--claim',
      BRACKET_CLAIM,
      '--set',
      '피해금액=많이',
      '--reason',
      '장부',
      ...SECRETARY,
      '--db',
      db,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/K-2022-000105: 피해금액 \(claimed_loss\): .*nothing was changed/);

    const run = cli(
      'correct',
      '--claim',
      BRACKET_CLAIM,
      '--set',
      '피해금액=800,000원',
      '--reason',
      '매출 장부 제출',
      ...SECRETARY,
      '--db',
      db,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${BRACKET_CLAIM}: 판 version 1 → 2 (claimed_loss)`);
    expect(run.stdout).toContain(
      '구분 변경 tier 3만원 지원 tier_30k → 위원회 심사 committee_review (규칙 rule v1)',
    );
  });

  it('a file signed over the old content still verifies; verify --db names the correction', () => {
    const record = { ...decisionRecords(1)[0]!, claimContentHash: signedHash };
    const file = join(dir, 'meeting-1.json');
    writeFileSync(file, signedFile(council, [record]));
    const roster = join(dir, 'roster.json');
    writeFileSync(roster, council.rosterText);

    const before = cli('verify', file, '--trusted-roster', roster, '--db', db, '--json');
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout).warnings).toEqual([]);

    const corrected = cli(
      'correct',
      '--claim',
      REVIEW_CLAIM,
      '--set',
      '상호=정정된 상호',
      '--reason',
      '사업자등록증과 다름',
      ...SECRETARY,
      '--db',
      db,
    );
    expect(corrected.code, corrected.stderr).toBe(0);

    const after = cli('verify', file, '--trusted-roster', roster, '--db', db);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain(`${REVIEW_CLAIM} 신청은 이 파일 서명 뒤에 정정되었습니다`);
    expect(after.stdout).toContain('by 박서연: 사업자등록증과 다름');
  });
});

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { listSampledClaims } from '../../../src/main/db/repositories/samples';
import { verifyAuditLog } from '../../../src/main/services/audit-log/verify-acts';
import { importRoster } from '../../../src/main/services/roster';
import { businessRegNoCheckDigit } from '../../../src/shared/domain/business-reg-no';
import type { SampleSummary } from '../../../src/shared/domain/sampling';
import { KO_HEADERS } from '../../helpers/batch-files';
import { keyHolders } from './key-holders';
import { cli } from '../../helpers/run-cli';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * Issue 16's post-payment sampling, through the CLI a secretary runs: 100,000 claims, mostly
 * bracket payouts; a sample drawn twice with one seed is the same sample, and is what anyone
 * redraws from the documented method; the council's checks give error rates whose Wilson
 * intervals and projected overpayments match this test's own arithmetic; refusals write
 * nothing; the audit log still verifies.
 */

const temp = makeTempDir('review-desk-cli-sample-');
afterAll(temp.cleanup);
const { council, as } = keyHolders(temp.dir);
const SECRETARY = as('박서연');
const CHAIR = as('이도윤');
const MEMBER = as('김민준');
const wsDir = join(temp.dir, 'ws');
const db = join(wsDir, 'review-desk.db');

/** 100,000 small-business claims: 60% up to 300,000 won, 30% up to 500,000, 10% above. */
const CLAIMS = 100_000;
const idOf = (n: number) => `S-2022-${String(n).padStart(6, '0')}`;
const tierOf = (n: number) =>
  n % 10 < 6 ? 'tier_30k' : n % 10 < 9 ? 'tier_50k' : 'committee_review';
const LOSS = { tier_30k: '200000', tier_50k: '400000', committee_review: '1200000' };

function writeBatch(): string {
  const lines = [KO_HEADERS.join(',')];
  for (let n = 1; n <= CLAIMS; n++) {
    const first9 = String(200_000_000 + n);
    const digits = `${first9}${businessRegNoCheckDigit(first9)}`;
    lines.push(
      [
        idOf(n),
        `2022-10-${16 + (n % 10)} 09:${String(n % 60).padStart(2, '0')}`,
        '소상공인',
        '카카오',
        '카카오톡',
        'N',
        '무료서비스금전',
        `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`,
        `상호 ${n}`,
        '음식점업',
        LOSS[tierOf(n)],
        `신청 ${n}`,
        '',
        '',
      ].join(','),
    );
  }
  const file = join(temp.dir, 'batch.csv');
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

const BY_TIER = { tier_30k: [] as string[], tier_50k: [] as string[] };
for (let n = 1; n <= CLAIMS; n++) {
  const tier = tierOf(n);
  if (tier !== 'committee_review') BY_TIER[tier].push(idOf(n));
}

// This test's own arithmetic, written from the definitions.
const Z95 = 1.959963984540054;
function expectedSize(N: number): number {
  const n0 = (Z95 ** 2 * 0.5 * 0.5) / 0.03 ** 2;
  return Math.min(N, Math.ceil(n0 / (1 + (n0 - 1) / N)));
}
function expectedDraw(seed: string, ids: string[], size: number): string[] {
  const key = (id: string) => createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex');
  return ids
    .map((id) => [key(id), id] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(0, size)
    .map(([, id]) => id);
}
/** The roots of (p̂ − p)² = z²p(1−p)/n by the quadratic formula: Wilson's bounds. */
function scoreInterval(x: number, n: number, z: number) {
  const a = n + z * z;
  const b = 2 * x + z * z;
  const c = (x * x) / n;
  const root = Math.sqrt(b * b - 4 * a * c);
  return { low: (b - root) / (2 * a), high: (b + root) / (2 * a) };
}

function run(...args: string[]) {
  const result = cli('sample', ...args, '--db', db);
  return result;
}
function ok(...args: string[]): string {
  const result = run(...args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}
function inWorkspace<T>(read: (ctx: ReturnType<typeof openTestWorkspace>) => T): T {
  const ctx = openTestWorkspace(wsDir);
  try {
    return read(ctx);
  } finally {
    ctx.db.close();
  }
}
const drawnIds = (sampleId: number, tier: string) =>
  inWorkspace((ctx) =>
    listSampledClaims(ctx.db, sampleId)
      .filter((c) => c.tier === tier)
      .map((c) => c.claimId),
  );
const written = () =>
  inWorkspace((ctx) =>
    ['samples', 'sample_claims', 'sample_checks', 'audit_log'].map((table) =>
      ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(),
    ),
  );

beforeAll(() => {
  const ctx = openTestWorkspace(wsDir);
  importRoster(ctx, council.rosterText);
  ctx.db.close();
  const imported = cli('import', writeBatch(), '--db', db, '--json');
  expect(imported.code, imported.stderr).toBe(0);
  expect(JSON.parse(imported.stdout)).toMatchObject({ imported: CLAIMS });
}, 120_000);

describe(
  'review-desk sample: a reproducible check of the bracket payouts',
  { timeout: 120_000 },
  () => {
    let first: SampleSummary;

    it('draws the same sample from the same seed, the documented one, sized by the formula', () => {
      first = JSON.parse(ok('draw', '--seed', 'council-2022-11', '--json', ...SECRETARY));
      expect(first.sample).toMatchObject({
        id: 1,
        seed: 'council-2022-11',
        confidence: 0.95,
        margin: 0.03,
        method: 'sha256-rank-v1',
        batchId: null,
        drawnBy: '박서연',
      });
      expect(first.strata.map((s) => [s.tier, s.population, s.size, s.bracketAmount])).toEqual([
        ['tier_30k', 60_000, expectedSize(60_000), 30_000],
        ['tier_50k', 30_000, expectedSize(30_000), 50_000],
      ]);
      // The chair stands in for the secretary; same seed, same claims.
      expect(ok('draw', '--seed', 'council-2022-11', ...CHAIR)).toContain(
        '표본 #2을 추출했습니다 / drew sample #2',
      );
      const other = JSON.parse(
        ok('draw', '--seed', 'another seed', '--json', ...SECRETARY),
      ) as SampleSummary;
      expect(other.sample.id).toBe(3);

      for (const tier of ['tier_30k', 'tier_50k'] as const) {
        const size = expectedSize(BY_TIER[tier].length);
        const redrawn = expectedDraw('council-2022-11', BY_TIER[tier], size);
        expect(drawnIds(1, tier)).toEqual(redrawn);
        expect(drawnIds(2, tier)).toEqual(redrawn);
        const third = drawnIds(3, tier);
        expect(third).toEqual(expectedDraw('another seed', BY_TIER[tier], size));
        expect(third).not.toEqual(redrawn);
      }
    });

    it('refuses a draw or check that breaks a rule, and writes nothing for it', () => {
      const before = written();
      const noKey = run('draw', '--seed', 'x');
      expect(noKey.code).toBe(1);
      expect(noKey.stderr).toMatch(
        /Drawing a sample needs the key of a secretary or chair: unlock your key first/,
      );
      const member = run('draw', '--seed', 'x', ...MEMBER);
      expect(member.code).toBe(1);
      expect(member.stderr).toMatch(
        /Drawing a sample is for a secretary or chair; 김민준 is the member/,
      );
      const outsider = BY_TIER.tier_30k.find((id) => !drawnIds(1, 'tier_30k').includes(id))!;
      const notDrawn = run('check', '--sample', '1', '--claim', outsider, '--confirmed', ...MEMBER);
      expect(notDrawn.code).toBe(1);
      expect(notDrawn.stderr).toContain(`claim ${outsider} is not in sample 1`);
      const [claim] = drawnIds(1, 'tier_30k');
      const noReason = run(
        'check',
        '--sample',
        '1',
        '--claim',
        claim!,
        '--not-confirmed',
        ...MEMBER,
      );
      expect(noReason.code).toBe(1);
      expect(noReason.stderr).toMatch(/not confirmed needs at least one reason code/);
      expect(written()).toEqual(before);
    });

    it('gives error rates with Wilson intervals and projected overpayment from the checks', () => {
      const [a, b, c] = drawnIds(1, 'tier_30k');
      const [d] = drawnIds(1, 'tier_50k');
      ok(
        'check',
        '--sample',
        '1',
        '--claim',
        a!,
        '--not-confirmed',
        '--reason-code',
        'insufficient_proof',
        ...MEMBER,
      );
      ok(
        'check',
        '--sample',
        '1',
        '--claim',
        b!,
        '--not-confirmed',
        '--reason-code',
        'duplicate_claim',
        '--reason-code',
        'other',
        '--note',
        '같은 사업자 두 번 신청',
        ...MEMBER,
      );
      ok('check', '--sample', '1', '--claim', c!, '--confirmed', ...SECRETARY);
      ok('check', '--sample', '1', '--claim', d!, '--confirmed', ...MEMBER);
      // A later check of the same claim supersedes the earlier one; both stay.
      expect(
        ok(
          'check',
          '--sample',
          '1',
          '--claim',
          d!,
          '--not-confirmed',
          '--reason-code',
          'outside_outage_window',
          ...CHAIR,
        ),
      ).toContain('확인 안 됨 Not confirmed');

      const status = JSON.parse(ok('status', '--sample', '1', '--json')) as SampleSummary;
      const expected = {
        tier_30k: { x: 2, n: 3, N: 60_000, bracket: 30_000 },
        tier_50k: { x: 1, n: 1, N: 30_000, bracket: 50_000 },
      };
      for (const stratum of status.strata) {
        const { x, n, N, bracket } = expected[stratum.tier];
        const reference = scoreInterval(x, n, Z95);
        expect(stratum).toMatchObject({ checked: n, notConfirmed: x });
        expect(stratum.errorRate).toBe(x / n);
        expect(stratum.interval!.low).toBeCloseTo(reference.low, 12);
        expect(stratum.interval!.high).toBeCloseTo(reference.high, 12);
        expect(stratum.projected).toEqual({
          point: Math.round((x / n) * N * bracket),
          low: Math.round(stratum.interval!.low * N * bracket),
          high: Math.round(stratum.interval!.high * N * bracket),
        });
      }
      expect(status.totals).toMatchObject({ population: 90_000, checked: 4, notConfirmed: 3 });
      expect(status.totals.projected!.point).toBe((2 / 3) * 60_000 * 30_000 + 30_000 * 50_000);
      // The default is the latest sample, whose claims nobody checked yet.
      expect(JSON.parse(ok('status', '--json')).sample.id).toBe(3);

      const text = ok('status', '--sample', '1');
      expect(text).toContain('오류율 error rate 66.7% (95% 신뢰구간 Wilson interval');
      expect(text).toContain('추정 과지급 projected overpayment 1,200,000,000원');

      const out = join(temp.dir, 'sample-1.csv');
      expect(ok('list', '--sample', '1', '--out', out)).toContain(
        `wrote ${status.totals.size} sampled claims`,
      );
      const rows = readFileSync(out, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(rows).toHaveLength(1 + status.totals.size);
      expect(rows[1]).toBe(`1,tier_30k,1,${a},확인 안 됨,insufficient_proof,김민준`);
    });

    it('leaves a signed audit chain that verifies, with every draw and check in it', () => {
      inWorkspace((ctx) => {
        expect(verifyAuditLog(ctx.db)).toMatchObject({ ok: true, actProblems: [] });
        const entries = listAudit(ctx.db, { limit: 10_000 });
        const drawn = entries.filter((e) => e.action === 'sample.drawn');
        expect(drawn.map((e) => e.actor).sort()).toEqual(['박서연', '박서연', '이도윤']);
        expect(drawn.every((e) => e.signature !== null)).toBe(true);
        expect(entries.filter((e) => e.action === 'sample.checked')).toHaveLength(5);
        // Both checks of the superseded claim are still there.
        expect(ctx.db.prepare('SELECT count(*) FROM sample_checks').pluck().get()).toBe(5);
      });
    });
  },
);

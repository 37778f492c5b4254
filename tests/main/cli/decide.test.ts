import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { openWorkspace } from '../../../src/main/services/open-workspace';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir } from '../../helpers/temp-workspace';
import { cli } from '../../helpers/run-cli';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** A workspace holding the sample claims, closed again so the CLI process can open it. */
function sampleWorkspace(): string {
  const { dir, cleanup } = makeTempDir('review-desk-cli-decide-');
  cleanups.push(cleanup);
  const ctx = openWorkspace(dir, { actor: 'setup' });
  loadSampleClaims(ctx);
  ctx.db.close();
  return join(dir, 'review-desk.db');
}

function readBack(db: string) {
  const ctx = openWorkspace(join(db, '..'), { actor: 'reader' });
  try {
    return {
      decisions: ctx.db
        .prepare(
          'SELECT claim_id AS claimId, outcome, amount, replaces_id AS replacesId FROM decisions ORDER BY id',
        )
        .all(),
      actions: listAudit(ctx.db, {})
        .map((e) => e.action)
        .reverse(),
      chain: verifyAuditChain(ctx.db),
    };
  } finally {
    ctx.db.close();
  }
}

describe('review-desk decide', { timeout: 60_000 }, () => {
  it('records, then amends, through the shared rules, each with its entry in the audit chain', () => {
    const db = sampleWorkspace();
    const first = cli(
      'decide',
      '--claim',
      'K-2022-000101',
      '--outcome',
      'partial',
      '--amount',
      '120만원',
      '--reason',
      'insufficient_proof',
      '--db',
      db,
      '--json',
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ outcome: 'partial', amount: 1_200_000 });

    const amendWithoutReason = cli(
      'decide',
      '--claim',
      'K-2022-000101',
      '--outcome',
      'approve',
      '--amount',
      '1,850,000',
      '--db',
      db,
    );
    expect(amendWithoutReason.code).toBe(1);
    expect(amendWithoutReason.stderr).toMatch(/^review-desk: amendmentReason: .+ \/ .+\n$/);

    const amended = cli(
      'decide',
      '--claim',
      'K-2022-000101',
      '--outcome',
      'approve',
      '--amount',
      '1,850,000',
      '--amend-reason',
      '원본 장부 확인',
      '--db',
      db,
    );
    expect(amended.code).toBe(0);

    const { decisions, actions, chain } = readBack(db);
    expect(decisions).toEqual([
      { claimId: 'K-2022-000101', outcome: 'partial', amount: 1_200_000, replacesId: null },
      { claimId: 'K-2022-000101', outcome: 'approve', amount: 1_850_000, replacesId: 1 },
    ]);
    expect(actions.slice(-2)).toEqual(['decision.recorded', 'decision.amended']);
    expect(chain.ok).toBe(true);
  });

  it('refuses bad arguments and rule breaks with one line, writing nothing', () => {
    const db = sampleWorkspace();
    const cases: [string[], RegExp][] = [
      [['--claim', 'K-2022-000101'], /needs --claim <id> and --outcome/],
      [['--claim', 'K-2022-000101', '--outcome', 'maybe'], /--outcome must be one of/],
      [
        ['--claim', 'K-2022-000101', '--outcome', 'reject', '--reason', 'bored'],
        /--reason must be one of/,
      ],
      [
        ['--claim', 'K-2022-000101', '--outcome', 'approve', '--amount', '많이'],
        /not an amount of won/,
      ],
      [['--claim', 'K-2022-000101', '--outcome', 'reject'], /reasonCodes: /],
      [['--claim', 'K-2022-000105', '--outcome', 'approve', '--amount', '30000'], /review/i],
      [['--claim', 'K-0000-000000', '--outcome', 'defer'], /K-0000-000000/],
    ];
    for (const [args, message] of cases) {
      const run = cli('decide', ...args, '--db', db);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readBack(db).decisions).toEqual([]);
  });
});

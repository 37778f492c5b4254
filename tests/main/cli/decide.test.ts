import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir } from '../../helpers/temp-workspace';
import { keyHolders } from './key-holders';
import { cli } from '../../helpers/run-cli';
import { openTestWorkspace } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

// Real key files (the CLI unlocks them with --as), made once for the file.
const keyDir = makeTempDir('review-desk-cli-decide-keys-');
afterAll(keyDir.cleanup);
const { council, as } = keyHolders(keyDir.dir);
const MEMBER = as('김민준');

/**
 * A workspace holding the sample claims and the council's roster (loading either needs no
 * key), closed again so the CLI process can open it.
 */
function sampleWorkspace(): string {
  const { dir, cleanup } = makeTempDir('review-desk-cli-decide-');
  cleanups.push(cleanup);
  const ctx = openTestWorkspace(dir, {});
  loadSampleClaims(ctx);
  importRoster(ctx, council.rosterText);
  ctx.db.close();
  return join(dir, 'review-desk.db');
}

function readBack(db: string) {
  const ctx = openTestWorkspace(join(db, '..'), {});
  try {
    return {
      decisions: ctx.db
        .prepare(
          'SELECT claim_id AS claimId, outcome, amount, replaces_id AS replacesId FROM decisions ORDER BY id',
        )
        .all(),
      acts: listAudit(ctx.db, {})
        .filter((e) => e.action.startsWith('decision.'))
        .map((e) => ({ action: e.action, actor: e.actor, signed: e.signature !== null }))
        .reverse(),
      chain: verifyAuditChain(ctx.db),
    };
  } finally {
    ctx.db.close();
  }
}

describe('review-desk decide', { timeout: 120_000 }, () => {
  it('records, then amends, through the shared rules, each with its entry in the audit chain', () => {
    const db = sampleWorkspace();
    const first = cli(
      'decide',
      ...MEMBER,
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
      ...MEMBER,
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
      ...MEMBER,
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

    const { decisions, acts, chain } = readBack(db);
    expect(decisions).toEqual([
      { claimId: 'K-2022-000101', outcome: 'partial', amount: 1_200_000, replacesId: null },
      { claimId: 'K-2022-000101', outcome: 'approve', amount: 1_850_000, replacesId: 1 },
    ]);
    // Recorded under the roster's name of the key that was unlocked, and signed with it.
    expect(acts).toEqual([
      { action: 'decision.recorded', actor: '김민준', signed: true },
      { action: 'decision.amended', actor: '김민준', signed: true },
    ]);
    expect(chain.ok).toBe(true);
  });

  it("refuses a decision without a member's key, or with the key of someone else, naming the role", () => {
    const db = sampleWorkspace();
    const decide = ['decide', '--claim', 'K-2022-000101', '--outcome', 'defer', '--db', db];
    const nobody = cli(...decide);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(
      /^review-desk: decision\.recorded needs the key of a member or chair on the roster; nobody has unlocked their key/,
    );
    const secretary = cli(...decide, ...as('박서연'));
    expect(secretary.code).toBe(1);
    expect(secretary.stderr).toMatch(/member or chair .*박서연 is the secretary/);
    const wrongPassphrase = join(keyDir.dir, 'wrong.txt');
    writeFileSync(wrongPassphrase, 'not the passphrase\n');
    const locked = cli(
      ...decide,
      '--as',
      council.people['김민준']!.keyFile,
      '--passphrase-file',
      wrongPassphrase,
    );
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/passphrase/i);
    expect(readBack(db).decisions).toEqual([]);
    expect(readBack(db).acts).toEqual([]);
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
      const run = cli('decide', ...args, '--db', db, ...MEMBER);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readBack(db).decisions).toEqual([]);
  });
});

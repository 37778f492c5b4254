import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_FIELDS } from '../../../src/shared/domain/batch-format';
import { TIERS } from '../../../src/shared/domain/tier';
import { GOOD_ROWS, writeCsv } from '../../helpers/batch-files';
import { makeTempDir } from '../../helpers/temp-workspace';
import { cli, cliWith } from '../../helpers/run-cli';
import { openTestWorkspace } from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Runs the installed entry point, as `npx review-desk ...` would. */

/** A temp folder with an encrypted workspace already made (the tests' passphrase opens it). */
function setup() {
  const { dir, cleanup } = makeTempDir('review-desk-cli-');
  cleanups.push(cleanup);
  openTestWorkspace(join(dir, 'workspace')).db.close();
  return { dir, db: join(dir, 'workspace', 'review-desk.db') };
}

describe('review-desk and the encrypted workspace', { timeout: 30_000 }, () => {
  it('makes an encrypted workspace on a new --db and prints its recovery code once, on stderr', () => {
    const { dir, cleanup } = makeTempDir('review-desk-cli-new-');
    cleanups.push(cleanup);
    const db = join(dir, 'new', 'review-desk.db');
    const made = cli('stats', '--db', db, '--json');
    expect(made.code).toBe(0);
    const code = /[0-9A-Z]{4}(-[0-9A-Z]{4}){5}/.exec(made.stderr)?.[0];
    expect(code).toBeDefined();
    expect(JSON.parse(made.stdout).claims).toBe(0);
    // Once: the next command opens it and says nothing of the code.
    const again = cli('stats', '--db', db, '--json');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    // The recovery code alone opens a backup of it.
    const backup = join(dir, 'b.rdbackup');
    expect(cli('backup', '--out', backup, '--db', db).code).toBe(0);
    const codeFile = join(dir, 'code.txt');
    writeFileSync(codeFile, `${code}\n`);
    const restored = cliWith(
      { REVIEW_DESK_PASSPHRASE_FILE: undefined },
      'restore',
      backup,
      '--to',
      join(dir, 'moved'),
      '--recovery-code-file',
      codeFile,
      '--json',
    );
    expect(restored.stderr).toBe('');
    expect(JSON.parse(restored.stdout).counts.claims).toBe(0);
    // Told in words, each check on its line.
    const told = cliWith(
      { REVIEW_DESK_PASSPHRASE_FILE: undefined },
      'restore',
      backup,
      '--to',
      join(dir, 'moved-again'),
      '--recovery-code-file',
      codeFile,
    );
    expect(told.code).toBe(0);
    expect(told.stdout).toMatch(/- the backup file is whole .*its \d+ entries tile it/);
    expect(told.stdout).toContain('- PRAGMA integrity_check: ok');
    expect(told.stdout).toMatch(/- the audit chain verifies \(\d+ entries\)/);
  });

  it('without a passphrase (no file, no variable, no terminal) refuses with what to give', () => {
    const { db } = setup();
    const run = cliWith({ REVIEW_DESK_PASSPHRASE_FILE: undefined }, 'stats', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--passphrase-file <f>, set REVIEW_DESK_PASSPHRASE_FILE/);
  });

  it('a wrong passphrase file is refused and the workspace still opens with the right one', () => {
    const { dir, db } = setup();
    const wrong = join(dir, 'wrong.txt');
    writeFileSync(wrong, 'not the passphrase\n');
    const run = cli('stats', '--db', db, '--passphrase-file', wrong);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/this passphrase does not open the workspace/);
    expect(cli('stats', '--db', db).code).toBe(0);
  });
});

describe('review-desk import', { timeout: 30_000 }, () => {
  it('prints one JSON object for a landed batch and exits 0, quarantined rows included', () => {
    const { dir, db } = setup();
    const bad = [...GOOD_ROWS[0]!];
    bad[0] = 'K-2022-300001';
    bad[10] = '백만원쯤';
    const file = writeCsv(dir, 'batch.csv', [...GOOD_ROWS, bad], 'cp949');
    const run = cli('import', file, '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'batchId',
        'rows',
        'imported',
        'quarantined',
        'duplicates',
        'tiers',
        'evidence',
        'quarantine',
      ]),
    );
    expect(report).toMatchObject({
      batchId: 1,
      rows: 7,
      imported: 6,
      quarantined: 1,
      duplicates: 0,
    });
    expect(Object.keys(report.tiers).sort()).toEqual([...TIERS].sort());
    expect(report.evidence).toEqual({ stored: 0, rejected: 0, missing: 2 });
    expect(report.quarantine).toEqual([
      {
        row: 8,
        claimId: 'K-2022-300001',
        reasons: [
          expect.objectContaining({ field: 'claimed_loss', code: 'claimed_loss.not_money' }),
        ],
      },
    ]);
  });

  it('refuses with exit 1 and one line on stderr: already imported, unreadable, bad mapping file', () => {
    const { dir, db } = setup();
    const file = writeCsv(dir, 'batch.csv', GOOD_ROWS, 'utf-8');
    expect(cli('import', file, '--db', db, '--json').code).toBe(0);
    const again = cli('import', file, '--db', db, '--json');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already imported into batch 1/);
    const missing = cli('import', join(dir, 'nope.csv'), '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^review-desk: .*cannot be read/);
    const mapping = cli('import', file, '--db', db, '--mapping', join(dir, 'nope.json'));
    expect(mapping.code).toBe(1);
    expect(mapping.stderr).toMatch(/mapping file .* is not readable JSON/);
  });

  it('imports a file with unknown headers through a saved mapping file', () => {
    const { dir, db } = setup();
    const headers = [
      'No',
      'Date',
      'Who',
      'Group',
      'Svc',
      'Paid?',
      'Kind',
      'BRN',
      'Shop',
      'Sector',
      'Loss',
      'Story',
      'Phone',
      'Files',
    ];
    const file = writeCsv(dir, 'odd.csv', GOOD_ROWS, 'utf-8', headers);
    const refused = cli('import', file, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/needs a column mapping: no column for 접수번호/);
    const mappingFile = join(dir, 'mapping.json');
    writeFileSync(
      mappingFile,
      JSON.stringify(Object.fromEntries(headers.map((h, i) => [h, BATCH_FIELDS[i]]))),
    );
    const run = cli('import', file, '--db', db, '--mapping', mappingFile, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).imported).toBe(6);
  });
});

describe('review-desk stats and quarantine', { timeout: 30_000 }, () => {
  it('prints counts and shares as JSON, for the workspace or one batch', () => {
    const { dir, db } = setup();
    cli('import', writeCsv(dir, 'a.csv', GOOD_ROWS, 'utf-8'), '--db', db);
    const run = cli('stats', '--db', db, '--json');
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats).toMatchObject({
      claims: 6,
      byAffiliate: { kakao: 5, other: 1 },
      byClaimantType: { individual: 2, small_business: 4, enterprise: 0 },
      byDamageType: { paid: 2, free_monetary: 3, non_monetary: 1 },
      reviewQueue: { count: 1, totalClaimed: 1_850_000 },
    });
    expect(stats.shares.byAffiliate).toEqual({ kakao: 83.3, other: 16.7 });
    expect(cli('stats', '--db', db, '--batch', '1', '--json').code).toBe(0);
    const none = cli('stats', '--db', db, '--batch', '9');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/batch 9 does not exist/);
    expect(cli('stats', '--db', db).stdout).toMatch(/review queue: 1건, 신청 합계 1,850,000원/);
  });

  it('exports quarantined rows to a CSV for fixing', () => {
    const { dir, db } = setup();
    const bad = [...GOOD_ROWS[0]!];
    bad[0] = 'K-2022-300002';
    bad[1] = '어제';
    cli('import', writeCsv(dir, 'a.csv', [bad], 'utf-8'), '--db', db);
    const out = join(dir, 'quarantine.csv');
    const run = cli('quarantine', '--batch', '1', '--out', out, '--db', db);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('K-2022-300002,어제');
  });

  it('says what went wrong with its arguments', () => {
    expect(cli('frobnicate').stderr).toMatch(/unknown command "frobnicate"/);
    expect(cli('import').stderr).toMatch(/import needs the batch file/);
    expect(cli('stats', '--batch', 'x', '--db', join(setup().dir, 'never.db')).stderr).toMatch(
      /--batch must be a positive whole number/,
    );
    expect(cli('help').stdout).toMatch(/review-desk <command>/);
  });
});

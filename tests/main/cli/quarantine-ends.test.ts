import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { listBatches } from '../../../src/main/db/repositories/batches';
import { importRoster } from '../../../src/main/services/roster';
import { GOOD_ROWS, writeCsv } from '../../helpers/batch-files';
import { keyHolders } from './key-holders';
import { cli } from '../../helpers/run-cli';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * Issue 16's quarantine round trip through the CLI a person runs: export, fix, import back,
 * export again, discard what will never be a claim — and the batch's open count reaches zero
 * instead of growing each round.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const keyDir = makeTempDir('review-desk-cli-quarantine-keys-');
afterAll(keyDir.cleanup);
const { council, passphraseFile } = keyHolders(keyDir.dir);
const MEMBER = ['--as', council.people['김민준']!.keyFile, '--passphrase-file', passphraseFile];

/** Three bad rows as the issue found them: no claim id, an in-file duplicate, a bad date. */
function workspaceWithBadRows() {
  const { dir, cleanup } = makeTempDir('review-desk-cli-quarantine-');
  cleanups.push(cleanup);
  const ctx = openTestWorkspace(join(dir, 'ws'));
  importRoster(ctx, council.rosterText);
  ctx.db.close();
  const noId = GOOD_ROWS[2]!.map((value, i) => (i === 0 ? '' : value));
  const badDate = GOOD_ROWS[3]!.map((value, i) => (i === 1 ? '10월 20일쯤' : value));
  const file = writeCsv(
    dir,
    'batch.csv',
    [GOOD_ROWS[0]!, GOOD_ROWS[1]!, noId, GOOD_ROWS[1]!, badDate],
    'utf-8-bom',
  );
  return { dir, db: join(dir, 'ws', 'review-desk.db'), file };
}

function table(file: string): string[][] {
  return Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
}

function openCount(db: string): number {
  const json = cli('quarantine', 'list', '--batch', '1', '--json', '--db', db);
  expect(json.code, json.stderr).toBe(0);
  return (JSON.parse(json.stdout) as { open: number }).open;
}

describe('review-desk quarantine: every row reaches an end', { timeout: 120_000 }, () => {
  it('empties after one fix and one discard; never repeats its columns; refuses a bad discard', () => {
    const { dir, db, file } = workspaceWithBadRows();
    expect(cli('import', file, '--db', db).code).toBe(0);
    const fix = join(dir, 'fix.csv');
    expect(cli('quarantine', '--batch', '1', '--out', fix, '--db', db).code).toBe(0);
    const exported = table(fix);
    expect(exported[0]!.slice(0, 4)).toEqual(['보류번호', '행번호', '보류사유', '접수번호']);
    expect(exported).toHaveLength(1 + 3);

    // Fix two rows as a person would in Excel: an id for the row without one, a real date.
    const fixedRows = exported.map((row, i) => {
      if (i === 0) return row;
      if (row[3] === '') return row.map((cell, c) => (c === 3 ? 'K-2022-100777' : cell));
      if (row[4] === '10월 20일쯤')
        return row.map((cell, c) => (c === 4 ? '2022-10-20 10:00' : cell));
      return row;
    });
    const fixed = join(dir, 'fixed.csv');
    writeFileSync(fixed, `\uFEFF${Papa.unparse(fixedRows)}`);
    const back = cli('import', fixed, '--into-batch', '1', '--db', db, '--json');
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ imported: 2, duplicates: 1 });
    expect(openCount(db)).toBe(1);

    // The next round: one row, the same columns once each; imported back unchanged it stays one.
    const fix2 = join(dir, 'fix2.csv');
    expect(cli('quarantine', '--batch', '1', '--out', fix2, '--db', db).code).toBe(0);
    const second = table(fix2);
    expect(second).toHaveLength(2);
    expect(second[0]).toEqual(exported[0]);
    expect(second[1]![1]).toBe(exported.find((row) => row[3] === GOOD_ROWS[1]![0])![1]);
    expect(cli('import', fix2, '--into-batch', '1', '--db', db).code).toBe(0);
    expect(openCount(db)).toBe(1);
    const fix3 = join(dir, 'fix3.csv');
    expect(cli('quarantine', '--batch', '1', '--out', fix3, '--db', db).code).toBe(0);
    const third = table(fix3);
    expect(third).toHaveLength(2);
    const entry = third[1]![0]!;

    // Discarding needs a person's key and a reason, and names a row that is still open.
    const unnamed = cli(
      'quarantine',
      'discard',
      '--batch',
      '1',
      '--entry',
      entry,
      '--reason',
      'x',
      '--db',
      db,
    );
    expect(unnamed.code).not.toBe(0);
    expect(unnamed.stderr).toMatch(/unlock your key/);
    const noReason = cli(
      'quarantine',
      'discard',
      '--batch',
      '1',
      '--entry',
      entry,
      '--db',
      db,
      ...MEMBER,
    );
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toMatch(/say why/);
    const ended = cli(
      'quarantine',
      'discard',
      '--batch',
      '1',
      '--entry',
      second[1]![0]!,
      '--reason',
      'x',
      '--db',
      db,
      ...MEMBER,
    );
    expect(ended.code).not.toBe(0);
    expect(ended.stderr).toMatch(/already superseded/);
    const reason = '같은 신청의 두 번째 줄 / the same claim entered twice';
    const discarded = cli(
      'quarantine',
      'discard',
      '--batch',
      '1',
      '--entry',
      entry,
      '--reason',
      reason,
      '--db',
      db,
      ...MEMBER,
    );
    expect(discarded.code, discarded.stderr).toBe(0);

    expect(openCount(db)).toBe(0);
    const fix4 = join(dir, 'fix4.csv');
    expect(cli('quarantine', '--batch', '1', '--out', fix4, '--db', db).stdout).toMatch(/0건/);
    const listed = cli('quarantine', 'list', '--batch', '1', '--db', db).stdout;
    expect(listed).toMatch(new RegExp(`#${entry} .*폐기됨 discarded: ${reason} \\(김민준\\)`));
    expect(listed).toMatch(/등록됨 resolved → K-2022-100777/);

    const ctx = openTestWorkspace(join(dir, 'ws'));
    try {
      expect(listBatches(ctx.db)[0]!.quarantined).toBe(0);
      const audit = listAudit(ctx.db).find((e) => e.action === 'quarantine.discarded')!;
      expect(audit.actor).toBe('김민준');
      expect(audit.details).toMatchObject({ entryId: Number(entry), reason });
      expect(verifyAuditChain(ctx.db).ok).toBe(true);
      // Nothing in quarantine was edited or removed: every round is still there.
      expect(ctx.db.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(3 + 1 + 1);
      expect(() => ctx.db.prepare('DELETE FROM quarantine_discards').run()).toThrow(/append-only/);
    } finally {
      ctx.db.close();
    }
  });
});

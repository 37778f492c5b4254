import iconv from 'iconv-lite';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import { runLedger } from '../../../src/main/cli/ledger';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { writeCsv } from '../../helpers/batch-files';
import { makeTempDir } from '../../helpers/temp-workspace';
import { bracketRow, ledgerWorkspace } from './support';
import { cli } from '../../helpers/run-cli';
import { openTestWorkspace } from '../../helpers/workspace-key';

/** Runs the installed entry point, as `npx review-desk ...` would. */

let ws: ReturnType<typeof ledgerWorkspace>;
let out: ReturnType<typeof makeTempDir>;
let db: string;
let emojiBatch: number;

beforeAll(async () => {
  ws = ledgerWorkspace();
  out = makeTempDir('review-desk-ledger-cli-');
  const rows = [bracketRow('K-2022-400001', '을지로 국밥집🍜', 0)];
  emojiBatch = (await importBatch(ws, { file: writeCsv(out.dir, 'emoji.csv', rows, 'utf-8') }))
    .batchId;
  db = join(ws.dataDir, DATABASE_FILE_NAME);
});
afterAll(() => {
  ws?.cleanup();
  out?.cleanup();
});

describe('review-desk ledger', { timeout: 120_000 }, () => {
  it('writes the XLSX ledger and prints counts and totals per basis', () => {
    const file = join(out.dir, 'ledger.xlsx');
    const run = cli('ledger', '--format', 'xlsx', '--batch', '1', '--out', file, '--db', db);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(run.stdout).toBe(
      [
        `지급 명세 6건 저장 / wrote 6 payouts: ${file}`,
        '  구간 30,000        1건           30,000원',
        '  구간 50,000        2건          100,000원',
        '  위원회 결정        3건        2,020,000원',
        '  합계 total         6건        2,150,000원',
        '  위원회 대기 2건 (지급 안 함) / 2 committee claims awaiting the council (not paid)',
        "  회의 밖에서 기록된 위원 의견 2건: 지급하지 않음 (XLSX 「회의 밖 기록」 시트) / 2 claims whose latest record is a member's view outside a meeting: not paid",
        '',
      ].join('\n'),
    );
    // A ledger needs no key: without --as it is recorded as the unidentified operator, unsigned.
    const [entry] = listAudit(ws.db, {}).filter((e) => e.action === 'ledger.exported');
    expect(entry).toMatchObject({ actor: UNIDENTIFIED_OPERATOR, actorKid: null, signature: null });

    // Never over an existing file, whatever its content.
    const again = cli('ledger', '--format', 'xlsx', '--out', file, '--db', db);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `review-desk: ${file} exists; the ledger is never written over a file\n`,
    );
  });

  it('writes CSV in CP949 that decodes to Hangul', () => {
    const file = join(out.dir, 'ledger-cp949.csv');
    const run = cli(
      'ledger',
      '--format',
      'csv',
      '--encoding',
      'cp949',
      '--batch',
      '1',
      '--out',
      file,
      '--db',
      db,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = iconv.decode(readFileSync(file), 'cp949');
    expect(text.split('\r\n')[0]).toBe(
      '번호,접수번호,상호,사업자등록번호,신청인구분,등급,피해금액,지급액,기지급액,추가 지급액,지급 근거,묶음,결정 번호,회의,결정일',
    );
    expect(text).toContain('K-2022-000102,성수 꽃집 한송이,105-87-23459,소상공인');
  });

  it('names a bad argument and exits 1, writing nothing', () => {
    const file = join(out.dir, 'refused.csv');
    const run = cli('ledger', '--format', 'pdf', '--out', file, '--db', db);
    expect(run.stderr).toBe('review-desk: --format must be one of xlsx, csv, not "pdf"\n');
    expect(run.code).toBe(1);
    writeFileSync(file, 'kept');
    expect(cli('ledger', '--format', 'csv', '--out', file, '--db', db).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('kept');
  });

  it('refuses CP949 for a name it cannot hold, naming claim and column', () => {
    const file = join(out.dir, 'emoji-cp949.csv');
    const batch = String(emojiBatch);
    const run = cli(
      'ledger',
      '--format',
      'csv',
      '--encoding',
      'cp949',
      '--batch',
      batch,
      '--out',
      file,
      '--db',
      db,
    );
    expect(run.stderr).toBe(
      'review-desk: CP949 cannot hold claim K-2022-400001, 상호 "을지로 국밥집🍜": "🍜" (U+1F35C) has no CP949 code; export as UTF-8 or XLSX instead\n',
    );
    expect(run.code).toBe(1);
    expect(existsSync(file)).toBe(false);
  });
});

/** The same refusals in-process (no child process per case): each names what was wrong. */
describe('runLedger arguments', () => {
  const openAt = () => openTestWorkspace(ws.dataDir, {});
  it.each([
    [
      ['--format', 'csv', '--encoding', 'euc-kr'],
      '--encoding must be one of utf8, cp949, not "euc-kr"',
    ],
    [
      ['--format', 'xlsx', '--encoding', 'cp949'],
      '--encoding applies to --format csv only; XLSX is always Unicode',
    ],
    [['--format', 'csv', '--batch', 'one'], '--batch must be a positive whole number, not "one"'],
    [['--format', 'csv', '--batch', '0'], '--batch must be a positive whole number, not "0"'],
    [['--format', 'csv', '--batch', '99'], 'batch 99 does not exist'],
    [['--format', 'csv', '--out', ''], 'ledger needs --format xlsx|csv and --out <file>'],
    [['--format', ''], 'ledger needs --format xlsx|csv and --out <file>'],
  ])('%j', async (args, message) => {
    const file = join(out.dir, 'in-process.csv');
    // Every case has the out file unless it tests a missing one (given empty).
    const withOut = args.includes('--out') ? args : [...args, '--out', file];
    await expect(runLedger(openAt, withOut)).rejects.toThrow(
      expect.objectContaining({ name: 'ServiceError', message }),
    );
    expect(existsSync(file)).toBe(false);
  });
});

import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../src/main/services/errors';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { buildLedger, exportLedger, LEDGER_HEADERS } from '../../../src/main/services/ledger';
import { writeCsv } from '../../helpers/batch-files';
import { FORMULA_PAYLOADS } from '../../helpers/formula-payloads';
import { makeTempDir } from '../../helpers/temp-workspace';
import { bracketRow, importHostileBatch, ledgerWorkspace } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setUp() {
  const ws = ledgerWorkspace();
  cleanups.push(ws.cleanup);
  const { dir, cleanup } = makeTempDir('review-desk-ledger-csv-');
  cleanups.push(cleanup);
  return { ws, dir };
}

/** The sample ledger as Korean Excel must show it, header and first lines, CRLF. */
const EXPECTED_START = [
  '번호,접수번호,상호,사업자등록번호,신청인구분,등급,피해금액,지급액,기지급액,추가 지급액,지급 근거,묶음,결정 번호,회의,결정일',
  '1,K-2022-000101,을지로 국밥집,214-86-12341,소상공인,위원회 심사,1850000,620000,0,620000,위원회 결정,1 · 표본 신청 12건 (Sample claims),1,1,2022-11-20',
  '2,K-2022-000102,성수 꽃집 한송이,105-87-23459,소상공인,위원회 심사,720000,400000,0,400000,위원회 결정,1 · 표본 신청 12건 (Sample claims),2,1,2022-11-20',
  '3,K-2022-000105,대구 수제빵 공방,617-02-56780,소상공인,3만원 지원,300000,30000,0,30000,"구간 30,000",1 · 표본 신청 12건 (Sample claims),,,',
].join('\r\n');

describe('the ledger as CSV', () => {
  it('is UTF-8 with a BOM by default, CRLF lines, Korean headers, amounts as plain numbers', async () => {
    const { ws, dir } = setUp();
    const out = join(dir, 'ledger.csv');
    const { summary } = await exportLedger(ws, { format: 'csv', out });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith(`${EXPECTED_START}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + summary.count);
    expect(lines[0]!.split(',')).toEqual([...LEDGER_HEADERS]);
  });

  it('in CP949 decodes, as CP949, to the same Hangul text', async () => {
    const { ws, dir } = setUp();
    const utf8 = join(dir, 'utf8.csv');
    const cp949 = join(dir, 'cp949.csv');
    await exportLedger(ws, { format: 'csv', out: utf8 });
    await exportLedger(ws, { format: 'csv', encoding: 'cp949', out: cp949 });
    const bytes = readFileSync(cp949);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    // Not UTF-8: a UTF-8 decoder sees broken sequences where the Hangul is.
    expect(bytes.toString('utf8')).toContain('\uFFFD');
    const decoded = iconv.decode(bytes, 'cp949');
    expect(decoded.startsWith(`${EXPECTED_START}\r\n`)).toBe(true);
    expect(decoded).toBe(readFileSync(utf8, 'utf8').replace(/^\uFEFF/, ''));
    // The syllables are CP949's two-byte codes: 번 is B9 F8, 호 is C8 A3.
    expect([...bytes.subarray(0, 4)]).toEqual([0xb9, 0xf8, 0xc8, 0xa3]);
  });

  it('writes every formula payload of the intake tests as inert text', async () => {
    const { ws, dir } = setUp();
    const { batchId } = await importHostileBatch(ws, dir);
    for (const encoding of ['utf8', 'cp949'] as const) {
      const out = join(dir, `hostile-${encoding}.csv`);
      await exportLedger(ws, { format: 'csv', encoding, batchId, out });
      const text = iconv.decode(readFileSync(out), encoding === 'utf8' ? 'utf8' : 'cp949');
      const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      });
      const stored = buildLedger(ws, { batchId }).rows;
      expect(parsed.data).toHaveLength(FORMULA_PAYLOADS.length);
      for (const [i, row] of parsed.data.entries()) {
        // The import may trim a leading tab or space; what it kept is still a live formula.
        expect(row['상호']).toBe(`'${stored[i]!.businessName}`);
        expect(row['지급액']).toMatch(/^(30000|50000)$/);
      }
    }
  });

  it('refuses CP949 for a character it lacks, naming claim and column, and writes nothing', async () => {
    const { ws, dir } = setUp();
    const rows = [
      bracketRow('K-2022-400001', '을지로 국밥집🍜', 0),
      bracketRow('K-2022-400002', '𠮷野家 분식', 1),
    ];
    const { batchId } = await importBatch(ws, { file: writeCsv(dir, 'emoji.csv', rows, 'utf-8') });
    const out = join(dir, 'emoji-cp949.csv');
    let error: unknown;
    try {
      await exportLedger(ws, { format: 'csv', encoding: 'cp949', out });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ServiceError);
    const refusal = error as ServiceError;
    expect(refusal.code).toBe('validation_failed');
    expect(refusal.message).toBe(
      'CP949 cannot hold claim K-2022-400001, 상호 "을지로 국밥집🍜": "🍜" (U+1F35C) has no CP949 code (and 1 more); export as UTF-8 or XLSX instead',
    );
    expect(refusal.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['K-2022-400001.상호', 'not_in_cp949'],
      ['K-2022-400002.상호', 'not_in_cp949'],
    ]);
    expect(refusal.issues[1]!.message).toContain('"𠮷" (U+20BB7)');
    expect(existsSync(out)).toBe(false);
    // The other batch still fits, and UTF-8 keeps the names whole.
    await exportLedger(ws, { format: 'csv', encoding: 'cp949', batchId: 1, out });
    expect(existsSync(out)).toBe(true);
    const utf8 = join(dir, 'emoji-utf8.csv');
    await exportLedger(ws, { format: 'csv', batchId, out: utf8 });
    expect(readFileSync(utf8, 'utf8')).toContain('을지로 국밥집🍜');
  });

  it('never writes over an existing file', async () => {
    const { ws, dir } = setUp();
    const out = join(dir, 'taken.csv');
    writeFileSync(out, 'earlier ledger');
    await expect(exportLedger(ws, { format: 'csv', out })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('a ledger is never written over another file'),
    });
    expect(readFileSync(out, 'utf8')).toBe('earlier ledger');
  });

  it('refuses an encoding for XLSX', async () => {
    const { ws, dir } = setUp();
    const out = join(dir, 'ledger.xlsx');
    await expect(
      exportLedger(ws, { format: 'xlsx', encoding: 'cp949', out }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'encoding', code: 'csv_only' }],
    });
    expect(existsSync(out)).toBe(false);
  });
});

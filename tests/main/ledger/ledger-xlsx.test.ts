import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { excelJs, type Worksheet } from '../../../src/main/lib/exceljs';
import {
  buildLedger,
  COUNT_FORMAT,
  exportLedger,
  KRW_FORMAT,
  LEDGER_HEADERS,
  LEDGER_SHEET,
  SUMMARY_SHEET,
} from '../../../src/main/services/ledger';
import { AWAITING_SHEET, OUTSIDE_VIEWS_SHEET } from '../../../src/main/services/ledger/ledger-xlsx';
import { FORMULA_PAYLOADS } from '../../helpers/formula-payloads';
import { makeTempDir } from '../../helpers/temp-workspace';
import { importHostileBatch, ledgerWorkspace, SAMPLE_LEDGER } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function exported(batch: 'sample' | 'hostile' | 'all' = 'all') {
  const ws = ledgerWorkspace();
  cleanups.push(ws.cleanup);
  const { dir, cleanup } = makeTempDir('review-desk-ledger-xlsx-');
  cleanups.push(cleanup);
  const hostile = await importHostileBatch(ws, dir);
  const batchId = { sample: 1, hostile: hostile.batchId, all: undefined }[batch];
  const out = join(dir, 'ledger.xlsx');
  const { summary } = await exportLedger(ws, { format: 'xlsx', batchId, out });
  const workbook = new (excelJs().Workbook)();
  await workbook.xlsx.readFile(out);
  return { ws, workbook, summary, batchId };
}

const valuesOf = (sheet: Worksheet, row: number) =>
  (sheet.getRow(row).values as unknown[]).slice(1);

describe('the ledger as XLSX', () => {
  it('has the claims under a frozen, filtered Korean header, amounts as won-formatted numbers', async () => {
    const { workbook, summary } = await exported('sample');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      LEDGER_SHEET,
      SUMMARY_SHEET,
      AWAITING_SHEET,
      OUTSIDE_VIEWS_SHEET,
    ]);
    const sheet = workbook.getWorksheet(LEDGER_SHEET)!;
    expect(valuesOf(sheet, 1)).toEqual([...LEDGER_HEADERS]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:O${summary.count + 1}`);

    expect(valuesOf(sheet, 2)).toEqual([
      1,
      'K-2022-000101',
      '을지로 국밥집',
      '214-86-12341',
      '소상공인',
      '위원회 심사',
      1_850_000,
      620_000,
      0, // 기지급액: no bracket was paid before
      620_000, // 추가 지급액
      '위원회 결정',
      '1 · 표본 신청 12건 (Sample claims)',
      1,
      1,
      '2022-11-20',
    ]);
    for (const at of ['G2', 'H2', 'I2', 'J2']) {
      expect(sheet.getCell(at).type, at).toBe(excelJs().ValueType.Number);
      expect(sheet.getCell(at).numFmt, at).toBe(KRW_FORMAT);
    }
    expect(sheet.getCell('N2').numFmt).toBe('"제"0"차"');
    // A bracket row leaves decision, meeting and date empty rather than writing zeros.
    expect(['H4', 'I4', 'J4', 'K4', 'M4', 'N4', 'O4'].map((at) => sheet.getCell(at).value)).toEqual(
      [30_000, 0, 30_000, '구간 30,000', null, null, null],
    );
    const paidColumn = SAMPLE_LEDGER.map((_, i) => sheet.getCell(`H${i + 2}`).value);
    expect(paidColumn).toEqual(SAMPLE_LEDGER.map((row) => row.amount));
  });

  it('ends with subtotals per basis and the total, as values under 추가 지급액', async () => {
    const { workbook, summary } = await exported('sample');
    const sheet = workbook.getWorksheet(LEDGER_SHEET)!;
    const first = summary.count + 3; // header, the rows, one blank row
    expect(sheet.getRow(first - 1).cellCount).toBe(0);
    const block = [0, 1, 2, 3].map((i) => {
      const row = sheet.getRow(first + i);
      return [row.getCell('B').value, row.getCell('C').value, row.getCell('J').value];
    });
    expect(block).toEqual([
      ['소계 구간 30,000', 1, 30_000],
      ['소계 구간 50,000', 2, 100_000],
      ['소계 위원회 결정', 3, 2_020_000],
      ['합계', 6, 2_150_000],
    ]);
    expect(sheet.getRow(first + 3).getCell('J').numFmt).toBe(KRW_FORMAT);
    expect(sheet.getRow(first + 3).getCell('C').numFmt).toBe(COUNT_FORMAT);
  });

  it('says on 요약 what was exported, when and by whom, with the totals', async () => {
    const { ws, workbook, summary } = await exported('all');
    const sheet = workbook.getWorksheet(SUMMARY_SHEET)!;
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => valuesOf(sheet, i + 1));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['작업공간', ws.dataDir],
        ['대상 묶음', '전체 / all batches'],
        ['생성자', '박서연'],
        ['지급 근거', '건수', '지급액'],
        ['구간 30,000', summary.byBasis.tier_30k.count, summary.byBasis.tier_30k.total],
        ['구간 50,000', summary.byBasis.tier_50k.count, summary.byBasis.tier_50k.total],
        ['위원회 결정', summary.byBasis.committee.count, summary.byBasis.committee.total],
        ['합계', summary.count, summary.total],
        ['위원회 대기 (지급 안 함, 「위원회 대기」 시트)', 2],
        ['회의 밖 기록 (위원 의견, 지급 안 함, 「회의 밖 기록」 시트)', 2],
      ]),
    );
    const generated = rows.find((row) => row[0] === '생성 시각')?.[1];
    expect(generated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(KST\)$/);
  });

  it('lists on 위원회 대기 the committee claims the council has not decided, none of them paid', async () => {
    const { workbook } = await exported('sample');
    const sheet = workbook.getWorksheet(AWAITING_SHEET)!;
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => valuesOf(sheet, i + 1));
    expect(rows).toEqual([
      [
        '접수번호',
        '상호',
        '피해금액',
        '묶음',
        '회의',
        '회의 결과',
        '회의 밖 기록 (지급 안 함)',
        '회의 밖 금액',
        '기록한 사람',
        '기지급액',
      ],
      [
        'K-2022-000104',
        '(주)한빛물류',
        4_200_000,
        '1 · 표본 신청 12건 (Sample claims)',
        1,
        '보완 요청',
        '', // no view recorded outside a meeting
        undefined,
        '',
        0, // committee review since import: no bracket paid before
      ],
      [
        'K-2022-000112',
        '부산 어묵 포차',
        650_000,
        '1 · 표본 신청 12건 (Sample claims)',
        1,
        '보류',
        '인정',
        650_000,
        '김민준',
        0,
      ],
    ]);
    const paid = workbook.getWorksheet(LEDGER_SHEET)!.getColumn('B').values;
    for (const claimId of ['K-2022-000104', 'K-2022-000112']) expect(paid).not.toContain(claimId);
  });

  it('writes every formula payload of the intake tests as inert text, and no formula at all', async () => {
    const { ws, workbook, batchId } = await exported('hostile');
    const sheet = workbook.getWorksheet(LEDGER_SHEET)!;
    const stored = buildLedger(ws, { batchId }).rows;
    expect(stored).toHaveLength(FORMULA_PAYLOADS.length);
    stored.forEach((row, i) => {
      const cell = sheet.getCell(`C${i + 2}`);
      expect(cell.type).toBe(excelJs().ValueType.String);
      expect(cell.value).toBe(`'${row.businessName}`);
    });
    for (const any of workbook.worksheets) {
      any.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, cell.address).not.toBe(excelJs().ValueType.Formula);
          expect(cell.formula, cell.address).toBeUndefined();
        }),
      );
    }
  });

  it('sizes columns for Korean text: a Hangul character counts twice', async () => {
    const { workbook } = await exported('sample');
    const sheet = workbook.getWorksheet(LEDGER_SHEET)!;
    // '성수 꽃집 한송이': 7 Hangul and 2 spaces = 16 half-width columns.
    expect(sheet.getColumn('C').width).toBeGreaterThanOrEqual(16);
    // '사업자등록번호': 7 Hangul = 14, wider than its 12-character values.
    expect(sheet.getColumn('D').width).toBeGreaterThanOrEqual(14);
    // '1,850,000원' is 11 columns wide.
    expect(sheet.getColumn('G').width).toBeGreaterThanOrEqual(11);
  });
});

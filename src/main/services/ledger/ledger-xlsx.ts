import { excelJsWorkbookWriter, type Workbook, type Worksheet } from '../../lib/exceljs';
import { formatKrw, formatKrwPlain } from '../../../shared/domain/money';
import { neutraliseFormula } from '../../../shared/domain/spreadsheet-cell';
import { PAYOUT_BASES, PAYOUT_BASIS_LABELS } from '../../../shared/ipc/ledger-schemas';
import type { Ledger } from './ledger-rows';
import { writableOf, type LedgerSink } from './ledger-sink';
import { commitRow, displayWidth, styleRow } from './xlsx-rows';
import {
  koreanDateTime,
  LEDGER_COLUMNS,
  ledgerCells,
  type ColumnKind,
  type LedgerCell,
} from './ledger-table';

/*
 * The ledger as an Excel workbook: sheet "지급 명세" with the claims (header frozen, filter on,
 * amounts as numbers shown as won) and a totals block under them; sheet "요약" says what was
 * exported, when and by whom, with the totals per basis. Totals are written as values, not
 * SUM formulas: the file carries no formula at all, and what it says is what was computed.
 *
 * Written with exceljs's streaming writer: each row goes out as XML into the zip as soon as it is
 * made (committed), so neither a model of the workbook nor the file is ever whole in memory, and
 * the compression runs beside the rows being made. A column's width must be known before the
 * sheet's first row goes out, so the ledger's widths are measured from its cells first.
 */

export const LEDGER_SHEET = '지급 명세';
export const SUMMARY_SHEET = '요약';
export const AWAITING_SHEET = '위원회 대기';
export const OUTSIDE_VIEWS_SHEET = '회의 밖 기록';
export const KRW_FORMAT = '#,##0"원"';
export const COUNT_FORMAT = '#,##0"건"';
const NUMBER_FORMAT = '0';
const MEETING_FORMAT = '"제"0"차"';

const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  number: NUMBER_FORMAT,
  krw: KRW_FORMAT,
  meeting: MEETING_FORMAT,
};

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

function shownText(cell: LedgerCell, kind: ColumnKind): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (kind === 'krw') return formatKrw(cell);
  if (kind === 'meeting') return `제${cell}차`;
  return formatKrwPlain(cell);
}

function fitWidths(sheet: Worksheet, table: LedgerCell[][]): void {
  LEDGER_COLUMNS.forEach((column, c) => {
    let widest = displayWidth(column.header);
    for (const cells of table)
      widest = Math.max(widest, displayWidth(shownText(cells[c]!, column.kind)));
    sheet.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

const column = (header: string) => LEDGER_COLUMNS.findIndex((c) => c.header === header) + 1;

async function addLedgerSheet(workbook: Workbook, ledger: Ledger): Promise<void> {
  const sheet = workbook.addWorksheet(LEDGER_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const table = ledger.rows.map((row, i) => ledgerCells(row, i + 1));
  fitWidths(sheet, table);
  const header = sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for (const cells of table) {
    const row = sheet.addRow(cells);
    styleRow(
      row,
      LEDGER_COLUMNS.map((c, i) => (cells[i] === null ? undefined : FORMATS[c.kind])),
    );
    await commitRow(row);
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, table.length + 1), column: LEDGER_COLUMNS.length },
  };

  // One blank row, then a subtotal per basis and the total: label, count, and what is still to
  // pay under 추가 지급액 (a re-tiered claim's bracket was paid already).
  sheet.addRow([]);
  const labelAt = column('접수번호');
  const countAt = column('상호');
  const amountAt = column('추가 지급액');
  const totals = [
    ...PAYOUT_BASES.map((basis) => ({
      label: `소계 ${PAYOUT_BASIS_LABELS[basis].ko}`,
      ...ledger.summary.byBasis[basis],
    })),
    { label: '합계', count: ledger.summary.count, total: ledger.summary.total },
  ];
  for (const line of totals) {
    const row = sheet.addRow([]);
    row.getCell(labelAt).value = line.label;
    row.getCell(countAt).value = line.count;
    row.getCell(countAt).numFmt = COUNT_FORMAT;
    row.getCell(amountAt).value = line.total;
    row.getCell(amountAt).numFmt = KRW_FORMAT;
    row.font = { bold: true };
  }
  sheet.commit();
}

function addSummarySheet(workbook: Workbook, ledger: Ledger, workspace: string): void {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  const text = (value: string) => neutraliseFormula(value);
  sheet.addRow(['지급 명세 요약 / Payout ledger']).font = { bold: true, size: 14 };
  sheet.addRow(['작업공간', text(workspace)]);
  sheet.addRow([
    '대상 묶음',
    ledger.batch ? text(`${ledger.batch.id} · ${ledger.batch.name}`) : '전체 / all batches',
  ]);
  sheet.addRow(['생성 시각', koreanDateTime(ledger.generatedAt)]);
  sheet.addRow(['생성자', text(ledger.generatedBy)]);
  sheet.addRow([]);
  sheet.addRow(['지급 근거', '건수', '지급액']).font = { bold: true };
  const totalRow = (label: string, count: number, total: number) => {
    const row = sheet.addRow([label, count, total]);
    row.getCell(2).numFmt = COUNT_FORMAT;
    row.getCell(3).numFmt = KRW_FORMAT;
    return row;
  };
  for (const basis of PAYOUT_BASES) {
    const { count, total } = ledger.summary.byBasis[basis];
    totalRow(PAYOUT_BASIS_LABELS[basis].ko, count, total);
  }
  totalRow('합계', ledger.summary.count, ledger.summary.total).font = { bold: true };
  sheet.addRow([]);
  for (const [label, count] of [
    ['위원회 대기 (지급 안 함, 「위원회 대기」 시트)', ledger.summary.awaitingCouncil],
    ['회의 밖 기록 (위원 의견, 지급 안 함, 「회의 밖 기록」 시트)', ledger.summary.outsideMeeting],
  ] as const)
    sheet.addRow([label, count]).getCell(2).numFmt = COUNT_FORMAT;
  // Its few rows wait in the sheet until it is committed, so widths set last still come first.
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = Math.min(MAX_WIDTH, Math.max(16, displayWidth(workspace) + 2));
  sheet.getColumn(3).width = 18;
  sheet.commit();
}

/** Each column's number format on the two sheets below, as their rows are laid out. */
const KRW = KRW_FORMAT;
const MEETING = MEETING_FORMAT;
const _ = undefined;
const AWAITING_FORMATS = [_, _, KRW, _, MEETING, _, _, KRW, _, KRW];
const OUTSIDE_VIEWS_FORMATS = [_, _, _, KRW, _, _, MEETING, KRW];

const AWAITING_OUTCOME: Record<string, string> = {
  approve: '인정',
  partial: '일부 인정',
  reject: '불인정',
  request_evidence: '보완 요청',
  defer: '보류',
};

/** Who recorded a view outside a meeting; a name on no roster is an unknown person, said so. */
function recordedBy(name: string | null, onRoster: boolean | null): string | null {
  if (name === null) return null;
  return onRoster ? name : `알 수 없음 (기록된 이름: ${name})`;
}

/**
 * The committee claims the ledger does not pay because the council has not decided them, with
 * what a meeting said (deferred, more evidence) and any view recorded outside a meeting, so
 * nobody mistakes a member's view for a payout.
 */
async function addAwaitingSheet(workbook: Workbook, ledger: Ledger): Promise<void> {
  const sheet = workbook.addWorksheet(AWAITING_SHEET);
  const text = (value: string | null) => (value === null ? '' : neutraliseFormula(value));
  [16, 24, 14, 24, 8, 12, 22, 14, 14, 12].forEach(
    (width, i) => (sheet.getColumn(i + 1).width = width),
  );
  sheet.addRow([
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
  ]).font = { bold: true };
  for (const row of ledger.awaiting) {
    const added = sheet.addRow([
      row.claimId,
      text(row.businessName),
      row.claimedLoss,
      text(`${row.batchId} · ${row.batchName}`),
      row.meetingNumber,
      row.councilOutcome === null ? '미결정' : AWAITING_OUTCOME[row.councilOutcome],
      row.outsideOutcome === null
        ? ''
        : (AWAITING_OUTCOME[row.outsideOutcome] ?? row.outsideOutcome),
      row.outsideAmount,
      text(recordedBy(row.outsideBy, row.outsideByOnRoster)),
      row.alreadyPaid,
    ]);
    styleRow(added, AWAITING_FORMATS);
    await commitRow(added);
  }
  sheet.commit();
}

/**
 * Every committee claim whose latest record is a member's view outside a meeting: what the view
 * said, who recorded it (an unknown person when the name is on no roster), and what the ledger
 * pays instead. Before issue 14 the ledger paid these views; this sheet is what changed.
 */
async function addOutsideViewsSheet(workbook: Workbook, ledger: Ledger): Promise<void> {
  const sheet = workbook.addWorksheet(OUTSIDE_VIEWS_SHEET);
  const text = (value: string | null) => (value === null ? '' : neutraliseFormula(value));
  [16, 24, 14, 18, 24, 12, 8, 14].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.addRow([
    '접수번호',
    '상호',
    '회의 밖 기록',
    '기록 금액 (지급 안 함)',
    '기록한 사람',
    '위원회 결정',
    '회의',
    '지급액',
  ]).font = { bold: true };
  for (const row of ledger.outsideViews) {
    const paid =
      row.councilOutcome === 'approve' || row.councilOutcome === 'partial' ? row.councilAmount : 0;
    const added = sheet.addRow([
      row.claimId,
      text(row.businessName),
      AWAITING_OUTCOME[row.viewOutcome] ?? row.viewOutcome,
      row.viewAmount,
      text(recordedBy(row.recordedBy, row.recordedByOnRoster)),
      row.councilOutcome === null
        ? '미결정'
        : (AWAITING_OUTCOME[row.councilOutcome] ?? row.councilOutcome),
      row.meetingNumber,
      paid,
    ]);
    styleRow(added, OUTSIDE_VIEWS_FORMATS);
    await commitRow(added);
  }
  sheet.commit();
}

/** zlib's default: ~0.07 s more than level 1 for a 15k-row ledger, and 30% smaller. */
export const ZIP_LEVEL = 6;

/** The workbook into `sink`; `workspace` names where the ledger came from on the summary sheet. */
export async function writeLedgerXlsx(
  ledger: Ledger,
  workspace: string,
  sink: LedgerSink,
): Promise<void> {
  const workbook = new (excelJsWorkbookWriter())({
    stream: writableOf(sink),
    useStyles: true,
    useSharedStrings: true,
    // archiver's own default is level 1: a third bigger than the file the ledger always was.
    zip: { zlib: { level: ZIP_LEVEL } },
  });
  // Read when the workbook is committed; the streaming writer would otherwise name "ExcelJS".
  workbook.creator = ledger.generatedBy;
  workbook.lastModifiedBy = ledger.generatedBy;
  workbook.created = ledger.generatedAt;
  workbook.modified = ledger.generatedAt;
  await addLedgerSheet(workbook, ledger);
  addSummarySheet(workbook, ledger, workspace);
  await addAwaitingSheet(workbook, ledger);
  await addOutsideViewsSheet(workbook, ledger);
  await workbook.commit();
}

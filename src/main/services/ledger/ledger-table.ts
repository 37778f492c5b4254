import { CLAIMANT_TYPE_LABELS } from '../../../shared/domain/claim';
import { neutraliseFormula } from '../../../shared/domain/spreadsheet-cell';
import { TIER_LABELS } from '../../../shared/domain/tier';
import { PAYOUT_BASIS_LABELS } from '../../../shared/ipc/ledger-schemas';
import type { LedgerRow } from './ledger-rows';

/**
 * The ledger's columns, shared by the XLSX and CSV writers so both files say the same thing.
 * Every text cell leaves here through neutraliseFormula: business names and batch file names
 * come from intake files, and a spreadsheet must never run them.
 */

/** How a cell is written: text, a plain count or id, an amount of won, a meeting number. */
export type ColumnKind = 'text' | 'number' | 'krw' | 'meeting';
export type LedgerCell = string | number | null;

export interface LedgerColumn {
  header: string;
  kind: ColumnKind;
  value: (row: LedgerRow, position: number) => LedgerCell;
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: '번호', kind: 'number', value: (_, position) => position },
  { header: '접수번호', kind: 'text', value: (row) => row.claimId },
  { header: '상호', kind: 'text', value: (row) => row.businessName },
  { header: '사업자등록번호', kind: 'text', value: (row) => row.businessRegNo },
  { header: '신청인구분', kind: 'text', value: (row) => CLAIMANT_TYPE_LABELS[row.claimantType].ko },
  { header: '등급', kind: 'text', value: (row) => TIER_LABELS[row.tier].ko },
  { header: '피해금액', kind: 'krw', value: (row) => row.claimedLoss },
  { header: '지급액', kind: 'krw', value: (row) => row.amount },
  // A claim paid by bracket and re-tiered since: what it was paid then, and what is left to pay.
  { header: '기지급액', kind: 'krw', value: (row) => row.alreadyPaid },
  { header: '추가 지급액', kind: 'krw', value: (row) => row.payable },
  { header: '지급 근거', kind: 'text', value: (row) => PAYOUT_BASIS_LABELS[row.basis].ko },
  { header: '묶음', kind: 'text', value: (row) => `${row.batchId} · ${row.batchName}` },
  { header: '결정 번호', kind: 'number', value: (row) => row.decisionId },
  { header: '회의', kind: 'meeting', value: (row) => row.meetingNumber },
  { header: '결정일', kind: 'text', value: (row) => row.decidedOn },
];

export const LEDGER_HEADERS: readonly string[] = LEDGER_COLUMNS.map((column) => column.header);

/** One row's cells in column order, text made inert; position counts from 1. */
export function ledgerCells(row: LedgerRow, position: number): LedgerCell[] {
  return LEDGER_COLUMNS.map((column) => {
    const value = column.value(row, position);
    return typeof value === 'string' ? neutraliseFormula(value) : value;
  });
}

/** "2022-11-20 18:00 (KST)": the generation time as the council reads it. */
export function koreanDateTime(at: Date): string {
  const korean = new Date(at.getTime() + 9 * 60 * 60 * 1000).toISOString();
  return `${korean.slice(0, 10)} ${korean.slice(11, 16)} (KST)`;
}

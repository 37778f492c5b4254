import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { LedgerEncoding } from '../../../shared/ipc/ledger-schemas';
import { ServiceError } from '../errors';
import type { Ledger } from './ledger-rows';
import { LEDGER_COLUMNS, LEDGER_HEADERS, ledgerCells, type LedgerCell } from './ledger-table';

/*
 * The ledger as CSV: the Korean header row, then one line per claim, CRLF line ends as Excel
 * writes them. Amounts are plain digits so a spreadsheet reads numbers; there is no totals
 * line, so the file stays one table that a bank's or an accountant's tool can read as is (the
 * XLSX and the CLI show the totals).
 *
 * UTF-8 gets a BOM, without which Korean Excel reads UTF-8 as CP949 and shows mojibake. CP949
 * has no room for emoji, rare Hanja or most symbols, and iconv-lite would write "?" for them:
 * such a ledger is refused, naming every claim and column that holds one, rather than paying a
 * business whose name silently changed.
 */

const BOM = '\uFEFF';
const PROBLEMS_LISTED = 20;

function fitsCp949(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'cp949'), 'cp949') === text;
}

function firstMisfit(text: string): string {
  for (const char of text) if (!fitsCp949(char)) return char;
  return text;
}

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Refuses, naming claim and column of every text cell with a character CP949 lacks. */
function refuseCp949(ledger: Ledger, table: LedgerCell[][]): never {
  const issues: { path: string; code: string; message: string }[] = [];
  table.forEach((cells, i) => {
    const claimId = ledger.rows[i]!.claimId;
    cells.forEach((cell, c) => {
      if (typeof cell !== 'string' || fitsCp949(cell)) return;
      const header = LEDGER_COLUMNS[c]!.header;
      const char = firstMisfit(cell);
      issues.push({
        path: `${claimId}.${header}`,
        code: 'not_in_cp949',
        message: `claim ${claimId}, ${header} "${cell}": "${char}" (${codePoint(char)}) has no CP949 code`,
      });
    });
  });
  if (issues.length === 0)
    throw new ServiceError('validation_failed', 'the ledger does not fit CP949; export as UTF-8');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new ServiceError(
    'validation_failed',
    `CP949 cannot hold ${issues[0]!.message}${more}; export as UTF-8 or XLSX instead`,
    issues.slice(0, PROBLEMS_LISTED),
  );
}

/** The file's bytes in the chosen encoding. */
export function ledgerCsvBytes(ledger: Ledger, encoding: LedgerEncoding = 'utf8'): Buffer {
  const table = ledger.rows.map((row, i) => ledgerCells(row, i + 1));
  const text = `${Papa.unparse([[...LEDGER_HEADERS], ...table], { newline: '\r\n' })}\r\n`;
  if (encoding === 'utf8') return Buffer.from(`${BOM}${text}`, 'utf8');
  const bytes = iconv.encode(text, 'cp949');
  // The headers always fit, so a file that does not round-trip has a misfit in some cell.
  if (iconv.decode(bytes, 'cp949') !== text) refuseCp949(ledger, table);
  return bytes;
}

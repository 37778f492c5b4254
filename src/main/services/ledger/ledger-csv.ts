import iconv from 'iconv-lite';
import type { LedgerEncoding } from '../../../shared/ipc/ledger-schemas';
import { ServiceError } from '../errors';
import type { Ledger } from './ledger-rows';
import type { LedgerSink } from './ledger-sink';
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
 *
 * Written a chunk of rows at a time, each formatted, encoded and checked on its own, so the
 * file is never a whole string in memory (twice, with its encoding). A chunk ends on a line
 * end, and CP949 codes are whole characters, so the chunks add up to the file in one piece.
 */

const BOM = '\uFEFF';
const PROBLEMS_LISTED = 20;
const CHUNK_ROWS = 1_000;

/**
 * Papa.unparse's quoting, which the ledger was first written with and its files keep: a field
 * with a line break, a quote, a comma or a BOM in it, or a space at either end, is quoted, its
 * quotes doubled. Written out because at 15k rows Papa's general path took a third of the
 * export; a property test holds the two to the same output.
 */
const NEEDS_QUOTES = /[\r\n",\uFEFF]|^ | $/;

function csvField(cell: LedgerCell): string {
  if (cell === null) return '';
  const text = String(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of the file, without its line end. */
export function csvLine(cells: readonly LedgerCell[]): string {
  return cells.map(csvField).join(',');
}

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

/** One chunk's bytes; a chunk CP949 cannot hold refuses the whole ledger. */
function encoded(text: string, encoding: LedgerEncoding, ledger: Ledger): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, 'cp949');
  // The headers always fit, so a chunk that does not round-trip has a misfit in some cell; the
  // refusal names every misfit of the ledger, not just this chunk's.
  if (iconv.decode(bytes, 'cp949') !== text)
    refuseCp949(
      ledger,
      ledger.rows.map((row, i) => ledgerCells(row, i + 1)),
    );
  return bytes;
}

/** The file into `sink`, in the chosen encoding: header, then the rows in chunks. */
export function writeLedgerCsv(ledger: Ledger, encoding: LedgerEncoding, sink: LedgerSink): void {
  const { rows } = ledger;
  for (let start = 0; start === 0 || start < rows.length; start += CHUNK_ROWS) {
    const table = rows
      .slice(start, start + CHUNK_ROWS)
      .map((row, i) => ledgerCells(row, start + i + 1));
    const lines = start === 0 ? [LEDGER_HEADERS, ...table] : table;
    const text = `${lines.map(csvLine).join('\r\n')}\r\n`;
    sink.put(
      encoded(start === 0 && encoding === 'utf8' ? `${BOM}${text}` : text, encoding, ledger),
    );
  }
}

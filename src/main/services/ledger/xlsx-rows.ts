import type { Row } from '../../lib/exceljs';

/*
 * Rows of the ledger's streaming workbook: how wide a text shows, and the shared styles and
 * commits that keep writing 15k rows cheap.
 */

/** Hangul, CJK and full-width forms take two columns of Excel's width unit. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];

/** So does anything beyond the BMP (emoji, rare Hanja). */
function charWidth(code: number): number {
  if (code < 0x1100) return 1;
  if (code > 0xffff) return 2;
  return WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
}

// By character code, not a regular expression per character: every cell of the ledger is
// measured before its first row can be written.
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    width += charWidth(code);
  }
  return width;
}

type CellStyle = ReturnType<Row['getCell']>['style'];

/**
 * One style object per number format, shared by every cell that has it. exceljs finds a cell's
 * style by rendering it to XML, for every cell, unless it has seen that very object before (it
 * keeps them in a WeakMap): shared, a 15k-row ledger's styles are a lookup per cell instead of
 * 200k renderings, which took most of its time. Frozen, since a change to a shared style would
 * reach every cell that has it.
 */
const PLAIN: CellStyle = Object.freeze({});
const SHARED_STYLES = new Map<string, CellStyle>();

function sharedStyle(numFmt: string | undefined): CellStyle {
  if (numFmt === undefined) return PLAIN;
  let style = SHARED_STYLES.get(numFmt);
  if (!style) SHARED_STYLES.set(numFmt, (style = Object.freeze({ numFmt })));
  return style;
}

/** Gives the row and its cells shared styles: number format `formats[i]` in column i + 1. */
export function styleRow(row: Row, formats: readonly (string | undefined)[]): void {
  // A row has a style of its own too (exceljs's types leave it out), looked up the same way.
  (row as Row & { style: CellStyle }).style = PLAIN;
  formats.forEach((numFmt, i) => (row.getCell(i + 1).style = sharedStyle(numFmt)));
}

/** Rows between two turns of the event loop, in which the zip takes what was written. */
const ROWS_PER_TURN = 1_000;

export async function commitRow(row: Row): Promise<void> {
  row.commit();
  if (row.number % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
}

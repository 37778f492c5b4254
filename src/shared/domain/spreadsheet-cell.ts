/**
 * Text that leaves the app in a spreadsheet or CSV file (payout ledger, quarantine rows) came
 * from claimants, and Excel, LibreOffice and Google Sheets run a cell that starts with = + - @
 * (or a tab or carriage return before one) as a formula: "=HYPERLINK(...)" phones home,
 * "=cmd|..." asks to start a program. Every exported text cell goes through neutraliseFormula,
 * which follows OWASP's CSV-injection advice: prefix a single quote so the cell stays text.
 *
 * Beyond OWASP's list:
 * - The full-width forms ＝ ＋ － ＠ (and every other character NFKC folds into a trigger, such
 *   as the small ﹦ ﹢ ﹣ ﹫) count too: Korean and Japanese IMEs type them, and Excel in those
 *   locales turns a typed ＝ into = on entry.
 * - Leading spaces, line feeds and the ideographic space before a trigger count: LibreOffice's
 *   "trim spaces" import option strips them and would then see the formula.
 * - A plain negative number ("-5,000", "-12.5") is left alone: a spreadsheet reads it as a
 *   number, not a formula, and a quote would turn a fixed figure back into different text.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const LEADING_BLANKS = /^[ \n\u3000]*/;
const NEGATIVE_NUMBER = /^-\d[\d,]*(\.\d+)?$/;

function startsLikeFormula(text: string): boolean {
  const first = text.codePointAt(0);
  if (first === undefined) return false;
  // ASCII and Hangul syllables are their own NFKC form, and no syllable is a trigger: most
  // cells are decided here, without normalising (which a 15k-row ledger felt).
  if (first < 0x80) return TRIGGERS.has(text.charAt(0));
  if (first >= 0xac00 && first <= 0xd7a3) return false;
  // NFKC folds the full-width and small forms of the triggers into the ASCII ones.
  const folded = String.fromCodePoint(first).normalize('NFKC').charAt(0);
  return TRIGGERS.has(folded);
}

/** True when a spreadsheet could run this text as a formula. */
export function isFormulaLike(text: string): boolean {
  if (startsLikeFormula(text)) return !NEGATIVE_NUMBER.test(text);
  const blanks = LEADING_BLANKS.exec(text)?.[0].length ?? 0;
  if (blanks === 0) return false;
  const rest = text.slice(blanks);
  return startsLikeFormula(rest) && !NEGATIVE_NUMBER.test(rest);
}

/** The text as a cell that stays text: prefixed with ' when it could run as a formula. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/*
 * A file the app writes and takes back in (the quarantine export, fixed in a spreadsheet and
 * imported into its batch) needs a guard that can be undone exactly. neutraliseFormula cannot
 * be: it leaves "'=1+1" (a person's own quote) as it is, the same text it makes of "=1+1".
 * guardCell also quotes a text that is quotes followed by something formula-like, so each
 * guarded text has one source and unguardCell(guardCell(text)) === text for every text.
 */

/** True when the text, past any leading quotes, could run as a formula. */
function needsReversibleGuard(text: string): boolean {
  let start = 0;
  while (text.charAt(start) === "'") start += 1;
  return isFormulaLike(start === 0 ? text : text.slice(start));
}

/** The cell as written into a file that may come back in: inert, and reversible by unguardCell. */
export function guardCell(text: string): string {
  return needsReversibleGuard(text) ? `'${text}` : text;
}

/**
 * Removes the quote guardCell added, and only that one: the text must start with ' and what
 * follows must be text guardCell would have quoted. Anything else is left exactly as it is.
 */
export function unguardCell(text: string): string {
  return text.charAt(0) === "'" && needsReversibleGuard(text.slice(1)) ? text.slice(1) : text;
}

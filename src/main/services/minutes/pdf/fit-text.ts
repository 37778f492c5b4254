import type { PdfNode } from './pdfmake';

/*
 * Line breaking done before pdfmake sees the text. pdfmake draws every piece of text it is
 * given (every syllable of Korean, which may break anywhere) as its own text object with its
 * own styling, which makes a 500-decision table slow and its PDF big. So each line is packed
 * here from whole words (Korean breaks between words, 어절, as official documents set it) and
 * handed over as one piece that must not wrap.
 *
 * Widths are estimated from the widest advance among the four faces used (Nanum Myeongjo and
 * Nanum Gothic, regular and bold), so an estimate is never narrower than the printed text: a
 * line may end a word early, but never runs past its cell.
 */

/** Advance widths of ASCII 32..126 in em, the widest of the four faces, rounded up. */
const ASCII_EM = [
  0.29, 0.43, 0.43, 0.62, 0.62, 1.1, 0.86, 0.31, 0.37, 0.37, 0.64, 0.66, 0.31, 0.64, 0.31, 0.44,
  0.61, 0.61, 0.61, 0.61, 0.61, 0.61, 0.61, 0.61, 0.61, 0.61, 0.42, 0.42, 0.55, 0.66, 0.55, 0.55,
  0.88, 0.73, 0.62, 0.73, 0.79, 0.62, 0.56, 0.8, 0.85, 0.32, 0.38, 0.73, 0.62, 1.02, 0.85, 0.85,
  0.58, 0.85, 0.73, 0.55, 0.67, 0.73, 0.73, 1.03, 0.79, 0.73, 0.73, 0.37, 0.44, 0.37, 0.66, 0.55,
  0.5, 0.55, 0.61, 0.49, 0.61, 0.55, 0.37, 0.61, 0.61, 0.27, 0.27, 0.57, 0.27, 0.91, 0.61, 0.61,
  0.61, 0.61, 0.39, 0.43, 0.37, 0.61, 0.51, 0.85, 0.57, 0.51, 0.49, 0.37, 0.51, 0.37, 0.72,
];
/** Every Hangul syllable and jamo is 0.94 (Gothic) or 0.95 em (Myeongjo) wide. */
const HANGUL_EM = 0.95;
/** The widest glyph of the four faces outside ASCII (‰). */
const OTHER_EM = 1.22;
const MIDDLE_DOT_EM = 0.3;

function charEm(code: number): number {
  if (code >= 32 && code < 127) return ASCII_EM[code - 32]!;
  if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff)) return HANGUL_EM;
  if (code >= 0x3131 && code <= 0x318e) return HANGUL_EM;
  if (code === 0xb7) return MIDDLE_DOT_EM;
  return OTHER_EM;
}

/** `em` (a text's width) with `text` appended to it, summed character by character. */
function widthAfter(em: number, text: string): number {
  for (let i = 0; i < text.length; i++) em += charEm(text.charCodeAt(i));
  return em;
}

/** A text's estimated width in em; never below its printed width in these fonts. */
export function emWidth(text: string): number {
  return widthAfter(0, text);
}

/**
 * Greedy packing of one paragraph's words into lines at most `limit` em wide. A candidate's
 * width continues the current line's sum, the very additions emWidth(candidate) would make, so
 * a line costs its length once rather than once per word.
 */
function packLine(line: string, limit: number, out: PdfNode[]): void {
  let current = '';
  let currentEm = 0;
  for (const word of line.split(' ').filter((w) => w !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    const candidateEm = current === '' ? emWidth(word) : widthAfter(currentEm, ` ${word}`);
    if (candidateEm <= limit) {
      current = candidate;
      currentEm = candidateEm;
      continue;
    }
    if (current !== '') out.push({ text: current, noWrap: true }, { text: '\n' });
    current = word;
    currentEm = emWidth(word);
    if (currentEm > limit) {
      // A single word wider than the column (a hash, a long name): pdfmake breaks it inside.
      out.push({ text: word }, { text: '\n' });
      current = '';
    }
  }
  if (current !== '') out.push({ text: current, noWrap: true }, { text: '\n' });
}

/** Words separated by single spaces, none at either end, no line break. */
const ONE_LINE_AS_IS = /^[^\n ]+( [^\n ]+)*$/;

/**
 * A text node whose lines fit `width` points at `fontSize`, each line one unbreakable piece;
 * "\n" in the text starts a new line. Spread it into a node that adds the styling.
 */
export function fitted(text: string, width: number, fontSize: number): PdfNode {
  const limit = width / fontSize;
  // Most cells: one line whose words packLine would join back as they are, and it fits.
  if (ONE_LINE_AS_IS.test(text) && emWidth(text) <= limit) return { text, noWrap: true };
  const pieces: PdfNode[] = [];
  for (const line of text.split('\n')) {
    const before = pieces.length;
    packLine(line, limit, pieces);
    if (pieces.length === before) pieces.push({ text: '' }, { text: '\n' });
  }
  pieces.pop(); // the last line's break
  return pieces.length === 1 ? pieces[0]! : { text: pieces };
}

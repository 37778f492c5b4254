/**
 * A deliberately plain CSV reading of a whole text, to check the streaming reader against:
 * RFC 4180 cells, records ending at CR, LF or CRLF, a quote inside an unquoted cell kept as
 * text (as Excel does). Returns null where the streaming reader must refuse: a quote left open
 * at the end of the text, or text after a closing quote.
 */
export interface ReferenceRecord {
  cells: string[];
  /** False for a last record with no line break after it. */
  terminated: boolean;
}

export function referenceCsvRecords(text: string): ReferenceRecord[] | null {
  const records: ReferenceRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let cellStart = true;
  let recordStarted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && cellStart) {
      const close = closingQuote(text, i + 1);
      if (close === null) return null;
      cell = text.slice(i + 1, close).replaceAll('""', '"');
      i = close + 1;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') return null;
      cellStart = false;
      recordStarted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      cellStart = true;
      recordStarted = true;
      i += 1;
    } else if (c === '\r' || c === '\n') {
      cells.push(cell);
      records.push({ cells, terminated: true });
      cells = [];
      cell = '';
      cellStart = true;
      recordStarted = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      cellStart = false;
      recordStarted = true;
      i += 1;
    }
  }
  if (recordStarted || cell !== '') {
    cells.push(cell);
    records.push({ cells, terminated: false });
  }
  return records;
}

/** The index of the quote closing a quoted cell whose text starts at `from`, or null. */
function closingQuote(text: string, from: number): number | null {
  let j = from;
  for (;;) {
    const quote = text.indexOf('"', j);
    if (quote < 0) return null;
    if (text[quote + 1] !== '"') return quote;
    j = quote + 2;
  }
}

import type { BatchRefusalCode } from '../../../../shared/domain/batch-refusals';
import iconv from 'iconv-lite';
import { createReadStream, statSync } from 'node:fs';
import { decideFileEncoding, EncodingRefusal } from './encoding';
import {
  CHUNK_CHARS,
  CHUNK_ROWS,
  rowObject,
  uniqueHeaders,
  UnreadableBatchError,
  type BatchReader,
  type SourceRow,
} from './types';

/** Bounds that keep one bad file from holding the import's memory or time. */
export const CSV_LIMITS = {
  /** Characters in one cell: a stray quote swallowing the rest of a file stops here. */
  cellChars: 1_000_000,
  /** Cells in one record (Excel's own column limit). */
  columns: 16_384,
  /** Characters in one record, all cells together. */
  recordChars: 4_000_000,
};

export interface CsvRecord {
  /** The record's number counting every record from 1 (the row Excel shows for it). */
  row: number;
  /** The line of the file where the record starts (lines end at CR, LF or CRLF). */
  line: number;
  cells: string[];
  /** False for a last record with no line break after it. */
  terminated: boolean;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * An RFC 4180 record splitter fed decoded text in pieces of any size. A record ends at CR, LF
 * or CRLF outside quotes, whichever the file uses and however it mixes them; inside quotes
 * every character is cell text; "" is a quote. Lenient where Excel is: a quote inside an
 * unquoted cell, or text after a closing quote, is kept as text. State carries from piece to
 * piece (a CRLF or a "" may be split between two), so piece boundaries never split a record.
 */
export class CsvSplitter {
  private cells: string[] = [];
  private field = '';
  private recordChars = 0;
  private inQuotes = false;
  /** Inside quotes, a quote ended the last piece: a "" or a closing quote, decided by the next. */
  private quoteAtEnd = false;
  /** A CR ended the last piece: an LF opening the next belongs to it. */
  private crAtEnd = false;
  /** The current field has not had a character yet (a quote here opens a quoted cell). */
  private fieldStart = true;
  /** The current record has had something: a character, a comma or a quote. */
  private recordStarted = false;
  private line = 1;
  private row = 1;
  private recordLine = 1;
  private quoteOpened = { row: 1, line: 1, column: 1 };

  constructor(private readonly file: string) {}

  private refuse(reason: string, code: BatchRefusalCode, row: number, line: number): never {
    throw new UnreadableBatchError(
      this.file,
      `row ${row} (line ${line}): ${reason}`,
      code,
      `row ${row}`,
    );
  }

  private checkCell(length: number) {
    if (length > CSV_LIMITS.cellChars) {
      const column = this.cells.length + 1;
      if (this.inQuotes)
        this.refuse(
          `cell ${column} is longer than ${CSV_LIMITS.cellChars} characters; it is inside a quote opened at row ${this.quoteOpened.row} (line ${this.quoteOpened.line}), column ${this.quoteOpened.column}, that does not close: a stray quote, or a cut file`,
          'csv_unclosed_quote',
          this.quoteOpened.row,
          this.quoteOpened.line,
        );
      this.refuse(
        `cell ${column} is longer than ${CSV_LIMITS.cellChars} characters`,
        'csv_cell_too_long',
        this.row,
        this.recordLine,
      );
    }
  }

  /** Text after a closing quote: the quote that opened the cell was text, not a quote. */
  private strayQuote(): never {
    const { row, line, column } = this.quoteOpened;
    this.refuse(
      `column ${column} opens a quote whose closing quote at line ${this.line} is followed by more text, not by a comma or a line break: a stray quote (a quote inside a cell must be doubled and the cell quoted)`,
      'csv_stray_quote',
      row,
      line,
    );
  }

  private endField(text: string) {
    this.checkCell(text.length);
    this.recordChars += text.length;
    if (this.recordChars > CSV_LIMITS.recordChars)
      this.refuse(
        `the record is longer than ${CSV_LIMITS.recordChars} characters`,
        'csv_record_too_long',
        this.row,
        this.recordLine,
      );
    this.cells.push(text);
    if (this.cells.length > CSV_LIMITS.columns)
      this.refuse(
        `the record has more than ${CSV_LIMITS.columns} cells`,
        'csv_too_many_cells',
        this.row,
        this.recordLine,
      );
    this.field = '';
    this.fieldStart = true;
  }

  private endRecord(out: CsvRecord[], terminated: boolean) {
    out.push({ row: this.row, line: this.recordLine, cells: this.cells, terminated });
    this.cells = [];
    this.recordChars = 0;
    this.recordStarted = false;
    this.row += 1;
  }

  /** Splits a piece of text, appending the records it completes to `out`. */
  feed(text: string, out: CsvRecord[]): void {
    const n = text.length;
    let i = 0;
    if (n === 0) return;
    if (this.crAtEnd) {
      this.crAtEnd = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (text.charCodeAt(i) === QUOTE) {
        this.field += '"';
        i += 1;
      } else {
        this.inQuotes = false;
        this.afterClose = true;
      }
    }
    let seg = i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          if (i + 1 === n) {
            this.field += text.slice(seg, i);
            seg = n;
            this.quoteAtEnd = true;
          } else if (text.charCodeAt(i + 1) === QUOTE) {
            this.field += text.slice(seg, i + 1);
            i += 1;
            seg = i + 1;
          } else {
            this.field += text.slice(seg, i);
            seg = i + 1;
            this.inQuotes = false;
            this.afterClose = true;
          }
        } else if (c === CR) this.line += 1;
        else if (c === LF && (i === 0 ? !this.crBefore : text.charCodeAt(i - 1) !== CR))
          this.line += 1;
        continue;
      }
      if (this.afterClose) {
        if (c !== COMMA && c !== LF && c !== CR) this.strayQuote();
        this.afterClose = false;
      }
      if (c === COMMA) {
        this.recordStarted = true;
        this.endField(this.field + text.slice(seg, i));
        seg = i + 1;
      } else if (c === LF || c === CR) {
        this.endField(this.field + text.slice(seg, i));
        this.endRecord(out, true);
        if (c === CR) {
          if (i + 1 === n) this.crAtEnd = true;
          else if (text.charCodeAt(i + 1) === LF) i += 1;
        }
        this.line += 1;
        this.recordLine = this.line;
        seg = i + 1;
      } else if (c === QUOTE && this.fieldStart) {
        this.recordStarted = true;
        this.fieldStart = false;
        this.inQuotes = true;
        this.quoteOpened = { row: this.row, line: this.line, column: this.cells.length + 1 };
        seg = i + 1;
      } else {
        this.recordStarted = true;
        this.fieldStart = false;
      }
    }
    if (seg < n) this.field += text.slice(seg, n);
    this.crBefore = n > 0 ? text.charCodeAt(n - 1) === CR : this.crBefore;
    this.checkCell(this.field.length);
  }

  /** The last piece: ends a last record with no line break after it, or refuses an open quote. */
  finish(out: CsvRecord[]): void {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) {
      const { row, line, column } = this.quoteOpened;
      this.refuse(
        `column ${column} opens a quote that does not close before the end of the file (${this.line - line + 1} lines on): the file is cut, or the quote is stray`,
        'csv_unclosed_quote',
        row,
        line,
      );
    }
    if (this.recordStarted || this.field !== '') {
      this.endField(this.field);
      this.endRecord(out, false);
    }
  }

  private crBefore = false;
  /** A quoted cell has just closed: only a comma, a line break or the end may follow. */
  private afterClose = false;
}

/** A record with nothing but blanks: skipped, as a blank spreadsheet row is. */
const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Streams a CSV in any of the encodings Korean Excel writes. The encoding is decided on the
 * whole file first (decideFileEncoding); then the bytes are decoded piece by piece and split
 * into records by CsvSplitter, so memory stays bounded by a piece and a record. The first
 * non-blank record is the header; a data row keeps its record number as its row.
 *
 * A file is refused whole, with the place, when:
 * - a quote opens a cell that never closes (at the end of the file, or past CSV_LIMITS);
 * - its last record has no line break after it and fewer cells than the header has up to its
 *   last named column: a file cut mid-row. (A cut inside the last cell of a complete-looking
 *   row cannot be told from a file saved without a final line break; it is read.)
 * - a cell, a record or the number of cells passes CSV_LIMITS;
 * - its bytes are not one encoding (decideFileEncoding), or change while being read.
 */
export async function openCsvReader(file: string): Promise<BatchReader> {
  const totalBytes = statSync(file).size;
  let encoding;
  try {
    encoding = await decideFileEncoding(file);
  } catch (error) {
    if (error instanceof EncodingRefusal)
      throw new UnreadableBatchError(file, error.message, error.issueCode, 'encoding');
    throw error;
  }
  const stream = createReadStream(file, { highWaterMark: 512 * 1024 });
  const pieces = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const cp949 = encoding === 'cp949' ? iconv.getDecoder('cp949') : null;
  // The default TextDecoder drops a leading BOM; fatal, so bytes changed since the encoding was
  // decided stop the read instead of becoming U+FFFD.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const splitter = new CsvSplitter(file);
  let bytesRead = 0;
  let finished = false;
  let queue: CsvRecord[] = [];
  let next = 0;

  const decode = (bytes: Buffer | null): string => {
    try {
      if (cp949) {
        const text = bytes ? cp949.write(bytes) : (cp949.end() ?? '');
        if (text.includes('\uFFFD')) throw new Error('not CP949');
        return text;
      }
      return bytes ? utf8.decode(bytes, { stream: true }) : utf8.decode();
    } catch {
      throw new UnreadableBatchError(
        file,
        `the bytes near byte ${bytesRead} are not ${encoding === 'cp949' ? 'CP949' : 'UTF-8'}, though the file was checked to be: it changed while it was being read`,
        'encoding_changed',
        'encoding',
      );
    }
  };

  /** The next record, or null at the end of the file. */
  async function record(): Promise<CsvRecord | null> {
    while (next === queue.length) {
      if (finished) return null;
      queue = [];
      next = 0;
      const piece = await pieces.next();
      if (piece.done) {
        finished = true;
        splitter.feed(decode(null), queue);
        splitter.finish(queue);
      } else {
        bytesRead += piece.value.length;
        splitter.feed(decode(piece.value), queue);
      }
    }
    return queue[next++]!;
  }

  let header: CsvRecord | null;
  try {
    do header = await record();
    while (header && isBlank(header.cells));
  } catch (error) {
    stream.destroy();
    throw error;
  }
  if (!header) {
    stream.destroy();
    throw new UnreadableBatchError(file, 'the file is empty', 'empty_batch');
  }
  const headers = uniqueHeaders(header.cells);
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1]!.trim() === '') width -= 1;

  async function* chunks(): AsyncGenerator<SourceRow[]> {
    let chunk: SourceRow[] = [];
    let chunkChars = 0;
    for (;;) {
      const next = await record();
      if (!next) break;
      if (isBlank(next.cells)) continue;
      if (!next.terminated && next.cells.length < width)
        throw new UnreadableBatchError(
          file,
          `row ${next.row} (line ${next.line}): the file ends in the middle of this row (${next.cells.length} of ${width} cells, no line break after it): the file looks cut; nothing was imported`,
          'csv_truncated',
          `row ${next.row}`,
        );
      chunk.push({ row: next.row, values: rowObject(headers, next.cells) });
      for (const cell of next.cells) chunkChars += cell.length;
      if (chunk.length === CHUNK_ROWS || chunkChars >= CHUNK_CHARS) {
        yield chunk;
        chunk = [];
        chunkChars = 0;
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  return {
    format: 'csv',
    encoding,
    sheets: [],
    headers,
    chunks,
    bytesRead: () => bytesRead,
    totalBytes,
    close: () => stream.destroy(),
  };
}

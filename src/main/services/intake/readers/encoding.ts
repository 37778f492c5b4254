import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'cp949';

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Korean Excel saves CSV as CP949 unless told otherwise; newer tools write UTF-8, with or
 * without a BOM. A BOM decides at once; otherwise bytes that are valid UTF-8 are UTF-8
 * (CP949 Hangul is almost never valid UTF-8), and anything else is CP949.
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (BOM.every((byte, i) => head[i] === byte)) return 'utf-8-bom';
  // A sample may end inside a multi-byte character: drop up to 3 trailing bytes before judging.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return 'utf-8';
    } catch {
      // try a shorter sample
    }
  }
  return 'cp949';
}

/**
 * Decodes a byte stream to text. CP949 goes through iconv-lite: TextDecoder('euc-kr') maps some
 * of CP949's extended Hangul syllables wrongly without raising an error.
 */
export function decodeStream(bytes: Readable, encoding: TextEncoding): NodeJS.ReadWriteStream {
  if (encoding === 'cp949') return bytes.pipe(iconv.decodeStream('cp949'));
  // iconv-lite strips the BOM, which Node's own utf8 decoding would keep as U+FEFF.
  return bytes.pipe(iconv.decodeStream('utf-8', { stripBOM: true }));
}

export function decodeBuffer(bytes: Buffer, encoding: TextEncoding): string {
  return iconv.decode(bytes, encoding === 'cp949' ? 'cp949' : 'utf-8', { stripBOM: true });
}

/** How many bad byte offsets a refusal lists; the count covers them all. */
const LISTED_OFFSETS = 5;

/**
 * A streaming UTF-8 check that says where it fails: the WHATWG decoder's rules (no overlong
 * forms, no surrogates, nothing past U+10FFFF), one error per maximal invalid subpart.
 */
class Utf8Scan {
  invalid = 0;
  /** Valid characters of two or more bytes: many of them mean the file is UTF-8. */
  multibyte = 0;
  offsets: number[] = [];
  private needed = 0;
  private seen = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private start = 0;

  private bad(offset: number) {
    this.invalid += 1;
    if (this.offsets.length < LISTED_OFFSETS) this.offsets.push(offset);
  }

  feed(bytes: Uint8Array, base: number): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.needed === 0) {
        if (b < 0x80) continue;
        this.start = base + i;
        this.seen = 0;
        if (b >= 0xc2 && b <= 0xdf) this.needed = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          this.needed = 2;
          if (b === 0xe0) this.lower = 0xa0;
          if (b === 0xed) this.upper = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          this.needed = 3;
          if (b === 0xf0) this.lower = 0x90;
          if (b === 0xf4) this.upper = 0x8f;
        } else this.bad(base + i);
        continue;
      }
      if (b < this.lower || b > this.upper) {
        // The sequence so far is one error; this byte starts afresh.
        this.bad(this.start);
        this.needed = 0;
        this.lower = 0x80;
        this.upper = 0xbf;
        i -= 1;
        continue;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.seen += 1;
      if (this.seen === this.needed) {
        this.multibyte += 1;
        this.needed = 0;
      }
    }
  }

  end(): void {
    if (this.needed > 0) this.bad(this.start);
    this.needed = 0;
  }
}

/** CP949 pairs, checked once each against iconv-lite's table: 0 not yet known, 1 maps, 2 does not. */
const cp949Pairs = new Uint8Array(65536);

function cp949PairMaps(lead: number, trail: number): boolean {
  const key = (lead << 8) | trail;
  let known = cp949Pairs[key]!;
  if (known === 0) {
    const text = iconv.decode(Buffer.from([lead, trail]), 'cp949');
    known = text.length === 1 && text !== '\uFFFD' ? 1 : 2;
    cp949Pairs[key] = known;
  }
  return known === 1;
}

/** A streaming check that every byte of a file belongs to a character CP949 maps. */
class Cp949Scan {
  invalid = 0;
  offsets: number[] = [];
  private lead = -1;
  private leadOffset = 0;

  private bad(offset: number) {
    this.invalid += 1;
    if (this.offsets.length < LISTED_OFFSETS) this.offsets.push(offset);
  }

  feed(bytes: Uint8Array, base: number): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.lead >= 0) {
        const lead = this.lead;
        this.lead = -1;
        if (cp949PairMaps(lead, b)) continue;
        this.bad(this.leadOffset);
        if (b < 0x80) continue;
      }
      if (b < 0x80) continue;
      if (b === 0x80 || b === 0xff) {
        this.bad(base + i);
        continue;
      }
      this.lead = b;
      this.leadOffset = base + i;
    }
  }

  end(): void {
    if (this.lead >= 0) this.bad(this.leadOffset);
    this.lead = -1;
  }
}

/** Where a byte offset falls, as a person opening the file in an editor would count lines. */
async function linesAt(file: string, offsets: readonly number[]): Promise<Map<number, number>> {
  const wanted = [...offsets].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  if (wanted.length === 0) return lines;
  let line = 1;
  let position = 0;
  let previous = -1;
  let next = 0;
  const stream = createReadStream(file, { end: wanted[wanted.length - 1], highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++, position++) {
      while (next < wanted.length && wanted[next] === position) lines.set(wanted[next++]!, line);
      const b = chunk[i]!;
      if (b === 0x0a) {
        if (previous !== 0x0d) line += 1;
      } else if (b === 0x0d) line += 1;
      previous = b;
    }
  }
  while (next < wanted.length) lines.set(wanted[next++]!, line);
  return lines;
}

function listOffsets(count: number, offsets: readonly number[], lines: Map<number, number>) {
  const listed = offsets.map((offset) => `${offset} (line ${lines.get(offset) ?? '?'})`).join(', ');
  return `${listed}${count > offsets.length ? ', …' : ''}`;
}

/** Bytes of a UTF-8 stream, less a trailing character that the next piece completes. */
function completeUtf8(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

export class EncodingRefusal extends Error {
  constructor(
    readonly issueCode: 'invalid_utf8' | 'unknown_encoding',
    message: string,
  ) {
    super(message);
    this.name = 'EncodingRefusal';
  }
}

/**
 * Decides a text file's encoding from all of its bytes, streamed (a file is never held whole):
 * - a file that is valid UTF-8 is UTF-8 (`utf-8-bom` if it starts with a BOM);
 * - a file that is not, but whose valid multi-byte UTF-8 characters are at least as many as its
 *   invalid bytes (or that starts with a UTF-8 BOM), is UTF-8 with bad bytes: refused, naming
 *   how many and where; it is never re-read as CP949;
 * - otherwise it is CP949 if every byte belongs to a character CP949 maps;
 * - anything else (a file mixing UTF-8 and CP949 rows, or with bytes neither maps) is refused,
 *   naming the first bad offsets in both readings.
 * CP949 Hangul is rarely valid UTF-8 (about one valid UTF-8 character per eight invalid bytes
 * in Korean text), and UTF-8 Hangul is rarely valid CP949, so the two cannot pass for each other.
 */
export async function decideFileEncoding(file: string): Promise<TextEncoding> {
  let bom = false;
  let valid = true;
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const piece of createReadStream(file, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    if (first) {
      bom = piece.length >= 3 && BOM.every((byte, i) => piece[i] === byte);
      first = false;
    }
    const bytes = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
    const cut = completeUtf8(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) {
      valid = false;
      break;
    }
    carry = Buffer.from(bytes.subarray(cut));
  }
  if (valid && (carry.length === 0 || isUtf8(carry))) return bom ? 'utf-8-bom' : 'utf-8';

  // Not UTF-8 throughout: read it again, counting what each reading makes of it.
  const utf8 = new Utf8Scan();
  const cp949 = new Cp949Scan();
  let offset = 0;
  for await (const piece of createReadStream(file, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    utf8.feed(piece, offset);
    cp949.feed(piece, offset);
    offset += piece.length;
  }
  utf8.end();
  cp949.end();
  const looksUtf8 = bom || utf8.multibyte >= utf8.invalid;
  if (!looksUtf8 && cp949.invalid === 0) return 'cp949';
  const lines = await linesAt(file, [...utf8.offsets, ...cp949.offsets]);
  const utf8Text = `${utf8.invalid} invalid byte${utf8.invalid === 1 ? '' : 's'} at byte offset${utf8.invalid === 1 ? '' : 's'} ${listOffsets(utf8.invalid, utf8.offsets, lines)}`;
  if (looksUtf8)
    throw new EncodingRefusal(
      'invalid_utf8',
      `the file is UTF-8 with ${utf8Text}; it was not read as CP949. Correct those bytes or save the file again as UTF-8`,
    );
  throw new EncodingRefusal(
    'unknown_encoding',
    `the file is neither UTF-8 (${utf8Text}) nor CP949 (${cp949.invalid} byte${cp949.invalid === 1 ? '' : 's'} CP949 does not map, at ${listOffsets(cp949.invalid, cp949.offsets, lines)}); it may mix encodings. Save it again as UTF-8`,
  );
}

/** The whole-buffer form of decideFileEncoding, for files read into memory (JSON batches). */
export function decideBufferEncoding(bytes: Buffer): TextEncoding {
  if (isUtf8(bytes)) return BOM.every((byte, i) => bytes[i] === byte) ? 'utf-8-bom' : 'utf-8';
  const utf8 = new Utf8Scan();
  const cp949 = new Cp949Scan();
  utf8.feed(bytes, 0);
  utf8.end();
  cp949.feed(bytes, 0);
  cp949.end();
  const bom = BOM.every((byte, i) => bytes[i] === byte);
  if (!bom && utf8.multibyte < utf8.invalid && cp949.invalid === 0) return 'cp949';
  const none = new Map<number, number>();
  if (bom || utf8.multibyte >= utf8.invalid)
    throw new EncodingRefusal(
      'invalid_utf8',
      `the file is UTF-8 with ${utf8.invalid} invalid bytes at byte offsets ${listOffsets(utf8.invalid, utf8.offsets, none)}; it was not read as CP949`,
    );
  throw new EncodingRefusal(
    'unknown_encoding',
    `the file is neither UTF-8 (${utf8.invalid} invalid bytes) nor CP949 (${cp949.invalid} bytes CP949 does not map, first at byte offset ${cp949.offsets[0]})`,
  );
}

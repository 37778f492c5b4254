import iconv from 'iconv-lite';
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

import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/main/services/signing/utf8';

const big = (text: string) => Buffer.from(text.repeat(Math.ceil(5000 / text.length)));

describe('decodeUtf8', () => {
  it('gives what toString("utf8") gives, for short and long text', () => {
    for (const text of [
      '',
      'abc',
      '증빙 부족',
      '\ufeff{"a":"위원1"}',
      'emoji 😀 and 𝄞',
      '\u0000\u007f\u0080\u07ff\u0800\uffff',
    ]) {
      for (const bytes of [Buffer.from(text), big(text || 'x')])
        expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
    }
  });

  it('turns bytes that are not UTF-8 into U+FFFD exactly as toString does', () => {
    const bad = [
      Buffer.from([0xff]),
      Buffer.from([0xc0, 0x80]),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xe2, 0x82]),
      Buffer.from([0xf4, 0x90, 0x80, 0x80]),
    ];
    for (const tail of bad) {
      const bytes = Buffer.concat([big('영수증 ok '), tail, Buffer.from('end')]);
      expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
    }
  });
});

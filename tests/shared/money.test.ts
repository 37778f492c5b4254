import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MONEY_ERROR_MESSAGES,
  formatKrw,
  formatKrwPlain,
  isKrw,
  parseKrw,
  type MoneyErrorCode,
} from '../../src/shared/domain/money';

const MAX = Number.MAX_SAFE_INTEGER;

const BIG: Array<[number, string]> = [
  [1e12, '조'],
  [1e8, '억'],
  [1e4, '만'],
];
const SMALL: Array<[number, string]> = [
  [1000, '천'],
  [100, '백'],
  [10, '십'],
];
const HANGUL = ['', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];

/** Writes n the way people type it into a sheet: "1억 2345만 6789원". */
function toManEokSpelling(n: number, spaced: boolean): string {
  if (n === 0) return '0원';
  const parts: string[] = [];
  let rest = n;
  for (const [size, unit] of BIG) {
    const group = Math.floor(rest / size);
    rest %= size;
    if (group > 0) parts.push(`${group}${unit}`);
  }
  if (rest > 0) parts.push(String(rest));
  return `${parts.join(spaced ? ' ' : '')}원`;
}

/** Sino-Korean numerals for 0 < g < 10^4, leading 일 omitted as usually written: 1234 -> 천이백삼십사. */
function hangulGroup(g: number): string {
  let out = '';
  for (const [size, unit] of SMALL) {
    const d = Math.floor(g / size) % 10;
    if (d > 0) out += `${d === 1 ? '' : HANGUL[d]}${unit}`;
  }
  return out + (HANGUL[g % 10] ?? '');
}

/** 312,345 -> "삼십일만 이천삼백사십오원"; only the leading big unit may drop its 1 ("억"). */
function toHangulSpelling(n: number): string {
  if (n === 0) return '0원';
  const parts: string[] = [];
  let rest = n;
  for (const [size, unit] of BIG) {
    const group = Math.floor(rest / size);
    rest %= size;
    if (group > 0) {
      parts.push(`${group === 1 && parts.length === 0 ? '' : hangulGroup(group)}${unit}`);
    }
  }
  if (rest > 0) parts.push(hangulGroup(rest));
  return `${parts.join(' ')}원`;
}

describe('parseKrw accepts spreadsheet spellings', () => {
  it.each<[string, number]>([
    ['1,234,000', 1_234_000],
    ['1234000', 1_234_000],
    ['1,234,000원', 1_234_000],
    ['1,234,000 원', 1_234_000],
    ['123만원', 1_230_000],
    ['123만', 1_230_000],
    ['1억 2천만원', 120_000_000],
    ['1억2천만원', 120_000_000],
    ['1억 2,000만원', 120_000_000],
    ['2천5백만원', 25_000_000],
    ['2천300만원', 23_000_000],
    ['천만원', 10_000_000],
    ['만원', 10_000],
    ['억', 100_000_000],
    ['1조 2345억 6789만 1234원', 1_234_567_891_234],
    ['12,000만원', 120_000_000],
    ['₩500,001', 500_001],
    ['￦500,001', 500_001],
    ['₩ 500,001', 500_001],
    ['\\500,001', 500_001],
    ['KRW 500,001', 500_001],
    ['krw500,001', 500_001],
    ['500,001 KRW', 500_001],
    ['５００，００１', 500_001],
    ['５００，００１원', 500_001],
    ['일억 이천만원', 120_000_000],
    ['삼십만원', 300_000],
    ['오십만 일원', 500_001],
    ['일천만원', 10_000_000],
    ['천백십일원', 1_111],
    ['1.5만원', 15_000],
    ['0.5억', 50_000_000],
    ['1.2345만원', 12_345],
    ['1,234.00', 1_234],
    ['  300,000  ', 300_000],
    ['\u3000300,000\u3000', 300_000],
    ['0', 0],
    ['0원', 0],
    ['-0', 0],
    ['007', 7],
  ])('%j -> %d', (input, value) => {
    expect(parseKrw(input)).toEqual({ ok: true, value });
  });

  it('keeps the tier boundaries exact', () => {
    expect(parseKrw('30만원')).toEqual({ ok: true, value: 300_000 });
    expect(parseKrw('300,001')).toEqual({ ok: true, value: 300_001 });
    expect(parseKrw('50만원')).toEqual({ ok: true, value: 500_000 });
    expect(parseKrw('50만 1원')).toEqual({ ok: true, value: 500_001 });
  });

  it('accepts the largest safe integer and no more', () => {
    expect(parseKrw('9,007,199,254,740,991')).toEqual({ ok: true, value: MAX });
    expect(parseKrw('9007조 1992억 5474만 991원')).toEqual({ ok: true, value: MAX });
    expect(parseKrw('9,007,199,254,740,992')).toMatchObject({ ok: false, code: 'too_large' });
  });
});

describe('parseKrw rejects with a code', () => {
  it.each<[string, MoneyErrorCode]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u3000', 'empty'],
    ['abc', 'not_money'],
    ['12a', 'not_money'],
    ['원', 'not_money'],
    ['₩', 'not_money'],
    ['만만원', 'not_money'],
    ['억만', 'not_money'],
    ['만억', 'not_money'],
    ['1만 1억', 'not_money'],
    ['1억 3억', 'not_money'],
    ['1억 만원', 'not_money'],
    ['1억 12000만', 'not_money'],
    ['1만 12345', 'not_money'],
    ['5백2천', 'not_money'],
    ['천천', 'not_money'],
    ['12천', 'not_money'],
    ['2천3000', 'not_money'],
    ['1 234', 'not_money'],
    ['이삼', 'not_money'],
    ['1.', 'not_money'],
    ['.5', 'not_money'],
    ['1e6', 'not_money'],
    ['--5', 'not_money'],
    ['-△5', 'not_money'],
    ['-5,000', 'negative'],
    ['△5,000', 'negative'],
    ['▲5,000', 'negative'],
    ['\u22125,000', 'negative'],
    ['(5,000)', 'negative'],
    ['-₩5,000', 'negative'],
    ['₩-5,000', 'negative'],
    ['-1만원', 'negative'],
    ['1,234.5', 'fraction'],
    ['0.5원', 'fraction'],
    ['1.23456만', 'fraction'],
    ['9,007,199,254,740,992', 'too_large'],
    ['1경원', 'too_large'],
    ['9008조', 'too_large'],
    ['1,23,000', 'bad_grouping'],
    ['12,34', 'bad_grouping'],
    ['1,2345', 'bad_grouping'],
    ['0,123', 'bad_grouping'],
    ['1,234,', 'bad_grouping'],
  ])('%j -> %s', (input, code) => {
    expect(parseKrw(input)).toEqual({ ok: false, code, input });
  });

  it('echoes the original, un-normalised input', () => {
    expect(parseKrw('１２ａ')).toEqual({ ok: false, code: 'not_money', input: '１２ａ' });
  });

  it('never throws and only yields safe non-negative integers or a known code', () => {
    const codes = Object.keys(MONEY_ERROR_MESSAGES);
    const alphabet = fc.constantFrom(...'0123456789,.-원만억조천백십일이삼₩△ KRW'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet })), (s) => {
        const r = parseKrw(s);
        if (r.ok) expect(isKrw(r.value)).toBe(true);
        else expect(codes).toContain(r.code);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatKrw / formatKrwPlain', () => {
  it.each<[number, string]>([
    [0, '0원'],
    [1, '1원'],
    [999, '999원'],
    [1000, '1,000원'],
    [1_234_000, '1,234,000원'],
    [-1000, '-1,000원'],
    [MAX, '9,007,199,254,740,991원'],
  ])('%d -> %s', (value, text) => {
    expect(formatKrw(value)).toBe(text);
    expect(formatKrwPlain(value)).toBe(text.slice(0, -1));
  });

  it.each([1.5, NaN, Infinity, -Infinity, MAX + 1, -(MAX + 1)])('throws RangeError on %d', (v) => {
    expect(() => formatKrw(v)).toThrow(RangeError);
    expect(() => formatKrwPlain(v)).toThrow(RangeError);
  });

  it('groups exactly like Intl ko-KR', () => {
    const ko = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (n) => {
        expect(formatKrwPlain(n)).toBe(ko.format(n));
      }),
    );
  });
});

describe('isKrw', () => {
  it.each<[unknown, boolean]>([
    [0, true],
    [500_001, true],
    [MAX, true],
    [MAX + 1, false],
    [-1, false],
    [1.5, false],
    [NaN, false],
    ['1000', false],
    [1000n, false],
    [null, false],
  ])('%s -> %s', (value, expected) => {
    expect(isKrw(value)).toBe(expected);
  });
});

describe('round trips', () => {
  const safe = fc.integer({ min: 0, max: MAX });

  it('parseKrw(formatKrw(n)) === n and parseKrw(formatKrwPlain(n)) === n', () => {
    fc.assert(
      fc.property(safe, (n) => {
        expect(parseKrw(formatKrw(n))).toEqual({ ok: true, value: n });
        expect(parseKrw(formatKrwPlain(n))).toEqual({ ok: true, value: n });
      }),
      { numRuns: 1000 },
    );
  });

  it('parses the 만/억 spelling of any n in [0, 10^12]', () => {
    expect(toManEokSpelling(123_456_789, true)).toBe('1억 2345만 6789원');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.boolean(), (n, spaced) => {
        expect(parseKrw(toManEokSpelling(n, spaced))).toEqual({ ok: true, value: n });
      }),
      { numRuns: 1000 },
    );
  });

  it('parses the Sino-Korean spelling of any n in [0, 10^12]', () => {
    expect(toHangulSpelling(120_000_000)).toBe('억 이천만원');
    expect(toHangulSpelling(312_345)).toBe('삼십일만 이천삼백사십오원');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseKrw(toHangulSpelling(n))).toEqual({ ok: true, value: n });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('MONEY_ERROR_MESSAGES', () => {
  it('has a Korean and an English message for every code', () => {
    for (const { ko, en } of Object.values(MONEY_ERROR_MESSAGES)) {
      expect(ko.length).toBeGreaterThan(0);
      expect(en.length).toBeGreaterThan(0);
    }
    expect(MONEY_ERROR_MESSAGES.not_money).toEqual({
      ko: '금액으로 읽을 수 없습니다',
      en: 'not an amount of money',
    });
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  BIZ_REG_NO_ERROR_MESSAGES,
  businessRegNoCheckDigit,
  formatBusinessRegNo,
  maskBusinessRegNo,
  parseBusinessRegNo,
  type BizRegNoErrorCode,
} from '../../src/shared/domain/business-reg-no';

// Worked by hand for Naver, 220-81-62517:
//   digits     2  2  0  8  1  6  2  5  1
//   weights    1  3  7  1  3  7  1  3  5
//   products   2  6  0  8  3 42  2 15  5  -> sum 83
//   + floor(1 * 5 / 10) = 0                -> 83
//   (10 - 83 % 10) % 10 = 7                 = last digit 7
// Kakao, 120-81-47521: products 1 6 0 8 3 28 7 15 10 -> 78, + floor(2 * 5 / 10) = 1 -> 79,
//   (10 - 9) % 10 = 1 = last digit 1 (this one exercises the extra term).
const NAVER = '220-81-62517';
const KAKAO = '120-81-47521';

describe('businessRegNoCheckDigit', () => {
  it('matches the hand-worked published numbers', () => {
    expect(businessRegNoCheckDigit('220816251')).toBe(7);
    expect(businessRegNoCheckDigit('120814752')).toBe(1);
  });

  it.each(['', '12345678', '1234567890', '12345678a', '１２３４５６７８９'])(
    'throws RangeError on %j',
    (bad) => {
      expect(() => businessRegNoCheckDigit(bad)).toThrow(RangeError);
    },
  );
});

describe('parseBusinessRegNo', () => {
  it.each<[string, string]>([
    [NAVER, NAVER],
    ['2208162517', NAVER],
    [KAKAO, KAKAO],
    ['1208147521', KAKAO],
    ['  120-81-47521 ', KAKAO],
    ['\u3000１２０－８１－４７５２１\u3000', KAKAO],
    ['１２０８１４７５２１', KAKAO],
    ['120\u201081\u201047521', KAKAO],
    ['120\u201381\u201347521', KAKAO],
    ['120 81 47521', KAKAO],
  ])('%j -> %s', (input, value) => {
    expect(parseBusinessRegNo(input)).toEqual({ ok: true, value });
  });

  it.each<[string, BizRegNoErrorCode]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12345', 'bad_format'],
    ['12345678901', 'bad_format'],
    ['120-814-7521', 'bad_format'],
    ['120--81-47521', 'bad_format'],
    ['12081475a1', 'bad_format'],
    ['abc-de-fghij', 'bad_format'],
    ['220-81-62510', 'bad_check_digit'],
    ['220-81-62518', 'bad_check_digit'],
    ['120-81-47520', 'bad_check_digit'],
    ['120-81-47522', 'bad_check_digit'],
    ['1208147529', 'bad_check_digit'],
  ])('%j -> %s', (input, code) => {
    expect(parseBusinessRegNo(input)).toEqual({ ok: false, code });
  });

  it('the computed check digit makes a valid number; every other last digit is rejected', () => {
    const nine = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(nine, (first9) => {
        const check = businessRegNoCheckDigit(first9);
        expect(Number.isInteger(check) && check >= 0 && check <= 9).toBe(true);
        const formatted = formatBusinessRegNo(`${first9}${check}`);
        expect(parseBusinessRegNo(`${first9}${check}`)).toEqual({ ok: true, value: formatted });
        expect(parseBusinessRegNo(formatted)).toEqual({ ok: true, value: formatted });
        for (let other = 0; other <= 9; other += 1) {
          if (other === check) continue;
          expect(parseBusinessRegNo(`${first9}${other}`)).toEqual({
            ok: false,
            code: 'bad_check_digit',
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('catches every single-digit typo in the first nine digits of a valid number', () => {
    // Weights 1, 3, 7 are coprime to 10 and the 9th digit's 5d + floor(5d / 10) is a
    // permutation mod 10, so one changed digit always moves the sum.
    for (const valid of ['2208162517', '1208147521']) {
      for (let pos = 0; pos < 9; pos += 1) {
        for (let d = 0; d <= 9; d += 1) {
          if (String(d) === valid[pos]) continue;
          const typo = `${valid.slice(0, pos)}${d}${valid.slice(pos + 1)}`;
          expect(parseBusinessRegNo(typo)).toEqual({ ok: false, code: 'bad_check_digit' });
        }
      }
    }
  });
});

describe('formatBusinessRegNo', () => {
  it('formats ten digits and leaves a formatted number as is', () => {
    expect(formatBusinessRegNo('2208162517')).toBe(NAVER);
    expect(formatBusinessRegNo(NAVER)).toBe(NAVER);
  });

  it.each(['', '123456789', '12345678901', '12-345-67890', '12345a7890'])(
    'throws RangeError on %j',
    (bad) => {
      expect(() => formatBusinessRegNo(bad)).toThrow(RangeError);
    },
  );
});

describe('maskBusinessRegNo', () => {
  it.each<[string, string]>([
    [NAVER, '220-81-*****'],
    ['2208162517', '220-81-*****'],
    [' １２３－４５－６７８９０ ', '123-45-*****'],
    ['123-45-67890', '123-45-*****'],
    ['12-3456', '**-****'],
    ['unknown', 'unknown'],
    ['', ''],
  ])('%j -> %j', (input, masked) => {
    expect(maskBusinessRegNo(input)).toBe(masked);
  });

  it('never reveals the last five digits', () => {
    const ten = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(ten, (digits) => {
        const masked = maskBusinessRegNo(formatBusinessRegNo(digits));
        expect(masked).toBe(`${digits.slice(0, 3)}-${digits.slice(3, 5)}-*****`);
      }),
    );
  });
});

describe('BIZ_REG_NO_ERROR_MESSAGES', () => {
  it('has a Korean and an English message for every code', () => {
    const codes: BizRegNoErrorCode[] = ['empty', 'bad_format', 'bad_check_digit'];
    for (const code of codes) {
      expect(BIZ_REG_NO_ERROR_MESSAGES[code].ko.length).toBeGreaterThan(0);
      expect(BIZ_REG_NO_ERROR_MESSAGES[code].en.length).toBeGreaterThan(0);
    }
  });
});

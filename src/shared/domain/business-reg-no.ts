import { toNfkc } from './text';
// 사업자등록번호: 10 digits shown as 000-00-00000, the last one a check digit. Catching a
// mistyped number at import is cheaper than finding it when the payout ledger bounces.

export type BizRegNoErrorCode = 'empty' | 'bad_format' | 'bad_check_digit';

export type ParseBizRegNoResult =
  { ok: true; value: string } | { ok: false; code: BizRegNoErrorCode };

export const BIZ_REG_NO_ERROR_MESSAGES: Record<BizRegNoErrorCode, { ko: string; en: string }> = {
  empty: { ko: '사업자등록번호가 비어 있습니다', en: 'the business registration number is empty' },
  bad_format: {
    ko: '사업자등록번호는 000-00-00000 형식의 숫자 10자리여야 합니다',
    en: 'a business registration number is 10 digits in the form 000-00-00000',
  },
  bad_check_digit: {
    ko: '사업자등록번호의 검증번호가 맞지 않습니다 (오타를 확인하세요)',
    en: 'the check digit does not match (check for a typo)',
  },
};

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;
// NFKC leaves U+2010..U+2015 and U+2212 alone, and sheets pasted from word processors use them.
const SEPARATOR = '[-\u2010-\u2015\u2212 ]?';
const LOOSE = new RegExp(`^(\\d{3})${SEPARATOR}(\\d{2})${SEPARATOR}(\\d{5})$`);
const CANONICAL_OR_DIGITS = /^(?:\d{10}|\d{3}-\d{2}-\d{5})$/;

function digitsOf(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0) - 48);
}

/**
 * National Tax Service rule. The extra floor(d9 * 5 / 10) term is not a slip: weight 5
 * alone would map d9 and d9 + 2 to the same sum mod 10; with the term, d9 contributes
 * 0 5 1 6 2 7 3 8 4 9, so a single mistyped digit anywhere always changes the check.
 */
export function businessRegNoCheckDigit(first9: string): number {
  if (!/^\d{9}$/.test(first9)) {
    throw new RangeError(`expected exactly 9 digits, got ${JSON.stringify(first9)}`);
  }
  const d = digitsOf(first9);
  let sum = 0;
  WEIGHTS.forEach((w, i) => {
    sum += (d[i] ?? 0) * w;
  });
  sum += Math.floor(((d[8] ?? 0) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** Accepts "1234567890", "123-45-67890", fullwidth forms and stray whitespace. */
export function parseBusinessRegNo(input: string): ParseBizRegNoResult {
  const text = toNfkc(String(input)).trim();
  if (text === '') return { ok: false, code: 'empty' };
  const m = LOOSE.exec(text);
  if (!m) return { ok: false, code: 'bad_format' };
  const digits = `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}`;
  if (businessRegNoCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) {
    return { ok: false, code: 'bad_check_digit' };
  }
  return { ok: true, value: formatBusinessRegNo(digits) };
}

/** Formats 10 digits (or an already formatted number) as 000-00-00000; no check-digit test. */
export function formatBusinessRegNo(digits10: string): string {
  if (!CANONICAL_OR_DIGITS.test(digits10)) {
    throw new RangeError(`expected 10 digits, got ${JSON.stringify(digits10)}`);
  }
  const d = digits10.replace(/-/g, '');
  return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}

/**
 * For display: the first five digits are only a tax office and a business-type code; the
 * serial and check digit that single out the business are hidden ("123-45-*****"). Never throws; anything that does not look
 * like a registration number has every digit hidden rather than being shown as is.
 */
export function maskBusinessRegNo(value: string): string {
  const text = String(value).normalize('NFKC').trim();
  const m = LOOSE.exec(text);
  if (m) return `${m[1] ?? ''}-${m[2] ?? ''}-*****`;
  return text.replace(/\d/g, '*');
}

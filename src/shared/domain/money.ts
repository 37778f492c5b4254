import { toNfkc } from './text';
// Money is integer KRW everywhere (docs/domain.md). Parsing works on exact
// decimals held in BigInt so "1.5만원" or "0.5억" can never pick up binary float error.

export type MoneyErrorCode =
  'empty' | 'not_money' | 'negative' | 'fraction' | 'too_large' | 'bad_grouping';

export type ParseMoneyResult =
  { ok: true; value: number } | { ok: false; code: MoneyErrorCode; input: string };

export const MONEY_ERROR_MESSAGES: Record<MoneyErrorCode, { ko: string; en: string }> = {
  empty: { ko: '금액이 비어 있습니다', en: 'the amount is empty' },
  not_money: { ko: '금액으로 읽을 수 없습니다', en: 'not an amount of money' },
  negative: {
    ko: '피해금액은 음수일 수 없습니다',
    en: 'a claimed loss cannot be negative',
  },
  fraction: {
    ko: '원 단위 미만(소수점)은 사용할 수 없습니다',
    en: 'the amount must be a whole number of won',
  },
  too_large: { ko: '금액이 너무 큽니다', en: 'the amount is too large' },
  bad_grouping: {
    ko: '천 단위 쉼표 위치가 잘못되었습니다 (예: 1,234,000)',
    en: 'thousands separators are in the wrong place (e.g. 1,234,000)',
  },
};

/** value = n / 10^scale, exactly. */
type Dec = { n: bigint; scale: number };

type Token =
  { kind: 'coef'; value: Dec } | { kind: 'small'; value: bigint } | { kind: 'big'; value: bigint };

type Fail = { code: MoneyErrorCode };

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const HANGUL_DIGITS = '일이삼사오육칠팔구';
const SMALL_UNITS: Record<string, bigint> = { 십: 10n, 백: 100n, 천: 1000n };
// 경 is far beyond any safe integer; knowing it lets "1경원" say too_large, not not_money.
const BIG_UNITS: Record<string, bigint> = {
  만: 10n ** 4n,
  억: 10n ** 8n,
  조: 10n ** 12n,
  경: 10n ** 16n,
};
// U+2212 survives NFKC; △/▲ are how Korean ledgers print a negative number.
const NEGATIVE_SIGNS = ['-', '\u2212', '△', '▲'];
// Korean Excel saving CP949 writes the won sign as byte 0x5C, which decodes to a backslash.
const CURRENCY_PREFIXES = ['₩', '\\', 'KRW'];
const ARABIC = /^\d[\d,]*(?:\.\d+)?/;
const WELL_GROUPED = /^(?:\d+|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?$/;

const pow10 = (k: number): bigint => 10n ** BigInt(k);

function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return { n: a.n * pow10(scale - a.scale) + b.n * pow10(scale - b.scale), scale };
}

const times = (a: Dec, k: bigint): Dec => ({ n: a.n * k, scale: a.scale });
const lessThan = (a: Dec, k: bigint): boolean => a.n < k * pow10(a.scale);
const ONE: Dec = { n: 1n, scale: 0 };
const ZERO: Dec = { n: 0n, scale: 0 };

function readArabic(text: string): Dec | Fail {
  if (!WELL_GROUPED.test(text)) return { code: 'bad_grouping' };
  const [whole = '', frac = ''] = text.replace(/,/g, '').split('.');
  return { n: BigInt(whole + frac), scale: frac.length };
}

function tokenize(body: string): Token[] | Fail {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const arabic = ARABIC.exec(body.slice(i));
    if (arabic) {
      const value = readArabic(arabic[0]);
      if ('code' in value) return value;
      tokens.push({ kind: 'coef', value });
      i += arabic[0].length;
      continue;
    }
    const digit = HANGUL_DIGITS.indexOf(ch);
    const small = SMALL_UNITS[ch];
    const big = BIG_UNITS[ch];
    if (digit >= 0) tokens.push({ kind: 'coef', value: { n: BigInt(digit + 1), scale: 0 } });
    else if (small !== undefined) tokens.push({ kind: 'small', value: small });
    else if (big !== undefined) tokens.push({ kind: 'big', value: big });
    else return { code: 'not_money' };
    i += 1;
  }
  return tokens;
}

/**
 * One group below a big unit: "2천5백", "2,345", "삼십오", "2천300". Small units must
 * strictly decrease; a coefficient before a small unit is a single digit (so "12천" is
 * rejected), and a trailing bare number must fit below the last small unit.
 */
function parseGroup(tokens: Token[], start: number): { value: Dec; next: number } | Fail {
  let value = ZERO;
  let lastSmall: bigint | null = null;
  let pending: Dec | null = null;
  let i = start;
  for (; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (!t || t.kind === 'big') break;
    if (t.kind === 'coef') {
      if (pending) return { code: 'not_money' };
      pending = t.value;
      continue;
    }
    if (lastSmall !== null && t.value >= lastSmall) return { code: 'not_money' };
    const coef = pending ?? ONE;
    if (!lessThan(coef, 10n)) return { code: 'not_money' };
    value = add(value, times(coef, t.value));
    lastSmall = t.value;
    pending = null;
  }
  if (pending) {
    if (lastSmall !== null && !lessThan(pending, lastSmall)) return { code: 'not_money' };
    value = add(value, pending);
  }
  return { value, next: i };
}

/**
 * Big units (조 억 만) appear once each in decreasing order; a group under a previous big
 * unit must fit below it ("1억 12000만" is ambiguous, so rejected). Only the leading big
 * unit may go without a number ("만원", "억"): "억만" reads as a typo, not 100,010,000.
 */
function parseExpression(tokens: Token[]): Dec | Fail {
  if (tokens.length === 0) return { code: 'not_money' };
  let total = ZERO;
  let prevBig: bigint | null = null;
  let i = 0;
  while (i < tokens.length) {
    const group = parseGroup(tokens, i);
    if ('code' in group) return group;
    const empty = group.next === i;
    const unitToken = tokens[group.next];
    const unit = unitToken?.kind === 'big' ? unitToken.value : 1n;
    if (empty && (unit === 1n || prevBig !== null)) return { code: 'not_money' };
    if (prevBig !== null && unit >= prevBig) return { code: 'not_money' };
    const coef = empty ? ONE : group.value;
    if (prevBig !== null && !lessThan(coef, prevBig / unit)) return { code: 'not_money' };
    total = add(total, times(coef, unit));
    if (unit === 1n) return group.next === tokens.length ? total : { code: 'not_money' };
    prevBig = unit;
    i = group.next + 1;
  }
  return total;
}

function stripPrefix(text: string, prefixes: string[]): { rest: string; found: boolean } {
  for (const p of prefixes) {
    if (text.slice(0, p.length).toUpperCase() === p) {
      return { rest: text.slice(p.length).trimStart(), found: true };
    }
  }
  return { rest: text, found: false };
}

/**
 * Reads a KRW amount as Korean spreadsheets spell it: "1,234,000원", "1억 2천만원",
 * "₩500,001", "일억 이천만원", "1.5만원", fullwidth forms. Never throws.
 */
export function parseKrw(input: string): ParseMoneyResult {
  const fail = (code: MoneyErrorCode): ParseMoneyResult => ({ ok: false, code, input });
  let text = toNfkc(String(input)).trim();
  if (text === '') return fail('empty');

  let negative = false;
  // Accounting exports print losses as "(5,000)".
  const paren = /^\((.*)\)$/s.exec(text);
  if (paren) {
    negative = true;
    text = (paren[1] ?? '').trim();
  }
  const sign1 = stripPrefix(text, NEGATIVE_SIGNS);
  const currency = stripPrefix(sign1.rest, CURRENCY_PREFIXES);
  const sign2 = currency.found
    ? stripPrefix(currency.rest, NEGATIVE_SIGNS)
    : { rest: currency.rest, found: false };
  const signs = [negative, sign1.found, sign2.found].filter(Boolean).length;
  if (signs > 1) return fail('not_money');
  negative = signs === 1;
  text = sign2.rest;

  if (text.endsWith('원')) {
    text = text.slice(0, -1).trimEnd();
  } else if (!currency.found && text.slice(-3).toUpperCase() === 'KRW') {
    text = text.slice(0, -3).trimEnd();
  }

  const tokens = tokenize(text);
  if ('code' in tokens) return fail(tokens.code);
  const amount = parseExpression(tokens);
  if ('code' in amount) return fail(amount.code);

  const unit = pow10(amount.scale);
  if (negative && amount.n !== 0n) return fail('negative');
  if (amount.n % unit !== 0n) return fail('fraction');
  const whole = amount.n / unit;
  if (whole > MAX_SAFE) return fail('too_large');
  return { ok: true, value: Number(whole) };
}

export function isKrw(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Digit grouping by hand rather than Intl: ko-KR groups by three with ",", and doing it
 * ourselves keeps output identical in main, renderer and CLI whatever ICU data ships.
 */
export function formatKrwPlain(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`not a safe integer amount of KRW: ${String(value)}`);
  }
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',');
  return value < 0 ? `-${digits}` : digits;
}

export function formatKrw(value: number): string {
  return `${formatKrwPlain(value)}원`;
}

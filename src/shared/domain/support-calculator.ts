import {
  BASIS_POINTS,
  DEFAULT_ROW_KEY,
  POLICY_TABLE_KEYS,
  POLICY_TABLES,
  ROUNDING_MODES,
  ROUNDING_UNITS,
  type FactorUse,
  type PolicyRow,
  type PolicyTable,
  type RoundingMode,
  type SupportCalculation,
  type SupportPolicy,
  type SupportPolicyBody,
} from './support-policy';
import { formatKrw, formatKrwPlain } from './money';
import { toNfkc } from './text';

/**
 * The support calculator (docs/domain.md): verified loss times the three
 * factors of a policy version, rounded and limited as that version says. The same code runs in
 * main (which records the figure) and in the renderer (the live preview), so they never differ.
 * All arithmetic is BigInt: four factors of up to 10^4 on a loss of up to 2^53 overflow a double.
 */

export interface CalculatorClaim {
  industry: string | null;
  service: string;
}

/** How keys compare: "음식점업 " and the full-width or compatibility forms match the plain key. */
export function normalizePolicyKey(key: string): string {
  return toNfkc(key).trim();
}

const BP = BigInt(BASIS_POINTS);
/** Three factors in basis points: the product is scaled by 10^12. */
const SCALE = BP * BP * BP;

function pickRow(policy: SupportPolicy, table: PolicyTable, value: string | null): FactorUse {
  const rows = policy.body[table];
  const wanted = value === null ? null : normalizePolicyKey(value);
  let index = wanted === null ? -1 : rows.findIndex((r) => normalizePolicyKey(r.key) === wanted);
  if (index < 0) index = rows.findIndex((r) => normalizePolicyKey(r.key) === DEFAULT_ROW_KEY);
  const row = rows[index];
  if (!row) {
    // validatePolicyBody makes every stored version carry a "*" row; reaching here is a bug.
    throw new RangeError(`policy ${policy.version} has no "${DEFAULT_ROW_KEY}" row in ${table}`);
  }
  return {
    table,
    rowIndex: index,
    key: row.key,
    fallback: normalizePolicyKey(row.key) === DEFAULT_ROW_KEY,
    factorBp: row.factorBp,
    source: row.source,
  };
}

/** n / d rounded to a whole number the policy's way; n, d >= 0. */
function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const quotient = n / d;
  const remainder = n % d;
  if (remainder === 0n || mode === 'floor') return quotient;
  if (mode === 'ceil') return quotient + 1n;
  // Half up: exactly half a unit goes up, as people round money by hand.
  return remainder * 2n >= d ? quotient + 1n : quotient;
}

/** Exact n / 10^12 as the closest double, for display; the integer part is never lost. */
function toUnrounded(product: bigint): number {
  return Number(product / SCALE) + Number(product % SCALE) / Number(SCALE);
}

export function calculateSupport(
  policy: SupportPolicy,
  claim: CalculatorClaim,
  verifiedLoss: number,
): SupportCalculation {
  if (!Number.isSafeInteger(verifiedLoss) || verifiedLoss < 0) {
    throw new RangeError(`verified loss must be whole, non-negative KRW: ${String(verifiedLoss)}`);
  }
  const value: Record<'industry' | 'service', string | null> = {
    industry: claim.industry,
    service: claim.service,
  };
  const factors = Object.fromEntries(
    POLICY_TABLES.map((table) => [table, pickRow(policy, table, value[POLICY_TABLE_KEYS[table]])]),
  ) as Record<PolicyTable, FactorUse>;

  const product =
    BigInt(verifiedLoss) *
    BigInt(factors.margin.factorBp) *
    BigInt(factors.alternative.factorBp) *
    BigInt(factors.kakaoShare.factorBp);
  const { rounding, minimumAmount, maximumAmount } = policy.body;
  const unit = BigInt(rounding.unit);
  const rounded = divideRounded(product, SCALE * unit, rounding.mode) * unit;

  let limited = rounded < BigInt(minimumAmount) ? BigInt(minimumAmount) : rounded;
  if (maximumAmount !== null && limited > BigInt(maximumAmount)) limited = BigInt(maximumAmount);
  // The minimum must never lift support above what the claimant actually lost.
  if (limited > BigInt(verifiedLoss)) limited = BigInt(verifiedLoss);

  return {
    policyVersion: policy.version,
    verifiedLoss,
    factors,
    unrounded: toUnrounded(product),
    recommended: Number(limited),
  };
}

// ---------------------------------------------------------------------------------------------
// Factors as people write them: percentages with up to two decimals.

/** 1200 -> "12", 1250 -> "12.5", 1234 -> "12.34" (no "%" sign: the caller adds it). */
export function basisPointsToPercentText(factorBp: number): string {
  const whole = Math.trunc(factorBp / 100);
  const cents = Math.abs(factorBp % 100);
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** "12.34" or "12.34%" -> 1234; null for anything else, including more than two decimals. */
export function percentTextToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(toNfkc(text).trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= BASIS_POINTS ? bp : null;
}

/**
 * The figure before rounding, for the formula line: whole won grouped, then up to three
 * decimals, cut rather than rounded so the text never claims more than the exact value.
 */
export function formatUnroundedKrw(value: number): string {
  const whole = Math.trunc(value);
  if (value === whole) return formatKrw(whole);
  const thousandths = Math.floor((value - whole) * 1000);
  const decimals = String(thousandths).padStart(3, '0').replace(/0+$/, '') || '0';
  return `${formatKrwPlain(whole)}.${decimals}원`;
}

// ---------------------------------------------------------------------------------------------
// Validation of a policy body before it becomes a version.

export type PolicyIssueCode =
  | 'table_empty'
  | 'default_row_missing'
  | 'default_row_duplicate'
  | 'key_empty'
  | 'key_duplicate'
  | 'source_empty'
  | 'factor_out_of_range'
  | 'rounding_invalid'
  | 'amount_invalid'
  | 'minimum_above_maximum';

export interface PolicyIssue {
  /** Relative to the body, dot-separated like the router's: "margin.3.key". */
  path: string;
  code: PolicyIssueCode;
  ko: string;
  en: string;
}

export const POLICY_ISSUE_MESSAGES: Record<PolicyIssueCode, { ko: string; en: string }> = {
  table_empty: { ko: '표에 행이 하나도 없습니다.', en: 'The table has no rows.' },
  default_row_missing: {
    ko: '표마다 기타(*) 행이 꼭 하나 있어야 합니다.',
    en: 'Each table needs exactly one "*" (other) row.',
  },
  default_row_duplicate: {
    ko: '기타(*) 행이 둘 이상 있습니다.',
    en: 'The table has more than one "*" row.',
  },
  key_empty: { ko: '업종 또는 서비스 이름을 적으세요.', en: 'Enter the industry or service.' },
  key_duplicate: {
    ko: '같은 이름의 행이 이미 있습니다.',
    en: 'Another row has the same key.',
  },
  source_empty: {
    ko: '근거(출처)를 적으세요.',
    en: 'Say where the figure comes from.',
  },
  factor_out_of_range: {
    ko: '계수는 0%에서 100% 사이, 소수 둘째 자리까지입니다.',
    en: 'A factor is 0% to 100%, with at most two decimals.',
  },
  rounding_invalid: {
    ko: '반올림 방식 또는 단위가 올바르지 않습니다.',
    en: 'The rounding mode or unit is not valid.',
  },
  amount_invalid: {
    ko: '금액은 0원 이상의 원 단위 정수여야 합니다.',
    en: 'The amount must be whole won, 0 or more.',
  },
  minimum_above_maximum: {
    ko: '최저 금액이 최고 금액보다 클 수 없습니다.',
    en: 'The minimum cannot be above the maximum.',
  },
};

type Add = (path: string, code: PolicyIssueCode) => void;

const isWholeKrw = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function validateTable(table: PolicyTable, rows: PolicyRow[], add: Add): void {
  if (rows.length === 0) add(table, 'table_empty');
  const seen = new Set<string>();
  let defaults = 0;
  rows.forEach((row, index) => {
    const key = normalizePolicyKey(row.key);
    if (key === '') {
      add(`${table}.${index}.key`, 'key_empty');
    } else if (key === DEFAULT_ROW_KEY) {
      defaults += 1;
      if (defaults > 1) add(`${table}.${index}.key`, 'default_row_duplicate');
    } else if (seen.has(key)) {
      add(`${table}.${index}.key`, 'key_duplicate');
    }
    seen.add(key);
    if (row.source.trim() === '') add(`${table}.${index}.source`, 'source_empty');
    if (!Number.isInteger(row.factorBp) || row.factorBp < 0 || row.factorBp > BASIS_POINTS) {
      add(`${table}.${index}.factorBp`, 'factor_out_of_range');
    }
  });
  if (rows.length > 0 && defaults === 0) add(table, 'default_row_missing');
}

/** Every rule a policy body must meet to become a version; an empty list means it may. */
export function validatePolicyBody(body: SupportPolicyBody): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const add: Add = (path, code) => issues.push({ path, code, ...POLICY_ISSUE_MESSAGES[code] });
  for (const table of POLICY_TABLES) validateTable(table, body[table], add);
  if (
    !ROUNDING_MODES.includes(body.rounding.mode) ||
    !(ROUNDING_UNITS as readonly number[]).includes(body.rounding.unit)
  ) {
    add('rounding', 'rounding_invalid');
  }
  if (!isWholeKrw(body.minimumAmount)) add('minimumAmount', 'amount_invalid');
  if (body.maximumAmount !== null && !isWholeKrw(body.maximumAmount)) {
    add('maximumAmount', 'amount_invalid');
  } else if (
    body.maximumAmount !== null &&
    isWholeKrw(body.minimumAmount) &&
    body.minimumAmount > body.maximumAmount
  ) {
    add('maximumAmount', 'minimum_above_maximum');
  }
  return issues;
}

export function isPolicyIssueCode(code: string): code is PolicyIssueCode {
  return Object.hasOwn(POLICY_ISSUE_MESSAGES, code);
}

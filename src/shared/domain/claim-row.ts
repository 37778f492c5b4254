import { toNfkc } from './text';
import { BIZ_REG_NO_ERROR_MESSAGES, parseBusinessRegNo } from './business-reg-no';
import {
  BATCH_FIELDS,
  FIELD_HEADERS,
  FIELD_MAX_LENGTH,
  overLimit,
  type BatchField,
  type RawClaimRow,
} from './batch-format';
import type { Claim, ClaimantType, DamageType } from './claim';
import { DATE_ERROR_MESSAGES, parseReceivedAt } from './dates';
import { splitEvidenceList } from './evidence';
import { MONEY_ERROR_MESSAGES, parseKrw } from './money';

/**
 * Turns one raw batch row into a claim, or says every reason it cannot be one. Runs the same
 * in the import service and wherever the UI previews rows.
 */

export interface RowIssue {
  field: BatchField;
  code: string;
  ko: string;
  en: string;
}

export type RowResult = { ok: true; claim: Claim } | { ok: false; issues: RowIssue[] };

const squash = (value: string): string => toNfkc(value).replace(/[\s_]/g, '').toLowerCase();

/**
 * A column like 신청인구분 holds a handful of distinct spellings across a whole batch, so each
 * spelling is looked up once and remembered (bounded, in case a column holds free text).
 */
function memoisedLookup<T>(table: Record<string, T>): (value: string) => T | undefined {
  const seen = new Map<string, T | undefined>();
  return (value) => {
    if (seen.has(value)) return seen.get(value);
    const key = squash(value);
    // Own keys only: "constructor" or "toString" in a cell must not find Object's members.
    const found = Object.hasOwn(table, key) ? table[key] : undefined;
    if (seen.size < 1000) seen.set(value, found);
    return found;
  };
}

const CLAIMANT_SPELLINGS: Record<string, ClaimantType> = {
  일반이용자: 'individual',
  일반: 'individual',
  개인: 'individual',
  individual: 'individual',
  소상공인: 'small_business',
  smallbusiness: 'small_business',
  중대형기업: 'enterprise',
  중견기업: 'enterprise',
  대기업: 'enterprise',
  enterprise: 'enterprise',
};

const DAMAGE_SPELLINGS: Record<string, DamageType> = {
  유료서비스: 'paid',
  유료: 'paid',
  paid: 'paid',
  무료서비스금전: 'free_monetary',
  무료금전: 'free_monetary',
  freemonetary: 'free_monetary',
  비금전: 'non_monetary',
  nonmonetary: 'non_monetary',
};

const PAID_SPELLINGS: Record<string, boolean> = {
  y: true,
  yes: true,
  true: true,
  '1': true,
  유료: true,
  예: true,
  n: false,
  no: false,
  false: false,
  '0': false,
  무료: false,
  아니오: false,
};

const claimantTypeOf = memoisedLookup(CLAIMANT_SPELLINGS);
const damageTypeOf = memoisedLookup(DAMAGE_SPELLINGS);
const paidFlagOf = memoisedLookup(PAID_SPELLINGS);

export const ROW_ISSUE_LABELS = {
  required: { ko: '필수 값이 비어 있음', en: 'required value is empty' },
  too_long: { ko: '값이 너무 김', en: 'value is too long' },
  unknown_claimant_type: { ko: '알 수 없는 신청인구분', en: 'unknown claimant type' },
  unknown_damage_type: { ko: '알 수 없는 피해유형', en: 'unknown damage type' },
  bad_paid_flag: { ko: '유료여부는 Y 또는 N', en: 'paid must be Y or N' },
  loss_required: {
    ko: '금전 피해에는 피해금액이 필요함',
    en: 'a monetary claim needs a claimed loss',
  },
  business_reg_no_required: {
    ko: '사업자는 사업자등록번호가 필요함',
    en: 'a business needs its registration number',
  },
  duplicate_in_file: {
    ko: '같은 파일 안에 같은 접수번호가 이미 있음',
    en: 'claim id already appears earlier in this file',
  },
} as const;

function issue(field: BatchField, code: keyof typeof ROW_ISSUE_LABELS): RowIssue {
  return { field, code, ...ROW_ISSUE_LABELS[code] };
}

function prefixed(field: BatchField, code: string, label: { ko: string; en: string }): RowIssue {
  return { field, code: `${field}.${code}`, ...label };
}

/** Names the field, its length and its limit, so the person fixing the row knows what to cut. */
function tooLongIssue(field: BatchField, length: number): RowIssue {
  const max = FIELD_MAX_LENGTH[field];
  const label = ROW_ISSUE_LABELS.too_long;
  return {
    field,
    code: 'too_long',
    ko: `${label.ko}: ${FIELD_HEADERS[field].ko} ${length}자 (최대 ${max}자)`,
    en: `${label.en}: ${field} has ${length} characters (at most ${max})`,
  };
}

export function validateClaimRow(input: RawClaimRow): RowResult {
  const issues: RowIssue[] = [];
  // An over-long value is reported and then read as empty for the checks below: it is never
  // parsed (a 50 MB cell must not go through date or money parsing) and never stored.
  let raw = input;
  for (const field of BATCH_FIELDS) {
    const length = overLimit(field, input[field]);
    if (length === null) continue;
    issues.push(tooLongIssue(field, length));
    if (raw === input) raw = { ...input };
    raw[field] = '';
  }
  const tooLong = new Set(issues.map((i) => i.field));
  for (const field of ['claim_id', 'affiliate', 'service'] as const) {
    if (raw[field] === '') issues.push(issue(field, 'required'));
  }

  const received = parseReceivedAt(raw.received_at);
  if (!received.ok)
    issues.push(prefixed('received_at', received.code, DATE_ERROR_MESSAGES[received.code]));

  const claimantType = claimantTypeOf(raw.claimant_type);
  if (claimantType === undefined) {
    issues.push(
      raw.claimant_type === ''
        ? issue('claimant_type', 'required')
        : issue('claimant_type', 'unknown_claimant_type'),
    );
  }
  const damageType = damageTypeOf(raw.damage_type);
  if (damageType === undefined) {
    issues.push(
      raw.damage_type === ''
        ? issue('damage_type', 'required')
        : issue('damage_type', 'unknown_damage_type'),
    );
  }

  let paid: boolean | undefined = raw.paid === '' ? damageType === 'paid' : paidFlagOf(raw.paid);
  if (paid === undefined) {
    issues.push(issue('paid', 'bad_paid_flag'));
    paid = false;
  }

  let claimedLoss: number | null = null;
  if (raw.claimed_loss !== '') {
    const money = parseKrw(raw.claimed_loss);
    if (money.ok) claimedLoss = money.value;
    else issues.push(prefixed('claimed_loss', money.code, MONEY_ERROR_MESSAGES[money.code]));
  } else if (
    damageType !== 'non_monetary' &&
    damageType !== undefined &&
    claimantType !== 'individual' &&
    claimantType !== undefined
  ) {
    // The tier of a business's money claim depends on the amount: without it there is no tier.
    issues.push(issue('claimed_loss', 'loss_required'));
  }

  let businessRegNo: string | null = null;
  const isBusiness = claimantType === 'small_business' || claimantType === 'enterprise';
  if (raw.business_reg_no !== '') {
    const parsed = parseBusinessRegNo(raw.business_reg_no);
    if (parsed.ok) businessRegNo = parsed.value;
    else
      issues.push(prefixed('business_reg_no', parsed.code, BIZ_REG_NO_ERROR_MESSAGES[parsed.code]));
  } else if (isBusiness) {
    issues.push(issue('business_reg_no', 'business_reg_no_required'));
  }

  if (tooLong.size > 0) {
    // A field read as empty because it was too long gets that one reason, not "required" too.
    return {
      ok: false,
      issues: issues.filter((i) => i.code === 'too_long' || !tooLong.has(i.field)),
    };
  }
  if (issues.length > 0 || !received.ok || claimantType === undefined || damageType === undefined) {
    return { ok: false, issues };
  }
  const orNull = (value: string): string | null => (value === '' ? null : value);
  return {
    ok: true,
    claim: {
      claimId: raw.claim_id,
      receivedAt: received.value,
      claimantType,
      affiliate: raw.affiliate,
      service: raw.service,
      paid,
      damageType,
      businessRegNo,
      businessName: orNull(raw.business_name),
      industry: orNull(raw.industry),
      claimedLoss,
      description: raw.description,
      contact: orNull(raw.contact),
      evidence: splitEvidenceList(raw.evidence),
    },
  };
}

export function duplicateInFileIssue(): RowIssue {
  return issue('claim_id', 'duplicate_in_file');
}

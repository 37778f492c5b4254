import {
  businessRegNoCheckDigit,
  formatBusinessRegNo,
} from '../../../src/shared/domain/business-reg-no';
import type { Row } from '../../helpers/batch-files';

/** Batch rows written for one flag at a time: everything else stays plain and unique. */

/** A valid, distinct registration number for each n (the check digit is computed). */
export function regNo(n: number): string {
  const first9 = `2148${String(n).padStart(5, '0')}`;
  return formatBusinessRegNo(`${first9}${businessRegNoCheckDigit(first9)}`);
}

export interface ClaimSpec {
  id: string;
  claimant?: 'small_business' | 'enterprise' | 'individual';
  regNo?: string;
  /** Default 음식점업 for a business, none for an individual. */
  industry?: string;
  /** KRW; null for a non-monetary claim. Default 1,850,000: a committee_review claim. */
  loss?: number | null;
  description?: string;
  evidence?: string[];
}

const CLAIMANT_LABELS = {
  small_business: '소상공인',
  enterprise: '중대형기업',
  individual: '일반이용자',
};

let serial = 0;

/** One row in KO_HEADERS order; short unique descriptions unless one is given. */
export function claimRow(spec: ClaimSpec): Row {
  serial += 1;
  const claimant = spec.claimant ?? 'small_business';
  const business = claimant !== 'individual';
  const loss = spec.loss === undefined ? 1_850_000 : spec.loss;
  return [
    spec.id,
    '2022-10-20 14:33',
    CLAIMANT_LABELS[claimant],
    '카카오',
    '카카오톡',
    'N',
    loss === null ? '비금전' : '무료서비스금전',
    business ? (spec.regNo ?? regNo(10_000 + serial)) : '',
    business ? `상호 ${serial}` : '',
    spec.industry ?? (business ? '음식점업' : ''),
    loss === null ? '' : String(loss),
    spec.description ?? `주문 누락 ${serial}`,
    '010-2345-6789',
    (spec.evidence ?? []).join(';'),
  ];
}

export const claimId = (n: number) => `K-2022-${String(n).padStart(6, '0')}`;

/**
 * The claim model of batch file format v1 (docs/domain.md). A claim is what the intake side sent,
 * after validation; its tier is derived, never typed in.
 */

export const CLAIMANT_TYPES = ['individual', 'small_business', 'enterprise'] as const;
export type ClaimantType = (typeof CLAIMANT_TYPES)[number];

export const DAMAGE_TYPES = ['paid', 'free_monetary', 'non_monetary'] as const;
export type DamageType = (typeof DAMAGE_TYPES)[number];

/** The Korean spellings the intake side writes, mapped to our keys. */
export const CLAIMANT_TYPE_LABELS: Record<ClaimantType, { ko: string; en: string }> = {
  individual: { ko: '일반이용자', en: 'Individual user' },
  small_business: { ko: '소상공인', en: 'Small business' },
  enterprise: { ko: '중대형기업', en: 'Mid/large enterprise' },
};

export const DAMAGE_TYPE_LABELS: Record<DamageType, { ko: string; en: string }> = {
  paid: { ko: '유료서비스', en: 'Paid service' },
  free_monetary: { ko: '무료서비스금전', en: 'Free service, monetary' },
  non_monetary: { ko: '비금전', en: 'Non-monetary' },
};

/** Kakao itself, as opposed to its affiliates (카카오모빌리티, 카카오페이 ...), which are set aside. */
export const KAKAO_AFFILIATE = '카카오';

export function isKakaoItself(affiliate: string): boolean {
  const name = affiliate
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\(주\)|^주식회사/, '');
  return name === KAKAO_AFFILIATE || name.toLowerCase() === 'kakao';
}

export interface Claim {
  claimId: string;
  /** ISO 8601 local date-time as received ("2022-10-20T14:33:00"). */
  receivedAt: string;
  claimantType: ClaimantType;
  affiliate: string;
  service: string;
  paid: boolean;
  damageType: DamageType;
  businessRegNo: string | null;
  businessName: string | null;
  industry: string | null;
  /** Reported revenue loss in integer KRW; null only where the claim is not monetary. */
  claimedLoss: number | null;
  description: string;
  contact: string | null;
  evidence: string[];
}

/** The facts the tier rule looks at, so it can be tested without a whole claim. */
export type TierInput = Pick<Claim, 'claimantType' | 'affiliate' | 'damageType' | 'claimedLoss'>;

const CLAIM_ID_PATTERN = /^[A-Z]{1,4}-\d{4}-\d{3,9}$/;

/** Claim ids look like K-2022-000123; anything else is most likely a shifted column. */
export function isWellFormedClaimId(value: string): boolean {
  return CLAIM_ID_PATTERN.test(value);
}

/**
 * Contact details are personal data: shown masked unless a reveal is recorded. Phone numbers
 * keep their first group and last four digits, as Korean services print them
 * (010-****-6789, 02-***-1234); e-mail keeps its first letter and domain.
 */
export function maskContact(contact: string): string {
  const value = contact.trim();
  const at = value.indexOf('@');
  if (at > 0) return `${value.slice(0, 1)}***${value.slice(at)}`;
  const groups = value.split(/(\D+)/);
  const digitGroups = groups.filter((g) => /^\d+$/.test(g));
  if (digitGroups.length >= 3) {
    const last = groups.length - 1;
    return groups
      .map((g, i) => (i === 0 || i === last || !/^\d+$/.test(g) ? g : '*'.repeat(g.length)))
      .join('');
  }
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 8)
    return `${digits.slice(0, 3)}-${'*'.repeat(digits.length - 7)}-${digits.slice(-4)}`;
  return '*'.repeat(Math.min(Math.max(value.length, 1), 8));
}

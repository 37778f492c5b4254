import type { BatchField } from '../../shared/domain/batch-format';
import { businessRegNoCheckDigit, formatBusinessRegNo } from '../../shared/domain/business-reg-no';
import {
  CLAIMANT_TYPE_LABELS,
  DAMAGE_TYPE_LABELS,
  KAKAO_AFFILIATE,
} from '../../shared/domain/claim';
import type { ClaimantType, DamageType } from '../../shared/domain/claim';
import { enterpriseLoss, individualLoss, smallBusinessLoss, spellLoss } from './amounts';
import { describeClaim } from './descriptions';
import { pickEvidenceNames } from './evidence-names';
import { Random } from './random';
import {
  AFFILIATE_SERVICES,
  ENTERPRISE_INDUSTRIES,
  KAKAO_SERVICES_FOR_BUSINESSES,
  KAKAO_SERVICES_FOR_INDIVIDUALS,
  OTHER_AFFILIATES,
  SMALL_BUSINESS_INDUSTRIES,
  enterpriseName,
  smallBusinessName,
} from './vocabulary';

/**
 * Synthetic claim batches in batch file format v1, with the shares of the real 1015 intake
 * (docs/domain.md). Rows come out one at a time so a million-row benchmark never sits in memory.
 */

export type ClaimRow = Record<BatchField, string>;

export interface GenerateClaimsOptions {
  count: number;
  seed: number;
  /** Number of the first claim id; ids run on from it (K-2022-000001, K-2022-000002 ...). */
  startId?: number;
}

export const KAKAO_SHARE = 0.831;
export const CLAIMANT_SHARES: Record<ClaimantType, number> = {
  individual: 0.798,
  small_business: 0.2,
  enterprise: 0.002,
};
export const DAMAGE_SHARES: Record<DamageType, number> = {
  paid: 0.171,
  free_monetary: 0.151,
  non_monetary: 0.678,
};

/**
 * Businesses mostly claim money, or the review queue would be nearly empty. Individuals' money
 * share is what is left so that the overall shares still match docs/domain.md.
 */
const MONETARY_TOTAL = DAMAGE_SHARES.paid + DAMAGE_SHARES.free_monetary;
const SMALL_BUSINESS_MONETARY = 0.85;
const ENTERPRISE_MONETARY = 0.9;
const MONETARY_SHARE: Record<ClaimantType, number> = {
  small_business: SMALL_BUSINESS_MONETARY,
  enterprise: ENTERPRISE_MONETARY,
  individual:
    (MONETARY_TOTAL -
      CLAIMANT_SHARES.small_business * SMALL_BUSINESS_MONETARY -
      CLAIMANT_SHARES.enterprise * ENTERPRISE_MONETARY) /
    CLAIMANT_SHARES.individual,
};
const PAID_WITHIN_MONETARY = DAMAGE_SHARES.paid / MONETARY_TOTAL;

const CLAIMANT_CHOICES = Object.entries(CLAIMANT_SHARES) as [ClaimantType, number][];

/** 2022-10-15 (the fire) through 2022-11-30: 47 days. */
const FIRST_DAY_UTC = Date.UTC(2022, 9, 15);
const DAYS = 47;

const pad = (n: number): string => String(n).padStart(2, '0');

export function formatClaimId(n: number): string {
  return `K-2022-${String(n).padStart(6, '0')}`;
}

function receivedAt(rnd: Random): string {
  // Claims poured in during the first days after the outage and tailed off after.
  const day = Math.floor(DAYS * rnd.float() ** 2.2);
  const date = new Date(FIRST_DAY_UTC + day * 86_400_000);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  // The fire began at 15:19 on the 15th; nobody filed a claim before it.
  const hour = day === 0 ? rnd.int(16, 23) : rnd.int(7, 23);
  const minute = rnd.int(0, 59);
  const style = rnd.weighted<'dash' | 'dots' | 'iso'>([
    ['dash', 50],
    ['dots', 20],
    ['iso', 30],
  ]);
  if (style === 'dots') return `${y}. ${m}. ${d}.`;
  const ymd = `${y}-${pad(m)}-${pad(d)}`;
  if (style === 'iso') return `${ymd}T${pad(hour)}:${pad(minute)}:00+09:00`;
  return `${ymd} ${pad(hour)}:${pad(minute)}`;
}

function businessRegNo(rnd: Random, incorporated: boolean): string {
  const office = String(rnd.int(101, 899));
  // The middle pair says what kind of business it is: 01-79 sole traders, 81/86/87/88 companies.
  const kind = incorporated ? rnd.pick(['81', '86', '87', '88']) : pad(rnd.int(1, 79));
  const first9 = `${office}${kind}${rnd.digits(4)}`;
  return formatBusinessRegNo(`${first9}${businessRegNoCheckDigit(first9)}`);
}

const EMAIL_NAMES = ['kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim'];
const AREA_CODES = ['02', '031', '032', '051', '053', '062', '042', '064'];

/**
 * Synthetic contacts: Korean subscriber numbers never begin with 0 after the prefix, and
 * example.com/.net/.org are reserved, so none of these can reach a real person.
 */
function contact(rnd: Random, business: boolean): string {
  const style = rnd.weighted<'mobile' | 'landline' | 'email'>([
    ['mobile', 60],
    ['landline', business ? 20 : 0],
    ['email', 30],
  ]);
  if (style === 'mobile') return `010-0${rnd.digits(3)}-${rnd.digits(4)}`;
  if (style === 'landline') return `${rnd.pick(AREA_CODES)}-0${rnd.digits(2)}-${rnd.digits(4)}`;
  const domain = rnd.pick(['com', 'net', 'org']);
  return `${rnd.pick(EMAIL_NAMES)}${rnd.digits(4)}@example.${domain}`;
}

function makeRow(rnd: Random, claimId: string): ClaimRow {
  const claimant = rnd.weighted(CLAIMANT_CHOICES);
  const business = claimant !== 'individual';
  const kakao = rnd.chance(KAKAO_SHARE);
  const affiliate = kakao ? KAKAO_AFFILIATE : rnd.weighted(OTHER_AFFILIATES);
  const service = kakao
    ? rnd.weighted(business ? KAKAO_SERVICES_FOR_BUSINESSES : KAKAO_SERVICES_FOR_INDIVIDUALS)
    : rnd.pick(AFFILIATE_SERVICES[affiliate] ?? ['카카오톡']);
  const monetary = rnd.chance(MONETARY_SHARE[claimant]);
  const damage: DamageType = !monetary
    ? 'non_monetary'
    : rnd.chance(PAID_WITHIN_MONETARY)
      ? 'paid'
      : 'free_monetary';

  let regNo = '';
  let name = '';
  let industry = '';
  if (claimant === 'small_business') {
    // A taxi driver's Kakao T claim is the typical mobility-affiliate business claim.
    industry = service === '카카오T' ? '운수업' : rnd.weighted(SMALL_BUSINESS_INDUSTRIES);
    const incorporated = rnd.chance(0.1);
    regNo = businessRegNo(rnd, incorporated);
    name = smallBusinessName(rnd, industry, incorporated);
  } else if (claimant === 'enterprise') {
    industry = rnd.weighted(ENTERPRISE_INDUSTRIES);
    regNo = businessRegNo(rnd, true);
    name = enterpriseName(rnd);
  }

  let loss: number | null = null;
  if (monetary) {
    if (claimant === 'small_business') loss = smallBusinessLoss(rnd);
    else if (claimant === 'enterprise') loss = enterpriseLoss(rnd);
    else loss = individualLoss(rnd);
  }
  const evidence =
    business && loss !== null && loss > 500_000 ? pickEvidenceNames(rnd, claimId).join(';') : '';

  return {
    claim_id: claimId,
    received_at: receivedAt(rnd),
    claimant_type: CLAIMANT_TYPE_LABELS[claimant].ko,
    affiliate,
    service,
    paid: damage === 'paid' ? 'Y' : 'N',
    damage_type: DAMAGE_TYPE_LABELS[damage].ko,
    business_reg_no: regNo,
    business_name: name,
    industry,
    claimed_loss: loss === null ? '' : spellLoss(rnd, loss),
    description: describeClaim(rnd, service, monetary, business),
    contact: contact(rnd, business),
    evidence,
  };
}

export function* generateClaimRows(options: GenerateClaimsOptions): Generator<ClaimRow> {
  const { count, seed, startId = 1 } = options;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number >= 0, got ${String(count)}`);
  }
  const rnd = new Random(seed);
  for (let i = 0; i < count; i += 1) yield makeRow(rnd, formatClaimId(startId + i));
}

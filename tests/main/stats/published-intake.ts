import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { businessRegNoCheckDigit } from '../../../src/shared/domain/business-reg-no';
import { KO_HEADERS } from '../../helpers/batch-files';

/*
 * A batch built to the council's published intake: 105,116 claims, 17,921 of them about other
 * affiliates, and among the 87,195 Kakao claims
 *   claimant types 69,582 / 17,439 / 174   (79.8 / 20.0 / 0.2 %)
 *   damage types   14,918 / 13,195 / 59,082 (17.1 / 15.1 / 67.8 %).
 * The Kakao claims are laid out in index order so both breakdowns hold at once:
 *   individuals     0 .. 69,581: non-monetary up to 59,081, then paid (10,500)
 *   small business  69,582 .. 87,020: paid up to 73,999 (4,418), then free-service monetary
 *   enterprises     87,021 .. 87,194: free-service monetary (174, all committee review)
 * The other affiliates' claims are individuals' paid and free-service claims, so shares over
 * every claim visibly differ from the published ones.
 */

export const INTAKE = {
  received: 105_116,
  otherAffiliates: 17_921,
  kakao: 87_195,
  claimants: { individual: 69_582, small_business: 17_439, enterprise: 174 },
  damages: { paid: 14_918, free_monetary: 13_195, non_monetary: 59_082 },
} as const;

const OTHER_AFFILIATES = ['카카오모빌리티', '카카오페이', '카카오뱅크', '카카오엔터테인먼트'];
const DAMAGE_WORDS = {
  paid: '유료서비스',
  free_monetary: '무료서비스금전',
  non_monetary: '비금전',
};
const CLAIMANT_WORDS = {
  individual: '일반이용자',
  small_business: '소상공인',
  enterprise: '중대형기업',
};

type Damage = keyof typeof DAMAGE_WORDS;
type Claimant = keyof typeof CLAIMANT_WORDS;

function kakaoClaimantAt(k: number): Claimant {
  if (k < INTAKE.claimants.individual) return 'individual';
  if (k < INTAKE.claimants.individual + INTAKE.claimants.small_business) return 'small_business';
  return 'enterprise';
}

function kakaoDamageAt(k: number): Damage {
  if (k < INTAKE.damages.non_monetary) return 'non_monetary';
  if (k < INTAKE.damages.non_monetary + INTAKE.damages.paid) return 'paid';
  return 'free_monetary';
}

/** A valid 사업자등록번호 unique to `n`. */
function businessRegNo(n: number): string {
  const first9 = String(200_000_000 + n);
  const digits = `${first9}${businessRegNoCheckDigit(first9)}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** Business claims need their number and, when monetary, a loss (claim-row.ts). */
function row(n: number, claimant: Claimant, affiliate: string, damage: Damage): string {
  const business = claimant !== 'individual';
  const monetary = damage !== 'non_monetary';
  // Mostly the 30,000 bracket; every 50th small business over 500,000, for the review queue.
  const loss =
    !business || !monetary ? '' : n % 50 === 0 || claimant === 'enterprise' ? '1200000' : '200000';
  return [
    `PUB-2022-${String(n).padStart(6, '0')}`,
    `2022-10-${16 + (n % 10)} 09:${String(n % 60).padStart(2, '0')}`,
    CLAIMANT_WORDS[claimant],
    affiliate,
    '카카오톡',
    damage === 'paid' ? 'Y' : 'N',
    DAMAGE_WORDS[damage],
    business ? businessRegNo(n) : '',
    business ? `상호 ${n}` : '',
    business ? '음식점업' : '',
    loss,
    `신청 ${n}`,
    '',
    '',
  ].join(',');
}

/** Writes the batch as a UTF-8 CSV with the Korean headers; returns its path. */
export function writePublishedIntake(dir: string): string {
  const lines = [KO_HEADERS.join(',')];
  for (let k = 0; k < INTAKE.kakao; k++)
    lines.push(row(k + 1, kakaoClaimantAt(k), '카카오', kakaoDamageAt(k)));
  for (let o = 0; o < INTAKE.otherAffiliates; o++) {
    const affiliate = OTHER_AFFILIATES[o % OTHER_AFFILIATES.length]!;
    lines.push(
      row(INTAKE.kakao + o + 1, 'individual', affiliate, o % 2 ? 'paid' : 'free_monetary'),
    );
  }
  const file = join(dir, 'published-intake.csv');
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

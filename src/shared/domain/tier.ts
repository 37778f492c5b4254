import { isKakaoItself, type TierInput } from './claim';

/**
 * The six tiers of docs/domain.md, checked in this order. Every claim gets exactly one, together
 * with the version of the rule that produced it, so a later rule change never silently
 * re-labels a claim that was already triaged.
 */
export const TIERS = [
  'excluded_affiliate',
  'non_monetary',
  'general_package',
  'committee_review',
  'tier_30k',
  'tier_50k',
] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_RULE_VERSION = 1;

/** Bracket limits are inclusive: 300,000 is still the 30,000 bracket (docs/domain.md). */
export const TIER_30K_MAX_LOSS = 300_000;
export const TIER_50K_MAX_LOSS = 500_000;

export const FIXED_SUPPORT: Readonly<Partial<Record<Tier, number>>> = {
  tier_30k: 30_000,
  tier_50k: 50_000,
};

export class TierRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TierRuleError';
  }
}

export function classifyTier(claim: TierInput): Tier {
  if (!isKakaoItself(claim.affiliate)) return 'excluded_affiliate';
  if (claim.damageType === 'non_monetary') return 'non_monetary';
  if (claim.claimantType === 'individual') return 'general_package';
  // The brackets were announced for small businesses only; an enterprise is always reviewed.
  if (claim.claimantType === 'enterprise') return 'committee_review';
  const loss = claim.claimedLoss;
  if (loss === null || !Number.isSafeInteger(loss) || loss < 0) {
    throw new TierRuleError('a small business monetary claim needs a claimed loss in whole KRW');
  }
  if (loss <= TIER_30K_MAX_LOSS) return 'tier_30k';
  if (loss <= TIER_50K_MAX_LOSS) return 'tier_50k';
  return 'committee_review';
}

/** The fixed amount a tier pays, or null where the amount is decided case by case or not money. */
export function fixedSupportFor(tier: Tier): number | null {
  return FIXED_SUPPORT[tier] ?? null;
}

export const TIER_LABELS: Record<Tier, { ko: string; en: string }> = {
  excluded_affiliate: { ko: '계열사 제외', en: 'Affiliate, set aside' },
  non_monetary: { ko: '비금전', en: 'Non-monetary' },
  general_package: { ko: '일반이용자 보상', en: 'General user package' },
  committee_review: { ko: '위원회 심사', en: 'Committee review' },
  tier_30k: { ko: '3만원 지원', en: '30,000 KRW support' },
  tier_50k: { ko: '5만원 지원', en: '50,000 KRW support' },
};

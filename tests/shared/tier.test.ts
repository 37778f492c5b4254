import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIMANT_TYPES, DAMAGE_TYPES, type TierInput } from '../../src/shared/domain/claim';
import { classifyTier, fixedSupportFor, TierRuleError, TIERS } from '../../src/shared/domain/tier';

const smallBusiness = (claimedLoss: number): TierInput => ({
  claimantType: 'small_business',
  affiliate: '카카오',
  damageType: 'free_monetary',
  claimedLoss,
});

describe('the six-tier rule', () => {
  it.each([
    [0, 'tier_30k'],
    [1, 'tier_30k'],
    [300_000, 'tier_30k'],
    [300_001, 'tier_50k'],
    [500_000, 'tier_50k'],
    [500_001, 'committee_review'],
    [1_000_000_000, 'committee_review'],
  ] as const)('a small business losing %i KRW is %s', (loss, tier) => {
    expect(classifyTier(smallBusiness(loss))).toBe(tier);
  });

  it('fixed support follows the brackets', () => {
    expect(fixedSupportFor('tier_30k')).toBe(30_000);
    expect(fixedSupportFor('tier_50k')).toBe(50_000);
    expect(fixedSupportFor('committee_review')).toBeNull();
    expect(fixedSupportFor('general_package')).toBeNull();
  });

  it('checks affiliate first, then non-monetary, then general users, then enterprises', () => {
    const base = smallBusiness(100_000);
    expect(classifyTier({ ...base, affiliate: '카카오모빌리티', damageType: 'non_monetary' })).toBe(
      'excluded_affiliate',
    );
    expect(classifyTier({ ...base, claimantType: 'individual', damageType: 'non_monetary' })).toBe(
      'non_monetary',
    );
    expect(classifyTier({ ...base, claimantType: 'individual' })).toBe('general_package');
    expect(classifyTier({ ...base, claimantType: 'enterprise' })).toBe('committee_review');
    expect(classifyTier({ ...base, claimantType: 'enterprise', claimedLoss: 1 })).toBe(
      'committee_review',
    );
  });

  it('reads Kakao itself however the intake side spelled it', () => {
    for (const name of ['카카오', ' 카카오 ', '(주)카카오', 'Kakao', 'KAKAO']) {
      expect(classifyTier({ ...smallBusiness(1), affiliate: name })).toBe('tier_30k');
    }
    for (const name of ['카카오페이', '카카오뱅크', '카카오엔터테인먼트', '']) {
      expect(classifyTier({ ...smallBusiness(1), affiliate: name })).toBe('excluded_affiliate');
    }
  });

  it('refuses a small business monetary claim with no loss rather than guessing a tier', () => {
    expect(() => classifyTier({ ...smallBusiness(1), claimedLoss: null })).toThrow(TierRuleError);
    expect(() => classifyTier({ ...smallBusiness(1), claimedLoss: 1.5 })).toThrow(TierRuleError);
  });

  const anyClaim = fc.record({
    claimantType: fc.constantFrom(...CLAIMANT_TYPES),
    affiliate: fc.constantFrom('카카오', '카카오모빌리티', '카카오페이', 'Kakao'),
    damageType: fc.constantFrom(...DAMAGE_TYPES),
    claimedLoss: fc.integer({ min: 0, max: 10_000_000_000 }),
  });

  it('property: every claim gets exactly one of the six tiers', () => {
    fc.assert(fc.property(anyClaim, (claim) => TIERS.includes(classifyTier(claim))));
  });

  it('property: for Kakao small-business money claims the tier only grows with the loss', () => {
    const rank = { tier_30k: 0, tier_50k: 1, committee_review: 2 } as Record<string, number>;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return rank[classifyTier(smallBusiness(lo))]! <= rank[classifyTier(smallBusiness(hi))]!;
        },
      ),
    );
  });

  it('property: the loss matters only for Kakao small businesses with monetary damage', () => {
    fc.assert(
      fc.property(anyClaim, fc.integer({ min: 0, max: 10_000_000_000 }), (claim, otherLoss) => {
        const monetarySmallBusiness =
          claim.claimantType === 'small_business' &&
          claim.damageType !== 'non_monetary' &&
          classifyTier(claim) !== 'excluded_affiliate';
        if (monetarySmallBusiness) return true;
        return classifyTier(claim) === classifyTier({ ...claim, claimedLoss: otherLoss });
      }),
    );
  });
});

import { FIXED_SUPPORT, TIER_30K_MAX_LOSS, TIER_50K_MAX_LOSS } from '../tier';

/*
 * What the council and Kakao announced (docs/domain.md), kept apart from anything the workspace
 * computes: the summary shows these beside the workspace's own figures, always labelled as the
 * published rule or estimate, never added to them. Amounts are integer KRW as announced;
 * `approximate` marks the ones the announcement itself gave as "about".
 */

export interface Labelled {
  ko: string;
  en: string;
}

/** The announcement's sentence on the general-user package: docs/domain.md's words, and in Korean. */
export const PUBLISHED_PACKAGE_SOURCE: Labelled = {
  ko: '약 4,800만 명의 이용자를 기준으로 일반 이용자 보상 패키지는 약 5,000억원으로 추산되었다 (이모티콘 약 3,000억원, 쿠폰 5,000원 × 4,800만 명, 톡서랍 플러스 이용권 990원 × 300만 명).',
  en: 'With about 48 million users the general-user package was estimated at about 500 billion KRW (emoticons about 300 billion; coupons 5,000 x 48 million; passes 990 x 3 million).',
};

/** The package itself, as offered from 2023-01-05 to 2023-01-20. */
export const PUBLISHED_PACKAGE_CONTENTS: Labelled = {
  ko: '이모티콘 3종(영구 1종, 90일 2종), 카카오메이커스 쿠폰 2종(2,000원·3,000원), 톡서랍 플러스 1개월 이용권(990원 상당, 선착순 300만 명)',
  en: 'Three emoticon sets (one permanent, two for 90 days), two Kakao Makers coupons (2,000 and 3,000 KRW) and a one-month Talk Drawer Plus pass (990 KRW value, first 3 million people)',
};

/** "about 48 million users": everyone the package was offered to, not only claimants. */
export const PUBLISHED_PACKAGE_USERS = 48_000_000;
/** "about 500 billion KRW": the announcement's headline figure, rounded by its authors. */
export const PUBLISHED_PACKAGE_TOTAL = 500_000_000_000;

export const PACKAGE_ITEMS = ['emoticons', 'coupons', 'passes'] as const;
export type PackageItemId = (typeof PACKAGE_ITEMS)[number];

export interface PackageItem {
  id: PackageItemId;
  /** Value per recipient, where the announcement gave one. */
  unit: number | null;
  /** How many people the figure was counted for, where the announcement gave it. */
  recipients: number | null;
  amount: number;
  approximate: boolean;
}

const COUPON_VALUE = 2_000 + 3_000;
const PASS_VALUE = 990;
const PASS_RECIPIENTS = 3_000_000;

export const PUBLISHED_PACKAGE_ITEMS: readonly PackageItem[] = [
  { id: 'emoticons', unit: null, recipients: null, amount: 300_000_000_000, approximate: true },
  {
    id: 'coupons',
    unit: COUPON_VALUE,
    recipients: PUBLISHED_PACKAGE_USERS,
    amount: COUPON_VALUE * PUBLISHED_PACKAGE_USERS,
    approximate: false,
  },
  {
    id: 'passes',
    unit: PASS_VALUE,
    recipients: PASS_RECIPIENTS,
    amount: PASS_VALUE * PASS_RECIPIENTS,
    approximate: false,
  },
];

/**
 * The items add up to about 543 billion, more than the headline's "about 500 billion": both are
 * shown as published, so nobody mistakes one for a sum the app got wrong.
 */
export function publishedItemsTotal(): number {
  return PUBLISHED_PACKAGE_ITEMS.reduce((sum, item) => sum + item.amount, 0);
}

export const PACKAGE_ITEM_LABELS: Record<PackageItemId, Labelled> = {
  emoticons: { ko: '이모티콘 3종', en: 'Emoticon sets' },
  coupons: {
    ko: '카카오메이커스 쿠폰 (2,000원 + 3,000원)',
    en: 'Kakao Makers coupons (2,000 + 3,000)',
  },
  passes: { ko: '톡서랍 플러스 1개월 이용권', en: 'Talk Drawer Plus one-month pass' },
};

/** The brackets as announced for small businesses: up to what reported loss, which support. */
export const PUBLISHED_BRACKETS = [
  { tier: 'tier_30k', maxLoss: TIER_30K_MAX_LOSS, support: FIXED_SUPPORT.tier_30k! },
  { tier: 'tier_50k', maxLoss: TIER_50K_MAX_LOSS, support: FIXED_SUPPORT.tier_50k! },
] as const;

/** The published rule each budget row sits beside. */
export const PUBLISHED_RULES: Record<
  'tier_30k' | 'tier_50k' | 'committee' | 'general_package',
  Labelled
> = {
  tier_30k: {
    ko: '매출 손실 30만원 이하: 30,000원 지원',
    en: 'Reported loss up to 300,000 KRW: 30,000 KRW',
  },
  tier_50k: {
    ko: '30만원 초과 50만원 이하: 50,000원 지원',
    en: 'Over 300,000 up to 500,000 KRW: 50,000 KRW',
  },
  committee: {
    ko: '50만원 초과: 피해 증빙을 받아 협의체가 심사, 추가 지원 검토 (발표된 금액 없음)',
    en: 'Over 500,000 KRW: council review with proof of damage, additional support considered (no amount announced)',
  },
  general_package: {
    ko: '일반 이용자: 금전 대신 보상 패키지 (약 4,800만 명 기준 약 5,000억원 추산)',
    en: 'General users: a package instead of money (about 500 billion KRW estimated for about 48 million users)',
  },
};

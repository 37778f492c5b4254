import {
  CLAIMANT_TYPE_LABELS,
  CLAIMANT_TYPES,
  DAMAGE_TYPE_LABELS,
  DAMAGE_TYPES,
} from '../../shared/domain/claim';
import { formatKrw, formatKrwPlain } from '../../shared/domain/money';
import {
  formatPublishedFigure,
  kakaoPercentOfPublishedCounts,
  PUBLISHED_INTAKE,
  type PublishedFigure,
} from '../../shared/domain/published-figures';
import { TIER_LABELS, TIERS } from '../../shared/domain/tier';
import type { Stats } from '../../shared/ipc/stats-schemas';

/**
 * `stats` for people, Korean first. Claimant and damage types are counted on two bases side by
 * side: the council published its shares over Kakao's own claims, and a reader comparing them
 * with shares over every claim would find differences that are only the other affiliates.
 */

type Shares = Record<'byAffiliate' | 'byTier', Record<string, number>>;
type Share = { count: number; percent: number };

/** Hangul takes two terminal columns, so labels are padded by width, not by characters. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
function padLabel(label: string, columns: number): string {
  const width = Array.from(label).reduce((sum, c) => sum + (HANGUL.test(c) ? 2 : 1), 0);
  return label + ' '.repeat(Math.max(0, columns - width));
}

const figure = ({ count, percent }: Share) =>
  `${formatKrwPlain(count).padStart(9)}  ${percent.toFixed(1).padStart(5)}%`;
const row = (label: string, share: Share, ...beside: string[]) =>
  [`  ${padLabel(label, 24)} ${figure(share)}`, ...beside].join(' | ');
const published = (value: PublishedFigure) => formatPublishedFigure(value, '약');

interface Breakdown<K extends string> {
  heading: string;
  keys: readonly K[];
  labels: Record<K, { ko: string }>;
  kakao: Record<K, Share>;
  all: Record<K, Share>;
  published: Record<K, PublishedFigure> | undefined;
}

function byBasis<K extends string>(stats: Stats, breakdown: Breakdown<K>): string[] {
  const { kakao, all } = stats.bases;
  const columns = [
    `${breakdown.heading}: 카카오 기준 Kakao base (${formatKrwPlain(kakao.claims)})`,
    `전체 기준 all claims (${formatKrwPlain(all.claims)})`,
    ...(breakdown.published ? ['발표 published'] : []),
  ];
  return [
    columns.join(' | '),
    ...breakdown.keys.map((key) => {
      const theirs = breakdown.published?.[key];
      const beside = [figure(breakdown.all[key]), ...(theirs ? [published(theirs)] : [])];
      return row(breakdown.labels[key].ko, breakdown.kakao[key], ...beside);
    }),
  ];
}

function publishedNote(stats: Stats): string[] {
  const received = formatKrwPlain(PUBLISHED_INTAKE.received);
  if (!stats.published)
    return [
      `발표 수치 published: 협의체 전체 접수(${received}건)가 아니어서 비교하지 않음 / not compared: this scope is not the council's whole intake of ${received} claims`,
    ];
  const { kakao } = stats.published;
  const computed = kakaoPercentOfPublishedCounts().toFixed(2);
  return [
    `발표 수치 published: 이 범위의 신청 수가 협의체 전체 접수 ${received}건과 같음 / this scope holds the council's whole intake of ${received} claims`,
    `  발표 ${kakao.percent}%는 발표 건수로 ${computed}% (${formatKrwPlain(kakao.count ?? 0)} / ${received}) / the published ${kakao.percent}% is ${computed}% by the published counts`,
  ];
}

export function formatStats(stats: Stats, shares: Shares): string {
  const share = (count: number, percent: number | undefined) => ({
    count,
    percent: percent ?? 0,
  });
  const kakao = share(stats.byAffiliate.kakao, shares.byAffiliate['kakao']);
  const kakaoBeside = stats.published ? [`발표 published ${published(stats.published.kakao)}`] : [];
  const lines = [
    `신청 claims: ${formatKrwPlain(stats.claims)}`,
    '계열사 affiliate',
    row('카카오 Kakao', kakao, ...kakaoBeside),
    row('기타 계열사 other', share(stats.byAffiliate.other, shares.byAffiliate['other'])),
    ...byBasis(stats, {
      heading: '신청인구분 claimant type',
      keys: CLAIMANT_TYPES,
      labels: CLAIMANT_TYPE_LABELS,
      kakao: stats.bases.kakao.byClaimantType,
      all: stats.bases.all.byClaimantType,
      published: stats.published?.byClaimantType,
    }),
    ...byBasis(stats, {
      heading: '피해유형 damage type',
      keys: DAMAGE_TYPES,
      labels: DAMAGE_TYPE_LABELS,
      kakao: stats.bases.kakao.byDamageType,
      all: stats.bases.all.byDamageType,
      published: stats.published?.byDamageType,
    }),
    '등급 tier (전체 기준 all claims)',
    ...TIERS.map((tier) =>
      row(TIER_LABELS[tier].ko, share(stats.byTier[tier], shares.byTier[tier])),
    ),
    `위원회 심사 review queue: ${stats.reviewQueue.count}건, 신청 합계 ${formatKrw(stats.reviewQueue.totalClaimed)}`,
    `  심사 대기 waiting (최종 결정 전 not finally decided): ${stats.reviewQueue.waiting}건, 결정 decided: ${stats.reviewQueue.decided}건`,
    ...publishedNote(stats),
  ];
  return `${lines.join('\n')}\n`;
}

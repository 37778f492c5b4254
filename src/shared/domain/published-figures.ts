import type { ClaimantType, DamageType } from './claim';
import { formatKrwPlain } from './money';

/*
 * The council's intake figures as it announced them, kept apart from anything the workspace
 * computes: the stats show them beside our own counts, never instead of them. The shares are
 * over the 87,195 Kakao claims, not all 105,116. Each figure stays as printed, even where it
 * does not follow from the others: 87,195 / 105,116 is 82.95%, yet 83.1% was published; the
 * claimant shares were printed as percentages only.
 */

export interface PublishedFigure {
  /** The count as printed; null where only a share was published. */
  count: number | null;
  /** The percentage as printed (20 for "20%"). */
  percent: number;
  /** The announcement gave it as "about". */
  approximate: boolean;
}

export interface PublishedIntake {
  received: number;
  kakao: PublishedFigure;
  byClaimantType: Record<ClaimantType, PublishedFigure>;
  byDamageType: Record<DamageType, PublishedFigure>;
}

const exact = (count: number | null, percent: number): PublishedFigure => ({
  count,
  percent,
  approximate: false,
});

export const PUBLISHED_INTAKE: PublishedIntake = {
  received: 105_116,
  kakao: exact(87_195, 83.1),
  byClaimantType: {
    individual: exact(null, 79.8),
    small_business: exact(null, 20),
    enterprise: exact(null, 0.2),
  },
  byDamageType: {
    paid: exact(14_918, 17.1),
    free_monetary: { count: 13_195, percent: 15.1, approximate: true },
    non_monetary: exact(59_082, 67.8),
  },
};

/**
 * Whether a scope (one batch or the whole workspace) is the council's whole intake, so that
 * the published figures describe the same claims: it holds exactly the 105,116 claims received.
 * Any other scope is some other set of claims, and setting its shares beside the published ones
 * would invite reading meaning into a difference that has none.
 */
export function isWholeIntake(claims: number): boolean {
  return claims === PUBLISHED_INTAKE.received;
}

/**
 * The Kakao share the published counts give (87,195 / 105,116 = 82.95), to two decimals so it
 * visibly differs from the printed 83.1: both are shown, neither corrected.
 */
export function kakaoPercentOfPublishedCounts(): number {
  const { kakao, received } = PUBLISHED_INTAKE;
  return Math.round(((kakao.count ?? 0) / received) * 10_000) / 100;
}

/** "14,918 (17.1%)", "약 13,195 (15.1%)" or "79.8%": as printed, with `about` where it said so. */
export function formatPublishedFigure(figure: PublishedFigure, about: string): string {
  const share = `${String(figure.percent)}%`;
  if (figure.count === null) return share;
  const count = `${figure.approximate ? `${about} ` : ''}${formatKrwPlain(figure.count)}`;
  return `${count} (${share})`;
}

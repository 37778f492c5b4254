import { formatKrwPlain } from '../money';

/*
 * Published estimates run to hundreds of billions, which a reader takes in faster as
 * "5,429억 7,000만" (Korean counts in 만 = 10^4, 억 = 10^8, 조 = 10^12) or "542.97 billion"
 * than as twelve digits. Integer arithmetic only; the exact figure is shown beside it.
 */

const KOREAN_UNITS = [
  { size: 1_000_000_000_000, name: '조' },
  { size: 100_000_000, name: '억' },
  { size: 10_000, name: '만' },
] as const;

function checked(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`not a whole, non-negative amount: ${String(value)}`);
  return value;
}

/** 542_970_000_000 -> "5,429억 7,000만"; 12_345 -> "1만 2,345"; 0 -> "0". */
export function koreanUnits(value: number): string {
  let rest = checked(value);
  const parts: string[] = [];
  for (const unit of KOREAN_UNITS) {
    const whole = Math.floor(rest / unit.size);
    rest -= whole * unit.size;
    if (whole > 0) parts.push(`${formatKrwPlain(whole)}${unit.name}`);
  }
  if (rest > 0 || parts.length === 0) parts.push(formatKrwPlain(rest));
  return parts.join(' ');
}

const ENGLISH_SCALES = [
  { size: 1_000_000_000_000, name: 'trillion' },
  { size: 1_000_000_000, name: 'billion' },
  { size: 1_000_000, name: 'million' },
] as const;

/** 542_970_000_000 -> "542.97 billion"; 3_000_000 -> "3 million"; below a million, grouped digits. */
export function englishScale(value: number): string {
  const amount = checked(value);
  const scale = ENGLISH_SCALES.find((s) => amount >= s.size);
  if (!scale) return formatKrwPlain(amount);
  // Divided by a hundredth of the scale (a whole number), so nothing overflows on the way.
  const hundredths = Math.round(amount / (scale.size / 100));
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  const fraction = cents === 0 ? '' : `.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
  return `${formatKrwPlain(whole)}${fraction} ${scale.name}`;
}

/** "5,000억원" / "500 billion KRW", the way each language reads a large sum. */
export function formatLargeKrw(value: number, locale: 'ko' | 'en'): string {
  return locale === 'ko' ? `${koreanUnits(value)}원` : `${englishScale(value)} KRW`;
}

/** "4,800만 명" / "48 million people". */
export function formatLargeCount(value: number, locale: 'ko' | 'en'): string {
  return locale === 'ko' ? `${koreanUnits(value)} 명` : `${englishScale(value)} people`;
}

import { formatKrw } from '../money';
import type { ProjectedAmount } from './projection';
import type { ProportionInterval } from './wilson';

/** A share as a percent to one decimal ("15.0%"); toFixed is the same on every machine. */
export function percentText(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** "5.2% – 36.0%". */
export function intervalText(interval: ProportionInterval): string {
  return `${percentText(interval.low)} – ${percentText(interval.high)}`;
}

/** "270,000,000원 (93,600,000원 – 648,000,000원)". */
export function projectedText(projected: ProjectedAmount): string {
  return `${formatKrw(projected.point)} (${formatKrw(projected.low)} – ${formatKrw(projected.high)})`;
}

/** The confidence and margin as the council states them: "95% ±3%". */
export function ruleText(confidence: number, margin: number): string {
  const percent = (value: number) => `${Number((value * 100).toFixed(2))}%`;
  return `${percent(confidence)} ±${percent(margin)}`;
}

import { CHART_COLOURS } from '../intake/stats/chart-setup';

/**
 * One colour per bar of the payout chart, shared with the tables' swatches so the tables read
 * as the chart's legend. The open cases' bar is the palest: claimed, not paid.
 */
export const SUMMARY_COLOURS = {
  tier_30k: CHART_COLOURS[0],
  tier_50k: CHART_COLOURS[1],
  committee: CHART_COLOURS[2],
  open: CHART_COLOURS[5],
} as const;

/** The swatch class of a colour (intake.css has one per CHART_COLOURS entry; no inline styles). */
export function swatchClass(colour: string): string {
  return `swatch swatch--${colour.slice(1)}`;
}

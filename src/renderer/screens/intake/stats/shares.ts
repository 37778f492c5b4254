/** A share as a percent with one decimal ("12.3%"); an empty total reads 0.0%. */
export function formatShare(count: number, total: number): string {
  if (total <= 0) return '0.0%';
  return `${(Math.round((count * 1000) / total) / 10).toFixed(1)}%`;
}

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
  colour: string;
}

export function totalOf(rows: readonly BreakdownRow[]): number {
  return rows.reduce((sum, row) => sum + row.count, 0);
}

import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

/**
 * Chart.js, set up once: only the parts the statistics use (tree-shaken), no animation (stable
 * screenshots, calmer screen) and the app's own font and colours. Chart.js 4 draws on canvas
 * and sizes it through element.style, never through inline <style>, so the CSP holds.
 */
Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.animation = false;
Chart.defaults.font.family =
  "'Noto Sans KR', 'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = '#5a6575';
Chart.defaults.borderColor = '#d8dee6';
Chart.defaults.maintainAspectRatio = false;

/** Muted colours from app.css, in an order that keeps neighbours distinguishable. */
export const CHART_COLOURS = [
  '#1f3a5f', // navy-700
  '#0f766e', // teal-700
  '#8a5a00', // warn
  '#6b7fa3',
  '#5fa8a0',
  '#b8c2cf', // border-strong
] as const;

export function colourAt(index: number): string {
  return CHART_COLOURS[index % CHART_COLOURS.length]!;
}

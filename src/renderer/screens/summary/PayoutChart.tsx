import type { ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { formatKrw } from '../../../shared/domain/money';
import {
  BUDGET_ROW_LABELS,
  englishScale,
  koreanUnits,
  type Budget,
  type BudgetRowId,
} from '../../../shared/domain/summary';
import { formatCount } from '../../i18n/format';
import { useLocale, type Locale } from '../../i18n/locale-context';
import '../intake/stats/chart-setup';
import { SUMMARY_COLOURS } from './summary-colours';

const BARS: { id: BudgetRowId; colour: string }[] = [
  { id: 'tier_30k', colour: SUMMARY_COLOURS.tier_30k },
  { id: 'tier_50k', colour: SUMMARY_COLOURS.tier_50k },
  { id: 'committee_paid', colour: SUMMARY_COLOURS.committee },
  { id: 'committee_open', colour: SUMMARY_COLOURS.open },
];

/**
 * KRW by basis as horizontal bars: a secretary sees at a glance which kind of support the money
 * goes to, and how large the still-open claims are beside it (the pale bar, labelled unpaid).
 * The same figures are in the tier table and the headline, for screen readers and copying.
 */
export function PayoutChart({ budget }: { budget: Budget }) {
  const { t, label, locale } = useLocale();
  const bars = BARS.map((bar) => {
    const row = budget.rows.find((r) => r.id === bar.id)!;
    const name =
      bar.id === 'committee_open' ? t('summary.chart.openBar') : label(BUDGET_ROW_LABELS[bar.id]);
    return { ...bar, name, amount: row.amount ?? 0, count: row.count };
  });
  const describe = (item: { dataIndex: number }) => {
    const bar = bars[item.dataIndex];
    if (!bar) return '';
    return ` ${t('summary.chart.tooltip', { amount: formatKrw(bar.amount), count: formatCount(bar.count) })}`;
  };
  const data = {
    labels: bars.map((bar) => bar.name),
    datasets: [
      {
        label: t('summary.chart.title'),
        data: bars.map((bar) => bar.amount),
        backgroundColor: bars.map((bar) => bar.colour),
        borderColor: bars.map((bar) => bar.colour),
        borderWidth: 1,
      },
    ],
  };
  const parts = bars.map((bar) => `${bar.name} ${formatKrw(bar.amount)}`).join(', ');

  return (
    <section
      className="panel"
      data-testid="summary-chart-panel"
      aria-labelledby="summary-chart-title"
    >
      <h2 id="summary-chart-title" className="panel__title">
        {t('summary.chart.title')}
      </h2>
      <div className="chart-box summary-chart">
        <Bar
          data={data}
          options={options(describe, locale)}
          data-testid="summary-chart"
          aria-label={t('summary.chart.label', { parts })}
          role="img"
        />
      </div>
      <p className="summary-note muted">{t('summary.chart.note')}</p>
    </section>
  );
}

/** Axis ticks in the reader's units: "200만" or "2 million" rather than 2,000,000. */
function tickText(value: number | string, locale: Locale): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n) || n < 0) return String(value);
  return locale === 'ko' ? koreanUnits(n) : englishScale(n);
}

function options(
  describe: (item: { dataIndex: number }) => string,
  locale: Locale,
): ChartOptions<'bar'> {
  return {
    responsive: true,
    animation: false,
    indexAxis: 'y',
    scales: {
      x: {
        beginAtZero: true,
        ticks: { precision: 0, callback: (value) => tickText(value, locale) },
      },
      // The bracket names are long in Korean and English: never cut at the canvas edge.
      y: {
        grid: { display: false },
        afterFit: (scale) => (scale.width = Math.max(scale.width, 190)),
      },
    },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: describe } },
    },
  };
}

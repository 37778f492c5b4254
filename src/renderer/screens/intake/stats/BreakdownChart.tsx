import type { ChartOptions } from 'chart.js';
import { Bar, Doughnut } from 'react-chartjs-2';
import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';
import { BreakdownTable } from './BreakdownTable';
import './chart-setup';
import { formatShare, totalOf, type BreakdownRow } from './shares';

export type ChartId = 'tier' | 'claimant' | 'damage' | 'affiliate';

/** The same breakdown over a second base, shown under the chart's own table. */
export interface BreakdownComparison {
  basis: string;
  rows: BreakdownRow[];
}

/**
 * One breakdown: a chart for the eye and, beside it, the same numbers as a table for screen
 * readers, keyboard users and anyone copying figures into minutes. `basis` says which claims
 * the chart counts, since the published shares and ours can be over different claims.
 */
export function BreakdownChart({
  id,
  title,
  basis,
  kind,
  rows,
  published,
  comparison,
  small = false,
}: {
  id: ChartId;
  title: string;
  basis: string;
  kind: 'doughnut' | 'bar';
  rows: BreakdownRow[];
  published?: Partial<Record<string, string>> | undefined;
  comparison?: BreakdownComparison;
  small?: boolean;
}) {
  const t = useT();
  const total = totalOf(rows);
  const describe = (item: { dataIndex: number }) => {
    const count = rows[item.dataIndex]?.count ?? 0;
    return ` ${formatCount(count)} (${formatShare(count, total)})`;
  };
  const data = {
    labels: rows.map((row) => row.label),
    datasets: [
      {
        label: title,
        data: rows.map((row) => row.count),
        backgroundColor: rows.map((row) => row.colour),
        borderColor: kind === 'doughnut' ? '#ffffff' : rows.map((row) => row.colour),
        borderWidth: 1,
      },
    ],
  };
  const canvasProps = {
    'data-testid': `chart-${id}`,
    'aria-label': t('intake.stats.chartLabel', { title }),
  };

  return (
    <figure className={`chart-card${small ? ' chart-card--small' : ''}`}>
      <figcaption className="chart-card__title">
        {title}
        <span className="summary-sub" data-testid={`stats-basis-${id}`}>
          {basis}
        </span>
      </figcaption>
      <div className="chart-card__body">
        <div className={`chart-box chart-box--${kind}`}>
          {kind === 'doughnut' ? (
            <Doughnut data={data} options={doughnutOptions(describe)} {...canvasProps} />
          ) : (
            <Bar data={data} options={barOptions(describe)} {...canvasProps} />
          )}
        </div>
        <BreakdownTable id={id} caption={title} rows={rows} published={published} />
      </div>
      {comparison && (
        <>
          <p className="summary-sub">{comparison.basis}</p>
          <BreakdownTable
            id={`${id}-all`}
            caption={t('intake.stats.comparisonCaption', { title, basis: comparison.basis })}
            rows={comparison.rows}
          />
        </>
      )}
    </figure>
  );
}

type Describe = (item: { dataIndex: number }) => string;

function doughnutOptions(describe: Describe): ChartOptions<'doughnut'> {
  return {
    responsive: true,
    animation: false,
    cutout: '55%',
    plugins: {
      // The table beside the chart carries the same colour swatches, so it is the legend; a
      // drawn legend ran out of room with the longer English labels.
      legend: { display: false },
      tooltip: { callbacks: { label: describe } },
    },
  };
}

function barOptions(describe: Describe): ChartOptions<'bar'> {
  return {
    responsive: true,
    animation: false,
    indexAxis: 'y',
    scales: {
      x: { beginAtZero: true, ticks: { precision: 0 } },
      // Long labels ("Free service, monetary") must not be cut at the canvas edge.
      y: {
        grid: { display: false },
        afterFit: (scale) => (scale.width = Math.max(scale.width, 160)),
      },
    },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: describe } },
    },
  };
}

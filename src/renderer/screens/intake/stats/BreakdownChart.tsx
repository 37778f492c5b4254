import type { ChartOptions } from 'chart.js';
import { Bar, Doughnut } from 'react-chartjs-2';
import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';
import './chart-setup';
import { formatShare, totalOf, type BreakdownRow } from './shares';

export type ChartId = 'tier' | 'claimant' | 'damage' | 'affiliate';

/**
 * One breakdown: a chart for the eye and, beside it, the same numbers as a table for screen
 * readers, keyboard users and anyone copying figures into minutes.
 */
export function BreakdownChart({
  id,
  title,
  kind,
  rows,
  small = false,
}: {
  id: ChartId;
  title: string;
  kind: 'doughnut' | 'bar';
  rows: BreakdownRow[];
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
      <figcaption className="chart-card__title">{title}</figcaption>
      <div className="chart-card__body">
        <div className={`chart-box chart-box--${kind}`}>
          {kind === 'doughnut' ? (
            <Doughnut data={data} options={doughnutOptions(describe)} {...canvasProps} />
          ) : (
            <Bar data={data} options={barOptions(describe)} {...canvasProps} />
          )}
        </div>
        <table className="data-table data-table--compact" data-testid={`stats-table-${id}`}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intake.stats.col.category')}</th>
              <th scope="col" className="num">
                {t('intake.stats.col.count')}
              </th>
              <th scope="col" className="num">
                {t('intake.stats.col.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid={`stats-${id}-${row.key}`}>
                <th scope="row">
                  <span className={`swatch swatch--${row.colour.slice(1)}`} aria-hidden="true" />
                  {row.label}
                </th>
                <td className="num">{formatCount(row.count)}</td>
                <td className="num">{formatShare(row.count, total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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

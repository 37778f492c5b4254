import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';
import { formatShare, totalOf, type BreakdownRow } from './shares';

/**
 * A breakdown's numbers as a table: the chart's legend (its swatches), and the figures for screen
 * readers and for copying into minutes. `published`, when given, is a column of the council's
 * printed figures beside ours, never mixed into them.
 */
export function BreakdownTable({
  id,
  caption,
  rows,
  published,
}: {
  id: string;
  caption: string;
  rows: BreakdownRow[];
  published?: Partial<Record<string, string>> | undefined;
}) {
  const t = useT();
  const total = totalOf(rows);
  return (
    <table className="data-table data-table--compact" data-testid={`stats-table-${id}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('intake.stats.col.category')}</th>
          <th scope="col" className="num">
            {t('intake.stats.col.count')}
          </th>
          <th scope="col" className="num">
            {t('intake.stats.col.share')}
          </th>
          {published && (
            <th scope="col" className="num">
              {t('intake.stats.col.published')}
            </th>
          )}
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
            {published && (
              <td className="num" data-testid={`stats-${id}-${row.key}-published`}>
                {published[row.key] ?? '—'}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

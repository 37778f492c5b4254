import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';

/**
 * A CSV or the first sheet of a workbook, as main read it: every cell already a display string.
 * The first row is taken as the header and stays in view while scrolling; row numbers count
 * from the header as 1, which for a workbook is the sheet's own row number.
 */
export function TableView({
  sheet,
  rows,
  truncated,
}: {
  sheet: string | null;
  rows: string[][];
  truncated: boolean;
}) {
  const t = useT();
  const [header, ...body] = rows;
  const width = Math.max(0, ...rows.map((row) => row.length));
  const cells = (row: string[]) => Array.from({ length: width }, (_, i) => row[i] ?? '');

  return (
    <div className="evidence-view">
      <div className="evidence-infobar">
        {sheet !== null && <span>{t('evidence.table.sheet', { sheet })}</span>}
        <span>{t('evidence.table.rows', { rows: formatCount(rows.length) })}</span>
        {truncated && (
          <span className="evidence-infobar__warning" role="note" data-testid="evidence-truncated">
            {t('evidence.table.truncated', { rows: formatCount(rows.length) })}
          </span>
        )}
      </div>
      {header === undefined ? (
        <p className="evidence-empty">{t('evidence.table.empty')}</p>
      ) : (
        // A named region, so a keyboard user who tabs to it hears what it is. No tabIndex: the
        // wrapper is the scroll container and has nothing focusable inside, so Chromium (since
        // 130; Electron's is newer) makes it a tab stop by itself whenever it overflows.
        <div className="evidence-table-wrap" role="region" aria-label={t('evidence.table.label')}>
          <table className="evidence-table" data-testid="evidence-table">
            <thead>
              <tr>
                <th scope="col" className="evidence-table__rownum">
                  1
                </th>
                {cells(header).map((cell, i) => (
                  <th scope="col" key={i}>
                    {cell}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  <th scope="row" className="evidence-table__rownum">
                    {r + 2}
                  </th>
                  {cells(row).map((cell, i) => (
                    <td key={i} className={/^-?[\d,]+(\.\d+)?$/.test(cell) ? 'num' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

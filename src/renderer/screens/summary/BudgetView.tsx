import { formatKrw } from '../../../shared/domain/money';
import {
  BUDGET_ROW_LABELS,
  formatLargeKrw,
  type Budget,
  type BudgetRow,
} from '../../../shared/domain/summary';
import { formatCount } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';

/**
 * The budget view of docs/domain.md: each kind of support with the workspace's own count and money,
 * and beside it, in its own column and style, the rule or estimate that was published.
 */
export function BudgetView({ budget }: { budget: Budget }) {
  const { t, label, locale } = useLocale();

  const amountCell = (row: BudgetRow) => {
    if (row.kind === 'package')
      return (
        <>
          <span>—</span>
          <span className="summary-sub">{t('summary.budget.packageCount')}</span>
        </>
      );
    const detail =
      row.unitAmount !== null
        ? t('summary.budget.unitTimes', {
            count: formatCount(row.count),
            unit: formatKrw(row.unitAmount),
          })
        : row.kind === 'exposure'
          ? t('summary.budget.exposure')
          : null;
    return (
      <>
        <span data-testid={`budget-${row.id}-amount`}>{formatKrw(row.amount ?? 0)}</span>
        {detail && <span className="summary-sub">{detail}</span>}
        {row.unpriced > 0 && (
          <span className="summary-sub">
            {t('summary.budget.unpriced', { count: formatCount(row.unpriced) })}
          </span>
        )}
      </>
    );
  };

  const total = (id: string, text: string, count: number | null, amount: number) => (
    <tr data-testid={`budget-${id}`} className={id === 'to-pay' ? 'summary-table__lead' : ''}>
      <th scope="row">{text}</th>
      <td className="num">{count === null ? '' : formatCount(count)}</td>
      <td className="num" data-testid={`budget-${id}-amount`}>
        {formatKrw(amount)}
      </td>
      <td className="summary-published" />
    </tr>
  );

  return (
    <section className="panel" data-testid="summary-budget" aria-labelledby="summary-budget-title">
      <h2 id="summary-budget-title" className="panel__title">
        {t('summary.budget.title')}
      </h2>
      <p className="summary-intro muted">{t('summary.budget.intro')}</p>
      <div className="table-scroll">
        <table className="data-table summary-table summary-budget">
          <caption className="visually-hidden">{t('summary.budget.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('summary.budget.row')}
              </th>
              <th scope="colgroup" colSpan={2} className="summary-budget__group">
                {t('summary.budget.workspace')}
              </th>
              <th scope="col" rowSpan={2} className="summary-published">
                {t('summary.budget.published')}
              </th>
            </tr>
            <tr>
              <th scope="col" className="num">
                {t('summary.budget.count')}
              </th>
              <th scope="col" className="num">
                {t('summary.budget.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {budget.rows.map((row) => (
              <tr key={row.id} data-testid={`budget-${row.id}`} data-kind={row.kind}>
                <th scope="row">{label(BUDGET_ROW_LABELS[row.id])}</th>
                <td className="num">{formatCount(row.count)}</td>
                <td className="num summary-stack">{amountCell(row)}</td>
                {/* The council's two rows share one published rule: one cell spans both. */}
                {row.id !== 'committee_open' && (
                  <td
                    className="summary-published wrap"
                    rowSpan={row.id === 'committee_paid' ? 2 : undefined}
                  >
                    <span>{label(row.published)}</span>
                    {row.publishedAmount !== null && (
                      <strong
                        className="summary-sub summary-sub--published"
                        title={formatKrw(row.publishedAmount)}
                      >
                        {t('summary.budget.publishedAmount', {
                          amount: formatLargeKrw(row.publishedAmount, locale),
                        })}
                      </strong>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {total('to-pay', t('summary.budget.toPay'), budget.toPayCount, budget.toPay)}
            {total(
              'open-exposure',
              t('summary.budget.openExposure'),
              budget.rows.find((row) => row.id === 'committee_open')?.count ?? 0,
              budget.openExposure,
            )}
            {total('ceiling', t('summary.budget.ceiling'), null, budget.ceiling)}
          </tfoot>
        </table>
      </div>
    </section>
  );
}

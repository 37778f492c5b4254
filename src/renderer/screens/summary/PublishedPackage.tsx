import { formatKrw } from '../../../shared/domain/money';
import {
  formatLargeCount,
  formatLargeKrw,
  PACKAGE_ITEM_LABELS,
  PUBLISHED_PACKAGE_CONTENTS,
  PUBLISHED_PACKAGE_ITEMS,
  PUBLISHED_PACKAGE_SOURCE,
  PUBLISHED_PACKAGE_TOTAL,
  PUBLISHED_PACKAGE_USERS,
  publishedItemsTotal,
} from '../../../shared/domain/summary';
import { formatCount } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { PanelHead } from '../../components/PanelHead';

/**
 * The published general-user package estimate, item by item with its source sentence. Styled
 * and labelled as a published reference so no one reads it as something the workspace owes.
 */
export function PublishedPackage({ packageClaims }: { packageClaims: number }) {
  const { t, label, locale } = useLocale();
  const large = (amount: number) => formatLargeKrw(amount, locale);
  const itemsTotal = publishedItemsTotal();

  return (
    <section
      className="panel summary-reference"
      data-testid="summary-published-package"
      aria-labelledby="summary-package-title"
    >
      <PanelHead titleId="summary-package-title" title={t('summary.package.title')}>
        <span className="badge summary-reference__badge">{t('summary.package.label')}</span>
      </PanelHead>
      <p className="summary-intro">
        {t('summary.package.contents', { contents: label(PUBLISHED_PACKAGE_CONTENTS) })}
      </p>
      <div className="table-scroll summary-reference__table">
        <table className="data-table summary-table">
          <caption className="visually-hidden">{t('summary.package.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summary.package.item')}</th>
              <th scope="col">{t('summary.package.basis')}</th>
              <th scope="col" className="num">
                {t('summary.package.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {PUBLISHED_PACKAGE_ITEMS.map((item) => (
              <tr key={item.id} data-testid={`package-${item.id}`}>
                <th scope="row">{label(PACKAGE_ITEM_LABELS[item.id])}</th>
                <td>
                  {item.unit !== null && item.recipients !== null
                    ? t('summary.package.unitTimes', {
                        unit: formatKrw(item.unit),
                        people: formatLargeCount(item.recipients, locale),
                      })
                    : '—'}
                </td>
                <td className="num" title={formatKrw(item.amount)}>
                  {item.approximate
                    ? t('summary.package.about', { amount: large(item.amount) })
                    : large(item.amount)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="package-items-total">
              <th scope="row">{t('summary.package.itemsTotal')}</th>
              <td />
              <td className="num" title={formatKrw(itemsTotal)}>
                {t('summary.package.about', { amount: large(itemsTotal) })}
              </td>
            </tr>
            <tr data-testid="package-headline">
              <th scope="row">{t('summary.package.headline')}</th>
              <td>{formatLargeCount(PUBLISHED_PACKAGE_USERS, locale)}</td>
              <td className="num" title={formatKrw(PUBLISHED_PACKAGE_TOTAL)}>
                {t('summary.package.about', { amount: large(PUBLISHED_PACKAGE_TOTAL) })}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="summary-note muted">
        {t('summary.package.roundedNote', {
          items: large(itemsTotal),
          headline: large(PUBLISHED_PACKAGE_TOTAL),
        })}
      </p>
      <figure className="summary-source">
        <figcaption className="summary-source__label">{t('summary.package.source')}</figcaption>
        <blockquote lang={locale} data-testid="package-source">
          {label(PUBLISHED_PACKAGE_SOURCE)}
        </blockquote>
      </figure>
      <p className="summary-note" data-testid="package-claims">
        {t('summary.package.claims', { count: formatCount(packageClaims) })}
      </p>
    </section>
  );
}

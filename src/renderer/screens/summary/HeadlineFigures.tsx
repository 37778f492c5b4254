import { formatKrw } from '../../../shared/domain/money';
import type { SecretarySummary } from '../../../shared/ipc/payouts-schemas';
import { formatCount } from '../../i18n/format';
import { useT } from '../../i18n/locale-context';

/** The four figures a secretary is asked for first: what is paid, to how many, what is open. */
export function HeadlineFigures({ summary }: { summary: SecretarySummary }) {
  const t = useT();
  const { ledger, committee } = summary;
  const figures = [
    {
      id: 'to-pay',
      label: t('summary.headline.toPay'),
      value: formatKrw(ledger.total),
      hint: t('summary.headline.toPayHint'),
    },
    {
      id: 'count',
      label: t('summary.headline.count'),
      value: formatCount(ledger.count),
      hint: t('summary.headline.claims', { count: formatCount(summary.claims) }),
    },
    {
      id: 'open',
      label: t('summary.headline.open'),
      value: formatCount(committee.open.count),
      hint: t('summary.headline.openHint'),
    },
    {
      id: 'exposure',
      label: t('summary.headline.exposure'),
      value: formatKrw(committee.open.claimedTotal),
      hint: t('summary.headline.exposureHint'),
    },
  ];
  return (
    <dl className="stat-grid summary-headline">
      {figures.map((figure) => (
        <div
          key={figure.id}
          className={`stat${figure.id === 'to-pay' ? ' stat--lead' : ''}`}
          data-testid={`summary-${figure.id}`}
        >
          <dt className="stat__label">{figure.label}</dt>
          <dd className="stat__value num" data-testid={`summary-${figure.id}-value`}>
            {figure.value}
          </dd>
          <dd className="stat__hint">{figure.hint}</dd>
        </div>
      ))}
    </dl>
  );
}

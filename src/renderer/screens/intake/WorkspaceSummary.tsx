import type { ResponseOf } from '../../../shared/ipc/contract';
import { formatKrw } from '../../../shared/domain/money';
import { formatCount } from '../../i18n/format';
import { useT } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/ko';
import { Button } from '../../components/Button';

type Summary = ResponseOf<'workspace:counts'>;

export function WorkspaceSummary({
  summary,
  onOpenReview,
}: {
  summary: Summary;
  onOpenReview: () => void;
}) {
  const t = useT();
  const figures: { key: string; label: MessageKey; value: string }[] = [
    { key: 'batches', label: 'intake.batches', value: formatCount(summary.batches) },
    { key: 'claims', label: 'intake.claims', value: formatCount(summary.claims) },
    {
      key: 'review-queue',
      label: 'intake.reviewQueue',
      value: formatCount(summary.reviewQueue),
    },
    { key: 'decided', label: 'intake.decided', value: formatCount(summary.decided) },
    {
      key: 'review-total',
      label: 'intake.reviewQueueTotal',
      value: formatKrw(summary.reviewQueueClaimedTotal),
    },
  ];

  return (
    <div className="panel" data-testid="workspace-summary">
      <h2 className="panel__title">{t('intake.summary')}</h2>
      <dl className="stat-grid">
        {figures.map((figure) => (
          <div className="stat" key={figure.key} data-testid={`summary-${figure.key}`}>
            <dt className="stat__label">{t(figure.label)}</dt>
            <dd className="stat__value num">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <Button variant="primary" onClick={onOpenReview}>
        {t('intake.openReview')}
      </Button>
    </div>
  );
}

import type { ClaimDetail } from '../../../shared/ipc/schemas';
import { formatCount } from '../../i18n/format';
import { useT } from '../../i18n/locale-context';

type Evidence = ClaimDetail['evidence'][number];

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const t = useT();
  return (
    <section className="detail__section" data-testid="evidence-list">
      <h3 className="detail__subtitle">
        {t('detail.evidence', { count: formatCount(evidence.length) })}
      </h3>
      {evidence.length === 0 ? (
        <p className="muted">{t('detail.evidence.none')}</p>
      ) : (
        <ul className="evidence">
          {evidence.map((item, index) => (
            <li
              key={`${index}-${item.fileName}`}
              className={`evidence__item evidence__item--${item.status}`}
              data-testid="evidence-item"
              data-status={item.status}
              // main's problem text is English diagnostics, so it stays a tooltip, not body text.
              title={item.problem ?? undefined}
            >
              <span className="evidence__name mono">{item.fileName}</span>
              <span className={`badge badge--evidence-${item.status}`}>
                {t(`evidence.status.${item.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { OUTCOME_LABELS, REASON_LABELS } from '../../../shared/domain/decision';
import { formatKrw } from '../../../shared/domain/money';
import type { DecisionRecordDto } from '../../../shared/ipc/schemas';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';

/**
 * Whose word each entry is: the council's (confirmed in a meeting, or an amendment the chair
 * co-signed) or a member's view recorded outside a meeting, which is never paid.
 */
function authorityOf(decision: DecisionRecordDto, cosigned: readonly number[]) {
  if (decision.meetingId !== null) return 'meeting' as const;
  return cosigned.includes(decision.id) ? ('amendment' as const) : ('view' as const);
}

/** Oldest first, as main sends it: the chain reads top to bottom, the current decision last. */
export function DecisionHistory({
  decisions,
  cosignedDecisionIds,
}: {
  decisions: DecisionRecordDto[];
  cosignedDecisionIds: readonly number[];
}) {
  const { t, label, locale } = useLocale();
  return (
    <section
      className="detail__section"
      data-testid="decision-history"
      aria-labelledby="decision-history-title"
    >
      <h3 id="decision-history-title" className="detail__subtitle">
        {t('review.history.title')}
      </h3>
      {decisions.length === 0 ? (
        <p className="muted">{t('review.history.empty')}</p>
      ) : (
        <ol className="history">
          {decisions.map((decision) => (
            <li
              key={decision.id}
              className="history__item"
              data-testid={`decision-${decision.id}`}
              data-outcome={decision.outcome}
            >
              <div className="history__head">
                <span className="history__id mono">#{decision.id}</span>
                <span className={`badge badge--outcome-${decision.outcome}`}>
                  {label(OUTCOME_LABELS[decision.outcome])}
                </span>
                <span
                  className={`history__authority history__authority--${authorityOf(decision, cosignedDecisionIds)}`}
                  data-testid={`decision-${decision.id}-authority`}
                >
                  {t(`review.history.authority.${authorityOf(decision, cosignedDecisionIds)}`)}
                </span>
                {decision.replacesId !== null && (
                  <span className="history__replaces">
                    {t('review.history.replaces', { id: decision.replacesId })}
                  </span>
                )}
              </div>
              <dl className="history__facts">
                {decision.amount !== null && (
                  <>
                    <dt>{t('review.history.amount')}</dt>
                    <dd className="num">{formatKrw(decision.amount)}</dd>
                  </>
                )}
                {decision.reasonCodes.length > 0 && (
                  <>
                    <dt>{t('review.history.reasons')}</dt>
                    <dd>
                      {decision.reasonCodes.map((code) => label(REASON_LABELS[code])).join(', ')}
                    </dd>
                  </>
                )}
                {decision.note !== '' && (
                  <>
                    <dt>{t('review.history.note')}</dt>
                    <dd className="pre-wrap">{decision.note}</dd>
                  </>
                )}
                {decision.amendmentReason !== null && (
                  <>
                    <dt>{t('review.history.amendmentReason')}</dt>
                    <dd className="pre-wrap">{decision.amendmentReason}</dd>
                  </>
                )}
              </dl>
              <p className="history__by muted">
                {t('review.history.by', {
                  who: decision.decidedBy,
                  when: formatDateTime(decision.decidedAt, locale),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

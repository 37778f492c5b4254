import { forwardRef } from 'react';
import { AUDIT_ACTION_LABELS, isKnownAuditAction } from '../../../../shared/domain/audit-actions';
import { OUTCOME_LABELS, type Outcome } from '../../../../shared/domain/decision';
import { formatKrw } from '../../../../shared/domain/money';
import type { HistoryEvent } from '../../../../shared/ipc/review-schemas';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';

/** A line of detail under an event: what was viewed, decided or calculated. */
function useEventSummary() {
  const { t, label } = useLocale();
  return (event: HistoryEvent): string | null => {
    const d = event.details;
    switch (event.action) {
      case 'evidence.viewed':
        return typeof d.fileName === 'string' ? d.fileName : null;
      case 'support.calculated':
      case 'claim.recommended':
        return typeof d.recommended === 'number'
          ? `${formatKrw(d.recommended)} (v${String(d.policyVersion)})`
          : null;
      case 'decision.recorded':
      case 'decision.followed_up':
      case 'decision.amended': {
        const outcome = d.outcome as Outcome | undefined;
        const amount = typeof d.amount === 'number' ? ` ${formatKrw(d.amount)}` : '';
        return outcome && OUTCOME_LABELS[outcome]
          ? `${label(OUTCOME_LABELS[outcome])}${amount}`
          : null;
      }
      case 'evidence.attached':
        return Array.isArray(d.files) && typeof d.source === 'string'
          ? t('review.timeline.filesAttached', { count: d.files.length, source: d.source })
          : null;
      case 'batch.imported':
        return typeof d.file === 'string' ? d.file : null;
      case 'appeal.filed':
        return typeof d.grounds === 'string' ? d.grounds : null;
      case 'appeal.admitted':
      case 'appeal.rejected':
        return typeof d.reason === 'string' ? d.reason : null;
      default:
        return null;
    }
  };
}

/**
 * The claim's life as the audit log has it. Reloaded by its parent (via `version`) after
 * anything that writes an entry, so the timeline never lags behind the screen.
 */
export const ClaimTimeline = forwardRef<HTMLElement, { claimId: string; version: number }>(
  function ClaimTimeline({ claimId, version }, ref) {
    const { t, label, locale } = useLocale();
    const { state, reload } = useApi(api.claims.history, { claimId }, version);
    const summary = useEventSummary();
    return (
      <section
        ref={ref}
        tabIndex={-1}
        className="detail__section"
        aria-labelledby="timeline-title"
        data-testid="claim-timeline"
      >
        <h3 id="timeline-title" className="detail__subtitle">
          {t('review.timeline.title')}
        </h3>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
        {state.status === 'ready' && (
          <ol className="timeline">
            {state.value.events.map((event) => (
              <li key={event.seq} className="timeline__item" data-action={event.action}>
                <span className="timeline__dot" aria-hidden="true" />
                <div>
                  <div className="timeline__head">
                    <strong>
                      {isKnownAuditAction(event.action)
                        ? label(AUDIT_ACTION_LABELS[event.action])
                        : event.action}
                    </strong>
                    <span className="muted">
                      {formatDateTime(event.at, locale)} · {event.actor}
                    </span>
                  </div>
                  {summary(event) && <div className="timeline__detail">{summary(event)}</div>}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    );
  },
);

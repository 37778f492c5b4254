import { OUTCOME_LABELS, REASON_LABELS } from '../../../../shared/domain/decision';
import { formatKrw } from '../../../../shared/domain/money';
import type { ClaimRecommendationDto } from '../../../../shared/ipc/recommendation-schemas';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { roleLabel } from '../../../i18n/role-label';
import { agreementSentence } from './agreement-text';

/** What a recommendation says for comparing: the outcome, and the amount where one is taken. */
const opinionOf = (rec: Pick<ClaimRecommendationDto, 'outcome' | 'amount'>) =>
  `${rec.outcome}:${rec.amount ?? ''}`;

/**
 * The opinion most members share, when exactly one group is largest; a tie has no majority,
 * so nobody is marked as differing from it.
 */
function majorityOpinion(recs: ClaimRecommendationDto[]): string | null {
  const sizes = new Map<string, number>();
  for (const rec of recs) sizes.set(opinionOf(rec), (sizes.get(opinionOf(rec)) ?? 0) + 1);
  const sorted = [...sizes.entries()].sort((a, b) => b[1] - a[1]);
  return sorted.length > 1 && sorted[0]![1] === sorted[1]![1] ? null : sorted[0]![0];
}

/**
 * "위원 의견" in the claim detail: each member's latest recommendation on the claim as the
 * secretary imported it, and how they stand. In a conflict the section and the members who
 * differ from the majority are marked, in colour and in words.
 */
export function MemberRecommendations({ claimId, version }: { claimId: string; version: number }) {
  const { t, label, locale } = useLocale();
  const { state, reload } = useApi(api.recommendations.forClaim, { claimId }, version);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const { agreement, split, recommendations } = state.value;
  const majority = agreement === 'conflict' ? majorityOpinion(recommendations) : null;
  return (
    <section
      className={`detail__section member-recs member-recs--${agreement}`}
      data-testid="member-recommendations"
      data-agreement={agreement}
      aria-labelledby="member-recs-title"
    >
      <h3 id="member-recs-title" className="detail__subtitle">
        {t('recommendations.detail.title')}
      </h3>
      <p className="member-recs__agreement" data-testid="member-recommendations-agreement">
        {agreementSentence(t, agreement, split)}
      </p>
      {recommendations.length > 0 && (
        <ul className="member-recs__list">
          {recommendations.map((rec) => {
            const differs = majority !== null && opinionOf(rec) !== majority;
            return (
              <li
                key={rec.member}
                className={`member-recs__item ${differs ? 'member-recs__item--differs' : ''}`}
                data-testid="member-recommendation"
                data-member={rec.member}
                data-outcome={rec.outcome}
              >
                <div className="member-recs__head">
                  <strong>{rec.member}</strong>
                  <span className="muted">
                    {rec.role === null ? t('recommendations.roleUnknown') : roleLabel(t, rec.role)}
                  </span>
                  <span className={`badge badge--outcome-${rec.outcome}`}>
                    {label(OUTCOME_LABELS[rec.outcome])}
                  </span>
                  {rec.amount !== null && <span className="num">{formatKrw(rec.amount)}</span>}
                  {differs && (
                    <span className="member-recs__differs">
                      {t('recommendations.detail.differs')}
                    </span>
                  )}
                </div>
                {(rec.reasonCodes.length > 0 || rec.note !== '') && (
                  <dl className="history__facts">
                    {rec.reasonCodes.length > 0 && (
                      <>
                        <dt>{t('recommendations.detail.reasons')}</dt>
                        <dd>{rec.reasonCodes.map((c) => label(REASON_LABELS[c])).join(', ')}</dd>
                      </>
                    )}
                    {rec.note !== '' && (
                      <>
                        <dt>{t('recommendations.detail.note')}</dt>
                        <dd className="pre-wrap">{rec.note}</dd>
                      </>
                    )}
                  </dl>
                )}
                <p className="muted member-recs__signed">
                  {t('recommendations.detail.signed', {
                    when: formatDateTime(rec.signedAt, locale),
                    fingerprint: rec.fingerprint,
                  })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

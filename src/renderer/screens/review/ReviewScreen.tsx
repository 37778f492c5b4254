import { useState } from 'react';
import { TIERS, TIER_LABELS, type Tier } from '../../../shared/domain/tier';
import { client } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { formatCount } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { ClaimDetailPanel } from './ClaimDetailPanel';
import { ClaimTable } from './ClaimTable';

const ALL_TIERS = 'all';
type TierFilter = Tier | typeof ALL_TIERS;

export function ReviewScreen() {
  const { t, label } = useLocale();
  // The committee's own queue is what a member opens this screen for.
  const [tier, setTier] = useState<TierFilter>('committee_review');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { state, reload } = useApi(client.listClaims, tier === ALL_TIERS ? {} : { tier });

  return (
    <section className="screen screen--review">
      <ScreenHeader
        title={t('review.title')}
        actions={
          <>
            <label className="inline-field">
              <span className="inline-field__label">{t('review.filter.tier')}</span>
              <select
                className="select"
                data-testid="tier-filter"
                value={tier}
                onChange={(event) => setTier(event.target.value as TierFilter)}
              >
                <option value={ALL_TIERS}>{t('review.filter.allTiers')}</option>
                {TIERS.map((option) => (
                  <option key={option} value={option}>
                    {label(TIER_LABELS[option])}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--secondary" onClick={reload}>
              {t('common.refresh')}
            </button>
          </>
        }
      />
      <div className="review-layout">
        <div className="review-layout__list">
          {state.status === 'loading' && <Loading />}
          {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
          {state.status === 'ready' && (
            <>
              <p className="muted" data-testid="claim-count">
                {t('review.shown', {
                  shown: formatCount(state.value.claims.length),
                  total: formatCount(state.value.total),
                })}
              </p>
              {state.value.claims.length === 0 ? (
                <p className="empty-inline" data-testid="claims-empty">
                  {t('review.empty')}
                </p>
              ) : (
                <ClaimTable
                  claims={state.value.claims}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                />
              )}
            </>
          )}
        </div>
        <div className="review-layout__detail">
          {selectedId === null ? (
            <p className="empty-inline">{t('review.noSelection')}</p>
          ) : (
            <ClaimDetailPanel
              key={selectedId}
              claimId={selectedId}
              onClose={() => setSelectedId(null)}
              onDecisionSaved={reload}
            />
          )}
        </div>
      </div>
    </section>
  );
}

import { useState } from 'react';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import {
  CLAIMANT_TYPE_LABELS,
  CLAIMANT_TYPES,
  DAMAGE_TYPE_LABELS,
  DAMAGE_TYPES,
} from '../../../../shared/domain/claim';
import { formatKrw } from '../../../../shared/domain/money';
import { TIER_LABELS, TIERS } from '../../../../shared/domain/tier';
import type { Stats } from '../../../../shared/ipc/stats-schemas';
import { formatCount } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import type { BatchSummary } from '../BatchList';
import { BreakdownChart } from './BreakdownChart';
import { colourAt } from './chart-setup';
import type { BreakdownRow } from './shares';
import { SelectField } from '../../../components/Field';
import { PanelHead } from '../../../components/PanelHead';

const WHOLE_WORKSPACE = '';

/** Counts and shares for the whole workspace or one batch, as charts with tables beside them. */
export function StatsPanel({ batches }: { batches: BatchSummary[] }) {
  const { t } = useLocale();
  const [batchId, setBatchId] = useState<number | null>(null);
  const { state, reload } = useApi(api.stats.get, batchId === null ? {} : { batchId });

  return (
    <section className="panel" data-testid="stats-panel" aria-labelledby="stats-title">
      <PanelHead titleId="stats-title" title={t('intake.stats.title')}>
        <SelectField
          label={t('intake.stats.scope')}
          inline
          testId="stats-batch"
          value={batchId === null ? WHOLE_WORKSPACE : String(batchId)}
          onChange={(value) => setBatchId(value === WHOLE_WORKSPACE ? null : Number(value))}
        >
          <option value={WHOLE_WORKSPACE}>{t('intake.stats.wholeWorkspace')}</option>
          {batches.map((batch) => (
            <option key={batch.id} value={String(batch.id)}>
              {t('intake.stats.batchOption', { id: batch.id, name: batch.name })}
            </option>
          ))}
        </SelectField>
      </PanelHead>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <ErrorNotice error={state.error} onRetry={reload} testId="stats-error" />
      )}
      {state.status === 'ready' && <StatsBody stats={state.value} />}
    </section>
  );
}

function StatsBody({ stats }: { stats: Stats }) {
  const { t, label } = useLocale();
  const rows = <K extends string>(
    keys: readonly K[],
    counts: Record<K, number>,
    name: (key: K) => string,
  ): BreakdownRow[] =>
    keys.map((key, i) => ({ key, label: name(key), count: counts[key], colour: colourAt(i) }));

  return (
    <>
      <dl className="stat-grid">
        <div className="stat" data-testid="stats-claims">
          <dt className="stat__label">{t('intake.stats.claims')}</dt>
          <dd className="stat__value num">{formatCount(stats.claims)}</dd>
        </div>
        <div className="stat" data-testid="stats-review-queue">
          <dt className="stat__label">{t('intake.reviewQueue')}</dt>
          <dd className="stat__value num">{formatCount(stats.reviewQueue.count)}</dd>
        </div>
        <div className="stat" data-testid="stats-review-total">
          <dt className="stat__label">{t('intake.reviewQueueTotal')}</dt>
          <dd className="stat__value num">{formatKrw(stats.reviewQueue.totalClaimed)}</dd>
        </div>
      </dl>
      <div className="chart-grid">
        <BreakdownChart
          id="tier"
          kind="doughnut"
          title={t('intake.stats.byTier')}
          rows={rows(TIERS, stats.byTier, (tier) => label(TIER_LABELS[tier]))}
        />
        <BreakdownChart
          id="claimant"
          kind="bar"
          title={t('intake.stats.byClaimant')}
          rows={rows(CLAIMANT_TYPES, stats.byClaimantType, (type) =>
            label(CLAIMANT_TYPE_LABELS[type]),
          )}
        />
        <BreakdownChart
          id="damage"
          kind="bar"
          title={t('intake.stats.byDamage')}
          rows={rows(DAMAGE_TYPES, stats.byDamageType, (type) => label(DAMAGE_TYPE_LABELS[type]))}
        />
        <BreakdownChart
          id="affiliate"
          kind="bar"
          small
          title={t('intake.stats.byAffiliate')}
          rows={rows(['kakao', 'other'] as const, stats.byAffiliate, (key) =>
            t(`intake.stats.affiliate.${key}`),
          )}
        />
      </div>
    </>
  );
}

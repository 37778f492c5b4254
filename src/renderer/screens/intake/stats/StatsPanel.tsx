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
  type ClaimantType,
  type DamageType,
} from '../../../../shared/domain/claim';
import {
  formatPublishedFigure,
  type PublishedFigure,
} from '../../../../shared/domain/published-figures';
import { TIER_LABELS, TIERS } from '../../../../shared/domain/tier';
import type { Stats } from '../../../../shared/ipc/stats-schemas';
import { formatCount } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import type { BatchSummary } from '../BatchList';
import { BreakdownChart } from './BreakdownChart';
import { StatsHeadline } from './StatsHeadline';
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

type Shares<K extends string> = Record<K, { count: number }>;

const countsOf = <K extends string>(shares: Shares<K>) =>
  Object.fromEntries(
    Object.entries<{ count: number }>(shares).map(([k, v]) => [k, v.count]),
  ) as Record<K, number>;

/**
 * Claimant and damage types are charted over Kakao's own claims, the base of the council's
 * published shares, with the same breakdown over every claim under each chart; tiers and
 * affiliates are over every claim. Each chart names its base.
 */
function StatsBody({ stats }: { stats: Stats }) {
  const { t, label } = useLocale();
  const rows = <K extends string>(
    keys: readonly K[],
    counts: Record<K, number>,
    name: (key: K) => string,
  ): BreakdownRow[] =>
    keys.map((key, i) => ({ key, label: name(key), count: counts[key], colour: colourAt(i) }));
  const about = t('intake.stats.about');
  const asPublished = <K extends string>(figures: Record<K, PublishedFigure> | undefined) =>
    figures &&
    Object.fromEntries(
      Object.entries<PublishedFigure>(figures).map(([key, figure]) => [
        key,
        formatPublishedFigure(figure, about),
      ]),
    );
  const { kakao, all } = stats.bases;
  const kakaoBasis = t('intake.stats.basis.kakao', { count: formatCount(kakao.claims) });
  const allBasis = t('intake.stats.basis.all', { count: formatCount(all.claims) });
  const claimantName = (type: ClaimantType) => label(CLAIMANT_TYPE_LABELS[type]);
  const damageName = (type: DamageType) => label(DAMAGE_TYPE_LABELS[type]);

  return (
    <>
      <StatsHeadline stats={stats} />
      <div className="chart-grid">
        <BreakdownChart
          id="tier"
          kind="doughnut"
          title={t('intake.stats.byTier')}
          basis={allBasis}
          rows={rows(TIERS, stats.byTier, (tier) => label(TIER_LABELS[tier]))}
        />
        <BreakdownChart
          id="claimant"
          kind="bar"
          title={t('intake.stats.byClaimant')}
          basis={kakaoBasis}
          rows={rows(CLAIMANT_TYPES, countsOf(kakao.byClaimantType), claimantName)}
          published={asPublished(stats.published?.byClaimantType)}
          comparison={{
            basis: allBasis,
            rows: rows(CLAIMANT_TYPES, countsOf(all.byClaimantType), claimantName),
          }}
        />
        <BreakdownChart
          id="damage"
          kind="bar"
          title={t('intake.stats.byDamage')}
          basis={kakaoBasis}
          rows={rows(DAMAGE_TYPES, countsOf(kakao.byDamageType), damageName)}
          published={asPublished(stats.published?.byDamageType)}
          comparison={{
            basis: allBasis,
            rows: rows(DAMAGE_TYPES, countsOf(all.byDamageType), damageName),
          }}
        />
        <BreakdownChart
          id="affiliate"
          kind="bar"
          small
          title={t('intake.stats.byAffiliate')}
          basis={allBasis}
          rows={rows(['kakao', 'other'] as const, stats.byAffiliate, (key) =>
            t(`intake.stats.affiliate.${key}`),
          )}
          published={asPublished(stats.published ? { kakao: stats.published.kakao } : undefined)}
        />
      </div>
    </>
  );
}

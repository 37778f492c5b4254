import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { budgetOf } from '../../../shared/domain/summary';
import type { SecretarySummary } from '../../../shared/ipc/payouts-schemas';
import { useLocale } from '../../i18n/locale-context';
import { BudgetView } from './BudgetView';
import { CommitteeFigures } from './CommitteeFigures';
import { HeadlineFigures } from './HeadlineFigures';
import { LedgerExportPanel } from './LedgerExportPanel';
import { PayoutChart } from './PayoutChart';
import { PublishedPackage } from './PublishedPackage';
import { TierTable } from './TierTable';
import { SamplingPanel } from '../sampling/SamplingPanel';
import { SelectField } from '../../components/Field';

const WHOLE_WORKSPACE = '';

/**
 * The secretary's payout summary (지급 요약): what the workspace or one batch pays, where the
 * council's cases stand, the budget beside the published figures, and the ledger's export.
 * Every figure comes from main's summary, whose money is the payout ledger's own.
 */
export function SummaryScreen() {
  const { t } = useLocale();
  const [batchId, setBatchId] = useState<number | null>(null);
  const batches = useApi(api.intake.batches, undefined);
  const summary = useApi(api.payouts.summary, batchId === null ? {} : { batchId });
  const list = batches.state.status === 'ready' ? batches.state.value.batches : [];
  const chosen = list.find((batch) => batch.id === batchId);
  const scopeName =
    chosen === undefined
      ? t('summary.scope.all')
      : t('summary.scope.batch', { id: chosen.id, name: chosen.name });

  const picker = (
    <SelectField
      label={t('summary.scope')}
      inline
      testId="summary-batch"
      value={batchId === null ? WHOLE_WORKSPACE : String(batchId)}
      onChange={(value) => setBatchId(value === WHOLE_WORKSPACE ? null : Number(value))}
    >
      <option value={WHOLE_WORKSPACE}>{t('summary.scope.all')}</option>
      {list.map((batch) => (
        <option key={batch.id} value={String(batch.id)}>
          {t('summary.scope.batch', { id: batch.id, name: batch.name })}
        </option>
      ))}
    </SelectField>
  );

  return (
    <section className="screen" data-testid="summary-screen">
      <ScreenHeader title={t('summary.title')} actions={picker} />
      {batches.state.status === 'error' && (
        <ErrorNotice error={batches.state.error} onRetry={batches.reload} />
      )}
      {summary.state.status === 'loading' && <Loading />}
      {summary.state.status === 'error' && (
        <ErrorNotice error={summary.state.error} onRetry={summary.reload} testId="summary-error" />
      )}
      {summary.state.status === 'ready' && (
        <SummaryBody summary={summary.state.value} scopeName={scopeName} />
      )}
    </section>
  );
}

function SummaryBody({ summary, scopeName }: { summary: SecretarySummary; scopeName: string }) {
  const { t } = useLocale();
  const budget = budgetOf(summary);
  return (
    <>
      {summary.claims === 0 && (
        <p className="notice notice--info" data-testid="summary-empty">
          {t('summary.empty')}
        </p>
      )}
      <HeadlineFigures summary={summary} />
      <div className="summary-columns">
        <TierTable summary={summary} budget={budget} />
        <PayoutChart budget={budget} />
      </div>
      <div className="summary-columns">
        <CommitteeFigures summary={summary} />
        <LedgerExportPanel batchId={summary.batch?.id ?? null} scopeName={scopeName} />
      </div>
      <BudgetView budget={budget} />
      <SamplingPanel />
      <PublishedPackage packageClaims={budget.packageClaims} />
    </>
  );
}

import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { BatchList } from './BatchList';
import { StatsPanel } from './stats/StatsPanel';

/** Statistics and the batch list share one intake:batches answer. */
export function BatchOverview({ onImportFixes }: { onImportFixes: (batchId: number) => void }) {
  const { state, reload } = useApi(api.intake.batches, undefined);
  const batches = state.status === 'ready' ? state.value.batches : [];
  return (
    <>
      <StatsPanel batches={batches} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <ErrorNotice error={state.error} onRetry={reload} testId="batch-list-error" />
      )}
      {state.status === 'ready' && (
        <BatchList batches={batches} onImportFixes={onImportFixes} onChanged={reload} />
      )}
    </>
  );
}

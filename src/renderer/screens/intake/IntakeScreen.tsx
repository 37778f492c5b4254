import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { ScreenId } from '../../app/screens';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import type { ImportRequest } from '../../../shared/ipc/intake-schemas';
import { useT } from '../../i18n/locale-context';
import { BatchOverview } from './BatchOverview';
import { EmptyWorkspace } from './EmptyWorkspace';
import { ImportPanel } from './import/ImportPanel';
import { ImportProgressView } from './import/ImportProgressView';
import { useImportJob } from './import/use-import-job';
import { ImportReportView } from './report/ImportReportView';
import { WorkspaceSummary } from './WorkspaceSummary';
import { Button } from '../../components/Button';

export function IntakeScreen({ onNavigate }: { onNavigate: (screen: ScreenId) => void }) {
  const t = useT();
  const { state, reload } = useApi(api.workspace.counts, undefined);
  // Bumped after every import so statistics and the batch list fetch again.
  const [version, setVersion] = useState(0);
  const [importOpen, setImportOpen] = useState(false);
  const refresh = useCallback(() => {
    reload();
    setVersion((v) => v + 1);
  }, [reload]);
  const job = useImportJob(refresh);
  const running = job.state.status === 'running';
  const openReview = () => onNavigate('review');

  async function startImport(request: ImportRequest) {
    // The panel stays open on failure or cancel, so the mapping can be fixed and retried.
    if (await job.run(() => api.intake.start(request))) setImportOpen(false);
  }

  /** The fixed quarantine CSV goes back into its own batch, with the same progress and report. */
  async function importFixes(batchId: number) {
    const { path } = await api.intake.chooseFile({ kind: 'batch' });
    if (path !== null) await job.run(() => api.intake.start({ file: path, intoBatchId: batchId }));
  }

  const empty = state.status === 'ready' && state.value.claims === 0;
  return (
    <section className="screen">
      <ScreenHeader
        title={t('intake.title')}
        actions={
          <>
            {!empty && !importOpen && (
              <Button
                variant="primary"
                testId="import-file"
                disabled={running}
                onClick={() => setImportOpen(true)}
              >
                {t('intake.importFile')}
              </Button>
            )}
            <Button variant="secondary" onClick={refresh}>
              {t('app.common.refresh')}
            </Button>
          </>
        }
      />
      {job.state.status === 'running' && (
        <ImportProgressView
          progress={job.progress}
          cancelling={job.state.cancelling}
          cancelError={job.state.cancelError}
          onCancel={() => void job.cancel()}
        />
      )}
      {job.state.status === 'cancelled' && (
        <p className="notice notice--info" role="status" data-testid="import-cancelled">
          {t('intake.import.cancelled')}
        </p>
      )}
      {job.state.status === 'error' && (
        <ErrorNotice error={job.state.error} testId="import-error" />
      )}
      {job.state.status === 'done' && (
        <ImportReportView
          report={job.state.report}
          onOpenReview={openReview}
          onDismiss={job.dismiss}
        />
      )}
      {importOpen && (
        <ImportPanel
          busy={running}
          onStart={(request) => void startImport(request)}
          onClose={() => {
            setImportOpen(false);
            job.dismiss();
          }}
        />
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' &&
        (empty ? (
          !importOpen && (
            <EmptyWorkspace
              onLoaded={openReview}
              onLoadDemo={() => void job.run(api.intake.loadDemo)}
              onImportFile={() => setImportOpen(true)}
              importBusy={running}
            />
          )
        ) : (
          <>
            <WorkspaceSummary summary={state.value} onOpenReview={openReview} />
            <BatchOverview key={version} onImportFixes={(batchId) => void importFixes(batchId)} />
          </>
        ))}
    </section>
  );
}

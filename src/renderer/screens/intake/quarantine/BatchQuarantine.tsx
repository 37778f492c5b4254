import { useState } from 'react';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { useWrite } from '../../../api/use-write';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { formatCount } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { QuarantineRows } from './QuarantineRows';

/**
 * A batch's quarantine: the open rows (export them, fix them, import them back, or discard one
 * with a reason), and below them every row that reached an end and how, so the count going
 * down is explained row by row.
 */
export function BatchQuarantine({
  batchId,
  onImportFixes,
  onChanged,
}: {
  batchId: number;
  onImportFixes: (batchId: number) => void;
  /** A discard changed the batch's open count: the batch list reloads it. */
  onChanged: () => void;
}) {
  const { t } = useLocale();
  const { state, reload } = useApi(api.intake.quarantine, { batchId });
  const [exported, setExported] = useState<{ path: string; rows: number } | null>(null);
  const { run, error } = useWrite();

  async function exportRows() {
    const result = await run(() => api.intake.exportQuarantine({ batchId }));
    if (result && result.path !== null) setExported({ path: result.path, rows: result.rows });
  }

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const open = state.value.entries.filter((entry) => entry.status === 'open');
  const ended = state.value.entries.filter((entry) => entry.status !== 'open');
  return (
    <div className="batch-quarantine" data-testid={`batch-quarantine-${batchId}`}>
      <p className="muted">{t('intake.batchList.quarantine.howToFix')}</p>
      <div className="button-row">
        <Button
          variant="secondary"
          testId={`export-quarantine-${batchId}`}
          disabled={open.length === 0}
          onClick={() => void exportRows()}
        >
          {t('intake.batchList.quarantine.export')}
        </Button>
        <Button
          variant="secondary"
          testId={`import-fixes-${batchId}`}
          onClick={() => onImportFixes(batchId)}
        >
          {t('intake.batchList.quarantine.importFixes')}
        </Button>
      </div>
      {exported && (
        <p className="notice notice--info" role="status" data-testid="quarantine-exported">
          {t('intake.batchList.quarantine.exported', {
            rows: formatCount(exported.rows),
            path: exported.path,
          })}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <h3 className="report__subtitle">
        {t('intake.quarantine.open', { count: formatCount(open.length) })}
      </h3>
      {open.length === 0 ? (
        <p className="muted" data-testid="quarantine-all-ended">
          {t('intake.quarantine.allEnded')}
        </p>
      ) : (
        <QuarantineRows
          batchId={batchId}
          entries={open}
          onDiscarded={() => {
            reload();
            onChanged();
          }}
        />
      )}
      {ended.length > 0 && (
        <details className="quarantine-ended" data-testid="quarantine-ended">
          <summary>{t('intake.quarantine.ended', { count: formatCount(ended.length) })}</summary>
          <QuarantineRows batchId={batchId} entries={ended} onDiscarded={reload} />
        </details>
      )}
    </div>
  );
}

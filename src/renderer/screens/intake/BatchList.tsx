import { useState } from 'react';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { formatCount, formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { QuarantineTable } from './report/ReportTables';
import { Button } from '../../components/Button';

export type BatchSummary = ResponseOf<'intake:batches'>['batches'][number];

/** Every imported batch, newest as main lists them, with its quarantined rows on request. */
export function BatchList({
  batches,
  onImportFixes,
}: {
  batches: BatchSummary[];
  /** Imports a fixed copy of the batch's quarantined rows back into it. */
  onImportFixes: (batchId: number) => void;
}) {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState<number | null>(null);

  return (
    <section className="panel" data-testid="batch-list" aria-labelledby="batch-list-title">
      <h2 id="batch-list-title" className="panel__title">
        {t('intake.batchList.title')}
      </h2>
      {batches.length === 0 ? (
        <p className="muted">{t('intake.batchList.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('intake.batchList.col.id')}
                </th>
                <th scope="col">{t('intake.batchList.col.name')}</th>
                <th scope="col">{t('intake.batchList.col.importedAt')}</th>
                <th scope="col">{t('intake.batchList.col.importedBy')}</th>
                <th scope="col" className="num">
                  {t('intake.batchList.col.rows')}
                </th>
                <th scope="col" className="num">
                  {t('intake.batchList.col.claims')}
                </th>
                <th scope="col" className="num">
                  {t('intake.batchList.col.quarantined')}
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.id} data-testid={`batch-row-${batch.id}`}>
                  <td className="num">{batch.id}</td>
                  <td className="wrap" title={batch.sourceFile}>
                    {batch.name}
                  </td>
                  <td>{formatDateTime(batch.importedAt, locale)}</td>
                  <td>{batch.importedBy}</td>
                  <td className="num">{formatCount(batch.rowCount)}</td>
                  <td className="num">{formatCount(batch.claims)}</td>
                  <td className="num">
                    {batch.quarantined === 0 ? (
                      '0'
                    ) : (
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        data-testid={`show-quarantine-${batch.id}`}
                        aria-expanded={open === batch.id}
                        aria-label={t('intake.batchList.quarantine.show', {
                          count: formatCount(batch.quarantined),
                        })}
                        onClick={() => setOpen(open === batch.id ? null : batch.id)}
                      >
                        {formatCount(batch.quarantined)}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open !== null && <BatchQuarantine batchId={open} onImportFixes={onImportFixes} />}
    </section>
  );
}

function BatchQuarantine({
  batchId,
  onImportFixes,
}: {
  batchId: number;
  onImportFixes: (batchId: number) => void;
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
  const waiting = state.value.entries.filter((entry) => entry.resolvedBy === null);
  return (
    <div className="batch-quarantine" data-testid={`batch-quarantine-${batchId}`}>
      <p className="muted">{t('intake.batchList.quarantine.howToFix')}</p>
      <div className="button-row">
        <Button
          variant="secondary"
          testId={`export-quarantine-${batchId}`}
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
      <QuarantineTable rows={waiting} total={waiting.length} />
    </div>
  );
}

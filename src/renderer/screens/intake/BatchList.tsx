import { useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { formatCount, formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { BatchQuarantine } from './quarantine/BatchQuarantine';

export type BatchSummary = ResponseOf<'intake:batches'>['batches'][number];

/** Every imported batch, newest as main lists them, with its quarantined rows on request. */
export function BatchList({
  batches,
  onImportFixes,
  onChanged,
}: {
  batches: BatchSummary[];
  /** Imports a fixed copy of the batch's quarantined rows back into it. */
  onImportFixes: (batchId: number) => void;
  /** A quarantined row was discarded: the counts above are stale. */
  onChanged: () => void;
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
      {open !== null && (
        <BatchQuarantine batchId={open} onImportFixes={onImportFixes} onChanged={onChanged} />
      )}
    </section>
  );
}

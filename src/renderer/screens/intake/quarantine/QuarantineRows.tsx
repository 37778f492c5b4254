import { useState } from 'react';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { TextField } from '../../../components/Field';
import type { QuarantineEntryView } from '../../../../shared/ipc/intake-schemas';
import { formatCount, formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { useFieldName } from '../import/ColumnMappingStep';

/** Quarantine entries with why each was set aside and, for an ended one, how it ended. */
export function QuarantineRows({
  batchId,
  entries,
  onDiscarded,
}: {
  batchId: number;
  entries: QuarantineEntryView[];
  onDiscarded: () => void;
}) {
  const { t } = useLocale();
  return (
    <div className="table-scroll report-table">
      <table className="data-table" data-testid="quarantine-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('intake.quarantine.col.entry')}
            </th>
            <th scope="col" className="num">
              {t('intake.report.col.row')}
            </th>
            <th scope="col">{t('intake.report.col.claimId')}</th>
            <th scope="col">{t('intake.report.col.reasons')}</th>
            <th scope="col">{t('intake.quarantine.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.id}
              data-testid="quarantine-row"
              data-entry={entry.id}
              data-row={entry.originalRow}
              data-status={entry.status}
            >
              <td className="num">{entry.id}</td>
              <td className="num">{formatCount(entry.originalRow)}</td>
              <td className="mono">{entry.claimId ?? t('intake.report.noClaimId')}</td>
              <td className="wrap">
                <Reasons entry={entry} />
              </td>
              <td className="wrap">
                {entry.status === 'open' ? (
                  <DiscardControl batchId={batchId} entryId={entry.id} onDone={onDiscarded} />
                ) : (
                  <EndOf entry={entry} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Reasons({ entry }: { entry: QuarantineEntryView }) {
  const { t, label } = useLocale();
  const fieldName = useFieldName();
  if (entry.kind === 'duplicate')
    return <span>{t('intake.quarantine.duplicateOf', { claimId: entry.claimId ?? '' })}</span>;
  return (
    <ul className="reason-list">
      {entry.reasons.map((reason, i) => (
        <li key={`${reason.field}-${reason.code}-${i}`} data-issue={reason.code}>
          <span className="muted">{fieldName(reason.field)}</span> {label(reason)}
        </li>
      ))}
    </ul>
  );
}

function EndOf({ entry }: { entry: QuarantineEntryView }) {
  const { t, locale } = useLocale();
  if (entry.status === 'resolved')
    return (
      <span>{t('intake.quarantine.status.resolved', { claimId: entry.resolvedBy ?? '' })}</span>
    );
  if (entry.status === 'superseded')
    return (
      <span>{t('intake.quarantine.status.superseded', { entry: String(entry.supersededBy) })}</span>
    );
  return (
    <span data-testid="quarantine-discard-reason">
      {t('intake.quarantine.status.discarded', {
        reason: entry.discard?.reason ?? '',
        by: entry.discard?.by ?? '',
        at: entry.discard ? formatDateTime(entry.discard.at, locale) : '',
      })}
    </span>
  );
}

/** Discarding asks for the reason first: the audit log and the list keep it. */
function DiscardControl({
  batchId,
  entryId,
  onDone,
}: {
  batchId: number;
  entryId: number;
  onDone: () => void;
}) {
  const { t } = useLocale();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const { run, pending, error } = useWrite();

  async function discard() {
    const done = await run(() =>
      api.intake.discardQuarantineRow({ batchId, entryId, reason: reason.trim() }),
    );
    if (done) onDone();
  }

  if (!asking)
    return (
      <Button variant="secondary" testId={`discard-${entryId}`} onClick={() => setAsking(true)}>
        {t('intake.quarantine.discard')}
      </Button>
    );
  return (
    <div className="discard-form">
      <TextField
        label={t('intake.quarantine.discardReason')}
        testId={`discard-reason-${entryId}`}
        value={reason}
        maxLength={2000}
        onChange={setReason}
      />
      <div className="button-row">
        <Button
          variant="primary"
          testId={`confirm-discard-${entryId}`}
          disabled={pending || reason.trim() === ''}
          onClick={() => void discard()}
        >
          {t('intake.quarantine.confirmDiscard')}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t('intake.quarantine.cancel')}
        </Button>
      </div>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

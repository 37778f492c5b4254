import { useState } from 'react';
import { asApiError, api, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatKrw } from '../../../shared/domain/money';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { formatCount } from '../../i18n/format';
import { useT } from '../../i18n/locale-context';

/** The three files a treasurer may ask for; CP949 is what Korean Excel opens without a prompt. */
const CHOICES = [
  { id: 'xlsx', request: { format: 'xlsx' }, button: 'summary.export.xlsx' },
  { id: 'utf8', request: { format: 'csv', encoding: 'utf8' }, button: 'summary.export.csvUtf8' },
  { id: 'cp949', request: { format: 'csv', encoding: 'cp949' }, button: 'summary.export.csvCp949' },
] as const satisfies readonly {
  id: string;
  request: Omit<RequestOf<'ledger:export'>, 'batchId'>;
  button: string;
}[];
type ChoiceId = (typeof CHOICES)[number]['id'];

type ExportState =
  | { status: 'idle' }
  | { status: 'running'; choice: ChoiceId }
  | { status: 'saved'; choice: ChoiceId; value: ResponseOf<'ledger:export'> }
  | { status: 'failed'; error: ApiError };

/**
 * Saves the payout ledger of the scope on screen. Main renders the file before it asks where to
 * save it, so a refusal (a business name CP949 cannot hold) comes back before any dialog, named
 * by claim and column, and nothing is written.
 */
export function LedgerExportPanel({
  batchId,
  scopeName,
}: {
  batchId: number | null;
  scopeName: string;
}) {
  const t = useT();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = state.status === 'running';
  const formatName = (choice: ChoiceId) => t(`summary.export.format.${choice}`);

  const save = async (choice: (typeof CHOICES)[number]) => {
    setState({ status: 'running', choice: choice.id });
    try {
      const value = await api.ledger.export({
        ...choice.request,
        ...(batchId === null ? {} : { batchId }),
      });
      setState({ status: 'saved', choice: choice.id, value });
    } catch (error) {
      setState({ status: 'failed', error: asApiError(error) });
    }
  };

  return (
    <section className="panel" data-testid="ledger-export" aria-labelledby="ledger-export-title">
      <h2 id="ledger-export-title" className="panel__title">
        {t('summary.export.title')}
      </h2>
      <p className="summary-intro muted">{t('summary.export.intro')}</p>
      <p className="summary-intro" data-testid="ledger-export-scope">
        {t('summary.export.scope', { scope: scopeName })}
      </p>
      <div className="button-row">
        {CHOICES.map((choice) => (
          <button
            key={choice.id}
            type="button"
            className={`button ${choice.id === 'xlsx' ? 'button--primary' : 'button--secondary'}`}
            data-testid={`ledger-export-${choice.id}`}
            disabled={running}
            onClick={() => void save(choice)}
          >
            {t(choice.button)}
          </button>
        ))}
      </div>
      <div aria-live="polite" className="summary-export-status">
        {state.status === 'running' && (
          <div className="summary-export-running" data-testid="ledger-export-running">
            <progress
              className="summary-progress"
              aria-label={t('summary.export.running', { format: formatName(state.choice) })}
            />
            <span>{t('summary.export.running', { format: formatName(state.choice) })}</span>
          </div>
        )}
        {state.status === 'saved' && <SavedResult choice={state.choice} value={state.value} />}
      </div>
      {state.status === 'failed' && (
        <>
          {state.error.issues.some((issue) => issue.code === 'not_in_cp949') && (
            <p className="summary-note" data-testid="ledger-export-cp949-hint">
              {t('summary.export.cp949Hint')}
            </p>
          )}
          <ErrorNotice error={state.error} testId="ledger-export-error" />
        </>
      )}
    </section>
  );
}

function SavedResult({ choice, value }: { choice: ChoiceId; value: ResponseOf<'ledger:export'> }) {
  const t = useT();
  if (value.path === null || value.summary === null)
    return (
      <p className="notice notice--info" data-testid="ledger-export-cancelled">
        {t('summary.export.cancelled')}
      </p>
    );
  return (
    <div className="notice notice--success" role="status" data-testid="ledger-export-saved">
      <p className="break-all">{t('summary.export.saved', { path: value.path })}</p>
      <p data-testid="ledger-export-figures">
        {t('summary.export.savedFigures', {
          format: t(`summary.export.format.${choice}`),
          count: formatCount(value.summary.count),
          total: formatKrw(value.summary.total),
        })}
      </p>
    </div>
  );
}

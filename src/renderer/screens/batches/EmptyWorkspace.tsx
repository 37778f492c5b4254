import { useState } from 'react';
import { asApiError, client, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/locale-context';

/** A new workspace: say what to do next, and offer the sample so the flow can be tried at once. */
export function EmptyWorkspace({ onLoaded }: { onLoaded: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function loadSample() {
    setBusy(true);
    setError(null);
    try {
      await client.loadSample();
      // The review screen fetches its own list on mount, so navigating is the refresh.
      onLoaded();
    } catch (cause) {
      setError(asApiError(cause));
      setBusy(false);
    }
  }

  return (
    <div className="empty-state" data-testid="empty-workspace">
      <h2 className="empty-state__title">{t('batches.empty.title')}</h2>
      <p className="empty-state__body">{t('batches.empty.body')}</p>
      <button
        type="button"
        className="button button--primary"
        data-testid="load-sample"
        disabled={busy}
        onClick={() => void loadSample()}
      >
        {busy ? t('batches.empty.loading') : t('batches.empty.loadSample')}
      </button>
      <p className="empty-state__hint">{t('batches.empty.importLater')}</p>
      {error && <ErrorNotice error={error} testId="load-sample-error" />}
    </div>
  );
}

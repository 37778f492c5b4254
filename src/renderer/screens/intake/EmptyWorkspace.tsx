import { useState } from 'react';
import { asApiError, api, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/locale-context';

/**
 * A new workspace: say what to do next. The demo batch goes through the real import (report,
 * statistics); the small sample jumps straight to review; or the user imports their own file.
 */
export function EmptyWorkspace({
  onLoaded,
  onLoadDemo,
  onImportFile,
  importBusy,
}: {
  onLoaded: () => void;
  onLoadDemo: () => void;
  onImportFile: () => void;
  importBusy: boolean;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function loadSample() {
    setBusy(true);
    setError(null);
    try {
      await api.workspace.loadSample();
      // The review screen fetches its own list on mount, so navigating is the refresh.
      onLoaded();
    } catch (cause) {
      setError(asApiError(cause));
      setBusy(false);
    }
  }

  const disabled = busy || importBusy;
  return (
    <div className="empty-state" data-testid="empty-workspace">
      <h2 className="empty-state__title">{t('batches.empty.title')}</h2>
      <p className="empty-state__body">{t('batches.empty.body')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="load-demo"
          disabled={disabled}
          onClick={onLoadDemo}
        >
          {importBusy ? t('batches.empty.demoLoading') : t('batches.empty.loadDemo')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="import-file"
          disabled={disabled}
          onClick={onImportFile}
        >
          {t('batches.importFile')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="load-sample"
          disabled={disabled}
          onClick={() => void loadSample()}
        >
          {busy ? t('batches.empty.loading') : t('batches.empty.loadSample')}
        </button>
      </div>
      <p className="empty-state__hint">{t('batches.empty.hint')}</p>
      {error && <ErrorNotice error={error} testId="load-sample-error" />}
    </div>
  );
}

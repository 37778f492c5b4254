import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/locale-context';
import { Button } from '../../components/Button';

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
  const { run, pending: busy, error } = useWrite();

  async function loadSample() {
    // Stays busy after a success: the review screen replaces this one and fetches its own list
    // on mount, so navigating is the refresh.
    if (await run(() => api.workspace.loadSample(), { holdOnSuccess: true })) onLoaded();
  }

  const disabled = busy || importBusy;
  return (
    <div className="empty-state" data-testid="empty-workspace">
      <h2 className="empty-state__title">{t('intake.empty.title')}</h2>
      <p className="empty-state__body">{t('intake.empty.body')}</p>
      <div className="button-row">
        <Button variant="primary" testId="load-demo" disabled={disabled} onClick={onLoadDemo}>
          {importBusy ? t('intake.empty.demoLoading') : t('intake.empty.loadDemo')}
        </Button>
        <Button variant="secondary" testId="import-file" disabled={disabled} onClick={onImportFile}>
          {t('intake.importFile')}
        </Button>
        <Button
          variant="secondary"
          testId="load-sample"
          disabled={disabled}
          onClick={() => void loadSample()}
        >
          {busy ? t('intake.empty.loading') : t('intake.empty.loadSample')}
        </Button>
      </div>
      <p className="empty-state__hint">{t('intake.empty.hint')}</p>
      {error && <ErrorNotice error={error} testId="load-sample-error" />}
    </div>
  );
}

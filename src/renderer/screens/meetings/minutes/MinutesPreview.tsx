import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatFingerprint } from '../../../../shared/domain/signing/fingerprint';
import type { MinutesVersionDto } from '../../../../shared/ipc/minutes-schemas';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useLocale } from '../../../i18n/locale-context';
import { commandForKey, type ViewerHandle } from '../../review/evidence/evidence-format';
import { Button } from '../../../components/Button';

// The evidence viewer's PDF view, fetched with pdf.js the first time a preview opens.
const PdfView = lazy(() => import('../../review/evidence/PdfView'));

/** Seconds since the render was asked for, ticking while it runs: a big meeting takes a while. */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = window.setInterval(
      () => setSeconds(Math.floor((Date.now() - started) / 1000)),
      250,
    );
    return () => window.clearInterval(timer);
  }, [running]);
  return seconds;
}

/**
 * The print preview: the version's PDF exactly as main renders it for saving, drawn by pdf.js
 * with page thumbnails and zoom, a whole page fitted to the window. A modal dialog; Esc or the
 * close button ends it and focus goes back where it was.
 */
export function MinutesPreview({
  version,
  onClose,
}: {
  version: MinutesVersionDto;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { state, reload } = useApi(api.minutes.render, {
    meetingId: version.meetingId,
    version: version.version,
  });
  const seconds = useElapsedSeconds(state.status === 'loading');
  const view = useRef<ViewerHandle>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    // Nothing behind a modal dialog may act on its keys (Escape is the dialog's own: it closes).
    event.stopPropagation();
    const command = commandForKey(event);
    if (command && view.current?.command(command)) event.preventDefault();
  }

  const status = t(`minutes.status.${version.status}`);
  return (
    <Dialog
      labelledBy="minutes-preview-title"
      className="minutes-preview"
      testId="minutes-preview"
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <header className="minutes-preview__header">
        <div>
          <h2 id="minutes-preview-title" className="panel__title">
            {t('minutes.previewTitle')}
          </h2>
          <p className="minutes-preview__meta">
            {t('minutes.previewMeta', {
              number: version.meetingNumber,
              version: version.version,
              status,
            })}{' '}
            · SHA-256 <code className="fingerprint">{formatFingerprint(version.sha256)}</code>
            {state.status === 'ready' && <> · {state.value.fileName}</>}
          </p>
        </div>
        <Button variant="secondary" testId="minutes-preview-close" onClick={onClose}>
          {t('minutes.closePreview')}
        </Button>
      </header>
      <div className="minutes-preview__body">
        {state.status === 'loading' && (
          <div className="minutes-preview__waiting" role="status" data-testid="minutes-rendering">
            <p>{t('minutes.rendering')}</p>
            <progress className="minutes-preview__progress" />
            {seconds >= 1 && (
              <p className="minutes-preview__elapsed">{t('minutes.renderingFor', { seconds })}</p>
            )}
          </div>
        )}
        {state.status === 'error' && (
          <div className="minutes-preview__waiting">
            <ErrorNotice error={state.error} onRetry={reload} testId="minutes-preview-error" />
          </div>
        )}
        {state.status === 'ready' && (
          <Suspense
            fallback={
              <p className="minutes-preview__waiting" role="status">
                {t('evidence.pdf.loading')}
              </p>
            }
          >
            <PdfView bytes={state.value.bytes} ref={view} fit="page" />
          </Suspense>
        )}
      </div>
    </Dialog>
  );
}

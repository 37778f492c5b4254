import { useEffect, useRef } from 'react';
import type { ApiError } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import type { ImportProgress } from '../../../../shared/ipc/intake-schemas';
import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';
import { Button } from '../../../components/Button';

/** Whole percent of the file read, or null while main has not said how big the file is. */
export function percentRead(progress: ImportProgress | null): number | null {
  if (!progress || progress.totalBytes === 0) return null;
  return Math.min(100, Math.floor((progress.bytesRead / progress.totalBytes) * 100));
}

/** A running import: how far main has read, how fast, and a way to stop it. */
export function ImportProgressView({
  progress,
  cancelling,
  cancelError,
  onCancel,
}: {
  progress: ImportProgress | null;
  cancelling: boolean;
  cancelError?: ApiError;
  onCancel: () => void;
}) {
  const t = useT();
  const panel = useRef<HTMLElement>(null);
  // Start is pressed at the bottom of a long mapping table: bring the progress into view.
  useEffect(() => {
    // Newer Chromium returns a promise here; an effect must return nothing or a cleanup.
    void panel.current?.scrollIntoView({ block: 'start' });
  }, []);
  const percent = percentRead(progress);
  const phase = progress?.phase ?? 'checking';

  return (
    <section
      ref={panel}
      className="panel import-running"
      data-testid="import-running"
      aria-labelledby="import-running-title"
    >
      <h2 id="import-running-title" className="panel__title">
        {t('intake.import.running.title')}
      </h2>
      <p className="import-running__phase" role="status" aria-live="polite">
        {t(`intake.import.phase.${phase}`)}
      </p>
      <progress
        className="import-progress"
        data-testid="import-progress"
        aria-label={t('intake.import.running.progressLabel')}
        max={100}
        // Without a size yet the bar is indeterminate rather than stuck at zero.
        value={percent ?? undefined}
        aria-valuenow={percent ?? undefined}
      />
      <p className="import-running__rate num-inline" data-testid="import-rate">
        {t('intake.import.running.rate', {
          percent: percent === null ? '–' : String(percent),
          rows: formatCount(progress?.rowsRead ?? 0),
          rate: formatCount(Math.round(progress?.rowsPerSecond ?? 0)),
        })}
      </p>
      <Button variant="secondary" testId="cancel-import" disabled={cancelling} onClick={onCancel}>
        {cancelling ? t('intake.import.running.cancelling') : t('intake.import.running.cancel')}
      </Button>
      {cancelError && <ErrorNotice error={cancelError} testId="cancel-import-error" />}
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { BackupProgress, BackupRun } from '../../../shared/ipc/backup-schemas';
import { subscribe } from '../../api/client';
import { useT } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/ko';

/**
 * The latest 'backup:progress' event of `run` from main (an automatic backup's do not move a
 * bar for one a person started), or null before the first one (and after reset(), which a
 * caller does as it starts, so an earlier run's numbers never show).
 */
export function useBackupProgress(run: BackupRun): {
  progress: BackupProgress | null;
  reset: () => void;
} {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  useEffect(
    () =>
      subscribe('backup:progress', (event) => {
        if (event.run === run) setProgress(event);
      }),
    [run],
  );
  const reset = useCallback(() => setProgress(null), []);
  return { progress, reset };
}

/** Whole percent done, or null while main has not said how much there is. */
export function percentDone(progress: BackupProgress | null): number | null {
  if (!progress || progress.totalBytes <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((progress.doneBytes / progress.totalBytes) * 100)));
}

/**
 * A running backup or restore: the phase in words over a bar (the import's look). Until the
 * first event (main may still be showing its save dialog) the bar is indeterminate.
 */
export function BackupProgressBar({
  progress,
  label,
  testId,
}: {
  progress: BackupProgress | null;
  /** The bar's accessible name. */
  label: MessageKey;
  testId: string;
}) {
  const t = useT();
  const percent = percentDone(progress);
  const phase: MessageKey = progress ? `backup.phase.${progress.phase}` : 'backup.phase.starting';
  return (
    <div className="backup-progress">
      <p className="backup-progress__phase" role="status" aria-live="polite">
        <span data-testid={`${testId}-phase`}>{t(phase)}</span>
        {percent !== null && (
          <span className="muted backup-progress__percent">
            {' '}
            · {t('backup.progress.percent', { percent })}
          </span>
        )}
      </p>
      <progress
        className="import-progress"
        data-testid={testId}
        aria-label={t(label)}
        max={100}
        value={percent ?? undefined}
        aria-valuenow={percent ?? undefined}
      />
    </div>
  );
}

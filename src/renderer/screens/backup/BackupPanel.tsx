import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupMade } from '../../../shared/ipc/backup-schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FactRow } from '../../components/Facts';
import { PanelHead } from '../../components/PanelHead';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { AutoBackupSettings } from './AutoBackupSettings';
import { BackupCountRows, formatMegabytes } from './BackupFacts';
import { BackupProgressBar, useBackupProgress } from './BackupProgressBar';

/**
 * Settings' backup panel: "Back up now" (main asks where to save, then writes one encrypted
 * file, reporting its progress) and the automatic backups' folder and count. The File menu's
 * "Back up…" reaches it as `startRequest`: a new number starts a backup as the button would.
 */
export function BackupPanel({
  startRequest = null,
  onStartTaken,
}: {
  /** A request from the File menu not yet acted on; null when there is none. */
  startRequest?: number | null;
  /** Called once the panel has taken `startRequest`, so a later remount does not repeat it. */
  onStartTaken?: () => void;
}) {
  const { t, locale } = useLocale();
  const { run, pending, error } = useWrite();
  const { progress, reset } = useBackupProgress('backup');
  const [made, setMade] = useState<BackupMade | null>(null);
  // After a backup, the settings are read again (main may note it as the last one).
  const [settingsRefresh, setSettingsRefresh] = useState(0);
  const running = useRef(false);
  const taken = useRef<number | null>(null);
  const panel = useRef<HTMLElement>(null);

  const start = useCallback(async () => {
    // A ref, not `pending`: the menu's request may arrive before a render shows the first run.
    if (running.current) return;
    running.current = true;
    reset();
    setMade(null);
    const answer = await run(() => api.backup.create());
    running.current = false;
    if (!answer) return;
    setSettingsRefresh((n) => n + 1);
    // null: the person closed the save dialog, which needs no word.
    setMade(answer.made);
  }, [run, reset]);

  useEffect(() => {
    if (startRequest === null || taken.current === startRequest) return;
    taken.current = startRequest;
    onStartTaken?.();
    // Newer Chromium returns a promise here; an effect must return nothing or a cleanup.
    void panel.current?.scrollIntoView({ block: 'nearest' });
    void start();
  }, [startRequest, onStartTaken, start]);

  return (
    <section
      ref={panel}
      className="panel backup-panel"
      data-testid="backup-panel"
      aria-labelledby="backup-title"
    >
      <PanelHead titleId="backup-title" title={t('backup.panel.title')} />
      <p className="backup-panel__intro">{t('backup.panel.intro')}</p>
      <div className="button-row">
        <Button
          variant="primary"
          testId="backup-now"
          disabled={pending}
          onClick={() => void start()}
        >
          {pending ? t('backup.now.working') : t('backup.now')}
        </Button>
      </div>
      {pending && (
        <BackupProgressBar
          progress={progress}
          label="backup.progress.label"
          testId="backup-progress"
        />
      )}
      {made && !pending && (
        <div className="backup-result" data-testid="backup-result">
          <p className="notice notice--success" role="status">
            {t('backup.result.done')}
          </p>
          <dl className="facts">
            <FactRow
              term={t('backup.result.file')}
              className="mono break-all"
              testId="backup-result-file"
            >
              {made.file}
            </FactRow>
            <FactRow term={t('backup.result.size')} testId="backup-result-size">
              {formatMegabytes(made.sizeBytes)}
            </FactRow>
            <FactRow term={t('backup.result.takenAt')} testId="backup-result-taken-at">
              {formatDateTime(made.takenAt, locale)}
            </FactRow>
            <BackupCountRows counts={made.counts} testIdPrefix="backup-result" />
          </dl>
        </div>
      )}
      {error && <ErrorNotice error={error} testId="backup-error" />}
      <AutoBackupSettings refresh={settingsRefresh} />
    </section>
  );
}

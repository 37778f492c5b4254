import { useState, type FormEvent } from 'react';
import { backupContract, type BackupSettings } from '../../../shared/ipc/backup-schemas';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useWrite } from '../../api/use-write';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FactRow } from '../../components/Facts';
import { TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';

/** The contract's own bounds, so the form refuses exactly what main would. */
const KEEP = backupContract['backup:setKeep'].request.shape.keep;
const MIN_KEEP = KEEP.minValue ?? 1;
const MAX_KEEP = KEEP.maxValue ?? Number.MAX_SAFE_INTEGER;

function parseKeep(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const keep = Number(text.trim());
  return keep >= MIN_KEEP && keep <= MAX_KEEP ? keep : null;
}

/**
 * The automatic backups: the folder they go to (main's folder dialog), how many it keeps, and
 * how the last one went. Each change answers the settings; they are read again then, and
 * whenever `refresh` changes (after a backup by hand).
 */
export function AutoBackupSettings({ refresh }: { refresh: number }) {
  const { t } = useLocale();
  const { state, reload } = useApi(api.backup.settings, undefined, refresh);
  // null: the input shows the saved value; text once the person edits it.
  const [keepText, setKeepText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useWrite();

  async function chooseFolder() {
    // Not pending: main's dialog is modal, and closing it changes nothing.
    const answer = await run(() => api.backup.chooseFolder(), { pending: false });
    if (answer) reload();
  }

  async function saveKeep(event: FormEvent, text: string) {
    event.preventDefault();
    const keep = parseKeep(text);
    setInvalid(keep === null);
    if (keep === null) return;
    const answer = await run(() => api.backup.setKeep({ keep }));
    if (!answer) return;
    setKeepText(null);
    setSaved(true);
    reload();
  }

  function edit(value: string) {
    setKeepText(value);
    setInvalid(false);
    setSaved(false);
  }

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const settings = state.value;

  return (
    <div className="backup-auto" data-testid="backup-auto">
      <h3 className="backup-auto__title">{t('backup.auto.title')}</h3>
      <dl className="facts">
        <FactRow
          term={t('backup.auto.folder')}
          // A path reads best in monospace; the words "not set" do not.
          className={settings.folder ? 'mono break-all' : undefined}
          testId="backup-folder"
        >
          {settings.folder ?? <span className="muted">{t('backup.auto.notSet')}</span>}
        </FactRow>
        <LastBackupRow settings={settings} />
      </dl>
      <div className="button-row">
        <Button
          variant="secondary"
          testId="backup-choose-folder"
          onClick={() => void chooseFolder()}
        >
          {t('backup.auto.chooseFolder')}
        </Button>
      </div>
      <form
        className="button-row backup-auto__keep"
        onSubmit={(event) => void saveKeep(event, keepText ?? String(settings.keep))}
      >
        <TextField
          label={t('backup.auto.keep')}
          inline
          type="number"
          inputMode="numeric"
          min={MIN_KEEP}
          max={MAX_KEEP}
          step={1}
          inputClassName="backup-auto__keep-input"
          testId="backup-keep"
          aria-invalid={invalid}
          value={keepText ?? String(settings.keep)}
          onChange={edit}
        />
        <Button variant="primary" type="submit" testId="backup-keep-save" disabled={pending}>
          {t('backup.auto.keepSave')}
        </Button>
        {saved && (
          <span className="muted" role="status" data-testid="backup-keep-saved">
            {t('backup.auto.keepSaved')}
          </span>
        )}
      </form>
      {invalid && (
        <p className="field-issues__item" role="alert" data-testid="backup-keep-invalid">
          {t('backup.auto.keepInvalid', { min: MIN_KEEP, max: MAX_KEEP })}
        </p>
      )}
      <p className="field__hint">{t('backup.auto.when', { keep: settings.keep })}</p>
      <p className="field__hint">{t('backup.auto.encrypted')}</p>
      {settings.lastError && (
        <p className="notice notice--error" role="alert" data-testid="backup-last-error">
          {t('backup.auto.lastError', { message: settings.lastError })}
        </p>
      )}
      {error && <ErrorNotice error={error} testId="backup-settings-error" />}
    </div>
  );
}

function LastBackupRow({ settings }: { settings: BackupSettings }) {
  const { t, locale } = useLocale();
  const last = settings.lastBackup;
  return (
    <FactRow term={t('backup.auto.last')} className="break-all" testId="backup-last">
      {last
        ? t('backup.auto.lastValue', {
            time: formatDateTime(last.takenAt, locale),
            file: last.file,
          })
        : t('backup.auto.none')}
    </FactRow>
  );
}

import { UNIDENTIFIED_OPERATOR } from '../../../shared/domain/acts';
import { useActingChanges } from '../../api/acting-changes';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { LOCALES, useLocale, type Locale } from '../../i18n/locale-context';
import { PeoplePanel } from './people/PeoplePanel';
import { PolicyEditor } from './policy/PolicyEditor';
import { SigningPanel } from './signing/SigningPanel';
import { FactRow } from '../../components/Facts';
import { IdleLockSetting } from '../vault/IdleLockSetting';
import { BackupPanel } from '../backup/BackupPanel';

export function SettingsScreen({
  backupRequest = null,
  onBackupTaken,
}: {
  /** The File menu's "Back up…", for the backup panel to start (see BackupPanel). */
  backupRequest?: number | null;
  onBackupTaken?: () => void;
}) {
  const { t, locale, setLocale } = useLocale();
  // The actor shown under About is whoever acts now: read again when that changes.
  const { state, reload } = useApi(api.app.info, undefined, useActingChanges());

  return (
    <section className="screen">
      <ScreenHeader title={t('settings.title')} />
      <div className="panel">
        <h2 id="settings-language-title" className="panel__title">
          {t('settings.language')}
        </h2>
        <select
          aria-labelledby="settings-language-title"
          className="select"
          data-testid="settings-language"
          value={locale}
          onChange={(event) => setLocale(event.target.value as Locale)}
        >
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {t(option === 'ko' ? 'app.locale.ko' : 'app.locale.en')}
            </option>
          ))}
        </select>
      </div>
      <IdleLockSetting />
      <BackupPanel startRequest={backupRequest} onStartTaken={onBackupTaken} />
      <PeoplePanel />
      <SigningPanel />
      <div className="panel">
        <h2 className="panel__title">{t('policy.editor.title')}</h2>
        <PolicyEditor />
      </div>
      <div className="panel">
        <h2 className="panel__title">{t('settings.about')}</h2>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
        {state.status === 'ready' && (
          <dl className="facts" data-testid="app-info">
            <FactRow term={t('settings.appVersion')} className="mono" testId="app-version">
              {state.value.appVersion}
            </FactRow>
            <FactRow term={t('settings.schemaVersion')} className="mono" testId="schema-version">
              {state.value.schemaVersion}
            </FactRow>
            <FactRow term={t('settings.dataDir')} className="mono break-all" testId="data-dir">
              {state.value.dataDir}
            </FactRow>
            <FactRow term={t('settings.actor')} testId="current-actor">
              {state.value.actor === UNIDENTIFIED_OPERATOR
                ? t('settings.people.unidentified')
                : state.value.actor}
            </FactRow>
          </dl>
        )}
      </div>
    </section>
  );
}

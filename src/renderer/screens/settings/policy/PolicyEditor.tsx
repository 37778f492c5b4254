import { useState } from 'react';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { describePolicyRule } from '../../review/calculator/policy-rule';
import { PolicyForm } from './PolicyForm';

/**
 * The support policy's versions and an editor for the next one. Nothing here edits a version:
 * saving always appends a new one based on the latest, and decisions keep pointing at the
 * version they used.
 */
export function PolicyEditor() {
  const { t, locale } = useLocale();
  const versions = useApi(api.policy.list, undefined);
  const latest = useApi(api.policy.get, {});
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  function reloadAll() {
    versions.reload();
    latest.reload();
  }

  return (
    <div className="policy-editor" data-testid="policy-editor">
      <p className="notice notice--info">{t('policy.editor.immutable')}</p>

      <h3 className="detail__subtitle">{t('policy.editor.versions')}</h3>
      {versions.state.status === 'loading' && <Loading />}
      {versions.state.status === 'error' && (
        <ErrorNotice error={versions.state.error} onRetry={versions.reload} />
      )}
      {versions.state.status === 'ready' && (
        <ol className="policy-versions" data-testid="policy-version-list">
          {[...versions.state.value.versions].reverse().map((version, index) => (
            <li key={version.version} className="policy-versions__item">
              <span className="policy-versions__name">
                {t('policy.version', { version: version.version })}
              </span>
              {index === 0 && <span className="badge">{t('policy.editor.latest')}</span>}
              <span className="muted">
                {version.basedOn === null
                  ? t('policy.editor.initial')
                  : t('policy.editor.basedOn', { version: version.basedOn })}
                {' · '}
                {t('policy.editor.madeBy', {
                  at: formatDateTime(version.createdAt, locale),
                  by: version.createdBy,
                })}
              </span>
              <span className="policy-versions__note">{version.note}</span>
              <span className="mono muted" title={version.bodyHash}>
                {t('policy.editor.hash', { hash: version.bodyHash.slice(0, 12) })}
              </span>
            </li>
          ))}
        </ol>
      )}

      {savedVersion !== null && (
        <p className="notice notice--success" role="status" data-testid="policy-saved">
          {t('policy.editor.saved', { version: savedVersion })}
        </p>
      )}

      {latest.state.status === 'loading' && <Loading />}
      {latest.state.status === 'error' && (
        <ErrorNotice error={latest.state.error} onRetry={latest.reload} />
      )}
      {latest.state.status === 'ready' && (
        <>
          <p className="field__hint">{describePolicyRule(t, latest.state.value.body)}</p>
          <PolicyForm
            key={latest.state.value.version}
            latest={latest.state.value}
            onSaved={(created) => {
              setSavedVersion(created.version);
              reloadAll();
            }}
            onReload={reloadAll}
            onEdit={() => setSavedVersion(null)}
          />
        </>
      )}
    </div>
  );
}

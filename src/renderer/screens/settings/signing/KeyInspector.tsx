import { useState } from 'react';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { roleLabel } from '../../../i18n/role-label';
import { Fingerprint } from './Fingerprint';
import type { InspectedKey } from './signing-types';

/** Whose a key or public key file is, and whether the current roster has that key. */
export function KeyInspector({ rosterVersion }: { rosterVersion: number | null }) {
  const { t, locale } = useLocale();
  const [key, setKey] = useState<InspectedKey | null>(null);
  const { run, error } = useWrite();

  async function open(kind: 'key-file' | 'public-key-file') {
    const answer = await run(() => api.keys.inspect({ kind }));
    if (!answer) setKey(null);
    else if (answer.key) setKey(answer.key);
  }

  return (
    <section className="signing-section" aria-labelledby="signing-inspect-title">
      <h3 id="signing-inspect-title" className="signing-section__title">
        {t('signing.inspect.title')}
      </h3>
      <p className="muted">{t('signing.inspect.intro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          data-testid="inspect-public-key"
          onClick={() => void open('public-key-file')}
        >
          {t('signing.inspect.choosePublicKey')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="inspect-key"
          onClick={() => void open('key-file')}
        >
          {t('signing.inspect.chooseKey')}
        </button>
      </div>
      {error && <ErrorNotice error={error} testId="inspect-error" />}
      {key && (
        <div className="signing-result signing-result--plain" data-testid="inspected-key">
          <Fingerprint value={key.fingerprint} large testId="inspected-fingerprint" />
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('signing.inspect.holder')}</dt>
              <dd>
                {key.name} ({roleLabel(t, key.role)})
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('signing.inspect.kind')}</dt>
              <dd>
                {t(`signing.inspect.kind.${key.file}`)}
                {key.protection && ` · ${t(`signing.protection.${key.protection}`)}`}
              </dd>
            </div>
            {key.createdAt && (
              <div className="facts__row">
                <dt>{t('signing.inspect.createdAt')}</dt>
                <dd>{formatDateTime(key.createdAt, locale)}</dd>
              </div>
            )}
            <div className="facts__row">
              <dt>{t('signing.inspect.onRoster')}</dt>
              <dd data-testid="inspected-on-roster">
                {key.onRoster
                  ? t('signing.inspect.onRosterYes', {
                      version: key.onRoster.version,
                      name: key.onRoster.name,
                      role: roleLabel(t, key.onRoster.role),
                    })
                  : rosterVersion === null
                    ? '—'
                    : t('signing.inspect.onRosterNo')}
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('signing.inspect.file')}</dt>
              <dd className="mono break-all">{key.path}</dd>
            </div>
          </dl>
        </div>
      )}
    </section>
  );
}

import { useState } from 'react';
import { api, asApiError, type ApiError } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/ko';
import { Fingerprint } from './Fingerprint';
import type { InspectedKey } from './signing-types';

const roleKey = (role: string) => `role.${role}` as MessageKey;

/** Whose a key or public key file is, and whether the current roster has that key. */
export function KeyInspector({ rosterVersion }: { rosterVersion: number | null }) {
  const { t, locale } = useLocale();
  const [key, setKey] = useState<InspectedKey | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function open(kind: 'key-file' | 'public-key-file') {
    try {
      const answer = await api.keys.inspect({ kind });
      setError(null);
      if (answer.key) setKey(answer.key);
    } catch (cause) {
      setKey(null);
      setError(asApiError(cause));
    }
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
                {key.name} ({t(roleKey(key.role))})
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
                      role: t(roleKey(key.onRoster.role)),
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

import { useState } from 'react';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { roleLabel } from '../../../i18n/role-label';
import { Fingerprint } from './Fingerprint';
import type { InspectedKey } from './signing-types';
import { Button } from '../../../components/Button';
import { FactRow } from '../../../components/Facts';

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
        <Button
          variant="secondary"
          testId="inspect-public-key"
          onClick={() => void open('public-key-file')}
        >
          {t('signing.inspect.choosePublicKey')}
        </Button>
        <Button variant="secondary" testId="inspect-key" onClick={() => void open('key-file')}>
          {t('signing.inspect.chooseKey')}
        </Button>
      </div>
      {error && <ErrorNotice error={error} testId="inspect-error" />}
      {key && (
        <div className="signing-result signing-result--plain" data-testid="inspected-key">
          <Fingerprint value={key.fingerprint} large testId="inspected-fingerprint" />
          <dl className="facts">
            <FactRow term={t('signing.inspect.holder')}>
              {key.name} ({roleLabel(t, key.role)})
            </FactRow>
            <FactRow term={t('signing.inspect.kind')}>
              {t(`signing.inspect.kind.${key.file}`)}
              {key.protection && ` · ${t(`signing.protection.${key.protection}`)}`}
            </FactRow>
            {key.createdAt && (
              <FactRow term={t('signing.inspect.createdAt')}>
                {formatDateTime(key.createdAt, locale)}
              </FactRow>
            )}
            <FactRow term={t('signing.inspect.onRoster')} testId="inspected-on-roster">
              {key.onRoster
                ? t('signing.inspect.onRosterYes', {
                    version: key.onRoster.version,
                    name: key.onRoster.name,
                    role: roleLabel(t, key.onRoster.role),
                  })
                : rosterVersion === null
                  ? '—'
                  : t('signing.inspect.onRosterNo')}
            </FactRow>
            <FactRow term={t('signing.inspect.file')} className="mono break-all">
              {key.path}
            </FactRow>
          </dl>
        </div>
      )}
    </section>
  );
}

import { useState } from 'react';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { roleLabel } from '../../../i18n/role-label';
import { Fingerprint } from './Fingerprint';
import type { RosterView } from './signing-types';
import { Button } from '../../../components/Button';
import { FactRow } from '../../../components/Facts';
import { PanelHead } from '../../../components/PanelHead';

type Notice = { version: number; fingerprint: string; alreadyImported: boolean };

/**
 * The workspace's latest roster, its fingerprint first (what members compare with the
 * secretary's), and importing a roster file; one that does not verify is refused with why.
 */
export function CurrentRoster({
  roster,
  onChanged,
}: {
  roster: RosterView | null;
  onChanged: () => void;
}) {
  const { t, locale } = useLocale();
  const [notice, setNotice] = useState<Notice | null>(null);
  const { run, error } = useWrite();

  async function importFile() {
    setNotice(null);
    const answer = await run(() => api.roster.import());
    const imported = answer?.imported;
    if (imported) {
      setNotice(imported);
      onChanged();
    }
  }

  return (
    <section
      className="signing-section"
      aria-labelledby="signing-roster-title"
      data-testid="roster-current"
    >
      <PanelHead
        titleId="signing-roster-title"
        title={t('signing.roster.title')}
        level={3}
        titleClassName="signing-section__title"
      >
        <Button variant="secondary" testId="roster-import" onClick={() => void importFile()}>
          {t('signing.roster.import')}
        </Button>
      </PanelHead>
      {error && error.code === 'validation_failed' ? (
        <div className="notice notice--error" role="alert" data-testid="roster-import-error">
          <p className="notice__title">{t('signing.roster.refused')}</p>
          <p className="notice__detail">{t('app.error.detail', { message: error.message })}</p>
        </div>
      ) : (
        error && <ErrorNotice error={error} testId="roster-import-error" />
      )}
      {notice && (
        <p className="notice notice--success" role="status" data-testid="roster-imported">
          {notice.alreadyImported
            ? t('signing.roster.alreadyImported', { version: notice.version })
            : t('signing.roster.imported', {
                version: notice.version,
                fingerprint: notice.fingerprint,
              })}
        </p>
      )}
      {roster === null ? (
        <p className="muted" data-testid="roster-none">
          {t('signing.roster.none')}
        </p>
      ) : (
        <div data-testid="roster-view" data-version={roster.version}>
          <div className="signing-roster__head">
            <div>
              <p className="signing-result__label">{t('signing.roster.fingerprint')}</p>
              <Fingerprint value={roster.fingerprint} large testId="roster-fingerprint" />
              <p className="field__hint">{t('signing.roster.compare')}</p>
            </div>
            <dl className="facts signing-roster__facts">
              <FactRow term={t('signing.roster.version')} testId="roster-version">
                {t('signing.roster.versionValue', { version: roster.version })}
              </FactRow>
              <FactRow term={t('signing.roster.council')}>{roster.council}</FactRow>
              <FactRow term={t('signing.roster.validFrom')}>{roster.validFrom}</FactRow>
              <FactRow term={t('signing.roster.signedBy')} testId="roster-signers">
                {roster.signers.map((s) => `${s.name} (${roleLabel(t, s.role)})`).join(', ')}
              </FactRow>
              <FactRow term={t('signing.roster.importedAt')}>
                {formatDateTime(roster.importedAt, locale)} · {roster.importedBy}
              </FactRow>
            </dl>
          </div>
          <table className="data-table data-table--compact" data-testid="roster-members">
            <caption className="signing-roster__caption">
              {t('signing.roster.members', { count: roster.members.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('signing.roster.col.name')}</th>
                <th scope="col">{t('signing.roster.col.role')}</th>
                <th scope="col">{t('signing.roster.col.fingerprint')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.members.map((member) => (
                <tr key={member.kid} data-testid="roster-member">
                  <td>{member.name}</td>
                  <td>{roleLabel(t, member.role)}</td>
                  <td>
                    <Fingerprint value={member.fingerprint} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

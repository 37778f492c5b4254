import { useState } from 'react';
import type { SignerKey } from '../../../shared/ipc/decision-file-schemas';
import type { PersonRole } from '../../../shared/ipc/review-schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime, groupedHash } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { roleLabel } from '../../i18n/role-label';
import { Button } from '../../components/Button';

/** Who must sign; the roster's roles are what main checks, the key's are a hint here. */
const REQUIRED_ROLES: PersonRole[] = ['chair', 'secretary'];

interface Signer extends SignerKey {
  passphrase: string;
}

/**
 * Signing a closed meeting's decisions into the file auditors check. Keys are chosen by
 * dialog and unlocked in main with the passphrase typed here; the passphrase is sent once with
 * the request and cleared from the form after it.
 */
export function DecisionFilePanel({ meetingId }: { meetingId: number }) {
  const { t, locale } = useLocale();
  const { state, reload } = useApi(api.decisionFiles.list, { meetingId });
  const [signers, setSigners] = useState<Signer[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, pending: busy, error } = useWrite();

  async function addSigner() {
    const chosen = await run(() => api.decisionFiles.chooseSigner(), { pending: false });
    const key = chosen?.key;
    if (key && !signers.some((s) => s.path === key.path))
      setSigners([...signers, { ...key, passphrase: '' }]);
  }

  async function sign() {
    const result = await run(() =>
      api.decisionFiles.export({
        meetingId,
        signers: signers.map((s) => ({ keyFile: s.path, passphrase: s.passphrase })),
      }),
    );
    if (result) {
      if (result.path === null) return; // the save dialog was closed: nothing was signed
      setSaved(result.path);
    }
    // Signed or refused, the passphrases are not kept, and the list shows what main now has.
    setSigners(signers.map((s) => ({ ...s, passphrase: '' })));
    reload();
  }

  async function saveCopy(fileId: number) {
    const copy = await run(() => api.decisionFiles.saveCopy({ fileId }), { pending: false });
    if (copy && copy.path !== null) setSaved(copy.path);
  }

  const missing = REQUIRED_ROLES.filter((role) => !signers.some((s) => s.role === role));
  const ready =
    signers.length > 0 &&
    signers.every((s) => s.protection === 'os-keychain' || s.passphrase !== '') &&
    !busy;

  return (
    <section className="panel decision-files" data-testid="decision-file-panel">
      <h3 className="detail__subtitle">{t('decisionFiles.title')}</h3>
      <p className="muted">{t('decisionFiles.intro')}</p>
      <ul className="decision-files__signers">
        {signers.map((signer, index) => (
          <li key={signer.path} className="decision-files__signer" data-testid="signer-row">
            <span>
              <strong>{signer.name}</strong> ({roleLabel(t, signer.role)})
            </span>
            <code className="fingerprint">{signer.fingerprint}</code>
            {signer.protection === 'os-keychain' ? (
              <span className="muted">{t('decisionFiles.keychain')}</span>
            ) : (
              <input
                className="input"
                type="password"
                autoComplete="off"
                aria-label={t('decisionFiles.passphraseFor', { name: signer.name })}
                data-testid={`signer-passphrase-${index}`}
                value={signer.passphrase}
                onChange={(event) =>
                  setSigners(
                    signers.map((s) =>
                      s.path === signer.path ? { ...s, passphrase: event.target.value } : s,
                    ),
                  )
                }
              />
            )}
            <Button
              variant="ghost"
              onClick={() => setSigners(signers.filter((s) => s.path !== signer.path))}
            >
              {t('decisionFiles.remove')}
            </Button>
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <p className="notice notice--info" role="status" data-testid="signers-missing">
          {t('decisionFiles.missing', { roles: missing.map((r) => roleLabel(t, r)).join(', ') })}
        </p>
      )}
      <div className="inline-form">
        <Button variant="secondary" testId="signer-add" onClick={() => void addSigner()}>
          {t('decisionFiles.addSigner')}
        </Button>
        <button
          type="button"
          className="button"
          data-testid="decision-file-export"
          disabled={!ready}
          onClick={() => void sign()}
        >
          {busy ? t('decisionFiles.signing') : t('decisionFiles.export')}
        </button>
      </div>
      {busy && (
        <progress className="decision-files__progress" aria-label={t('decisionFiles.signing')} />
      )}
      {saved && (
        <p className="notice notice--success" role="status" data-testid="decision-file-saved">
          {t('decisionFiles.saved', { path: saved })}
        </p>
      )}
      {error && <ErrorNotice error={error} testId="decision-file-error" />}
      {state.status === 'ready' && state.value.files.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="decision-file-list">
            <thead>
              <tr>
                <th>{t('decisionFiles.exportedAt')}</th>
                <th>{t('decisionFiles.decisions')}</th>
                <th>{t('decisionFiles.signers')}</th>
                <th>SHA-256</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {state.value.files.map((file) => (
                <tr key={file.id}>
                  <td>{formatDateTime(file.exportedAt, locale)}</td>
                  <td>{file.decisions}</td>
                  <td>
                    {file.signers.map((s) => `${s.name} (${roleLabel(t, s.role)})`).join(', ')}
                  </td>
                  <td>
                    <code className="fingerprint" title={file.fileSha256}>
                      {groupedHash(file.fileSha256.slice(0, 24))}…
                    </code>
                  </td>
                  <td>
                    <Button variant="ghost" onClick={() => void saveCopy(file.id)}>
                      {t('decisionFiles.saveCopy')}
                    </Button>
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

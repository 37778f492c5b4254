import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { VaultStatus } from '../../../shared/ipc/vault-schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/locale-context';
import { GateCard, WorkspaceFolder } from './GateFrame';
import { SecretField, type TypedSecret } from './SecretField';
import { VAULT_ISSUE_KEYS } from './vault-issues';

/**
 * The locked workspace: opened by the passphrase, the recovery code, or this computer's
 * keychain. A refused passphrase is cleared (it was wrong, and should not linger in the page);
 * a refused recovery code stays, since it is long and a slip is easier to fix than to retype.
 */
export function UnlockWorkspace({
  status,
  onOpened,
  onRefused,
}: {
  status: VaultStatus;
  onOpened: (status: VaultStatus) => void;
  /** A refusal can mean the folder changed under us (the key file gone): the gate looks again. */
  onRefused: () => void;
}) {
  const t = useT();
  const [typed, setTyped] = useState<TypedSecret>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const { run, pending, error, clearError } = useWrite();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), [typed]);

  async function open(request: RequestOf<'vault:unlock'>) {
    if (pending) return;
    const opened = await run(() => api.vault.unlock(request), { holdOnSuccess: true });
    if (opened) return onOpened(opened);
    if (request.means === 'passphrase') setPassphrase('');
    input.current?.focus();
    onRefused();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typed === 'passphrase') {
      if (passphrase !== '') void open({ means: 'passphrase', passphrase });
    } else if (recoveryCode.trim() !== '') {
      void open({ means: 'recovery-code', recoveryCode: recoveryCode.trim() });
    }
  }

  function switchTo(next: TypedSecret) {
    clearError();
    setTyped(next);
  }

  const byPassphrase = typed === 'passphrase';
  const empty = byPassphrase ? passphrase === '' : recoveryCode.trim() === '';
  return (
    <GateCard testId="vault-unlock" title={t('vault.unlock.title')}>
      <p>{t('vault.unlock.intro')}</p>
      {status.lockedBecause && (
        <p className="notice notice--info" data-testid="vault-unlock-reason">
          {t(`vault.unlock.reason.${status.lockedBecause}`, { minutes: status.idleLockMinutes })}
        </p>
      )}
      <WorkspaceFolder dataDir={status.dataDir} />
      <form className="vault-form" onSubmit={submit}>
        <SecretField
          means={typed}
          value={byPassphrase ? passphrase : recoveryCode}
          readOnly={pending}
          inputRef={input}
          onChange={byPassphrase ? setPassphrase : setRecoveryCode}
          testIdPrefix="vault-unlock"
          label={t(byPassphrase ? 'vault.unlock.passphrase' : 'vault.unlock.recoveryCode')}
          recoveryHint={t('vault.unlock.recoveryHint')}
        />
        <div className="button-row">
          <Button
            variant="primary"
            type="submit"
            testId="vault-unlock-submit"
            disabled={pending || empty}
          >
            {pending ? t('vault.unlock.working') : t('vault.unlock.submit')}
          </Button>
          <Button
            variant="ghost"
            testId={byPassphrase ? 'vault-unlock-use-recovery' : 'vault-unlock-use-passphrase'}
            onClick={() => switchTo(byPassphrase ? 'recovery-code' : 'passphrase')}
          >
            {t(byPassphrase ? 'vault.unlock.useRecovery' : 'vault.unlock.usePassphrase')}
          </Button>
        </div>
      </form>
      {status.keychainAvailable && (
        <div className="button-row vault-card__alternative">
          <Button
            variant="secondary"
            testId="vault-unlock-keychain"
            disabled={pending}
            onClick={() => void open({ means: 'os-keychain' })}
          >
            {t('vault.unlock.keychain')}
          </Button>
        </div>
      )}
      {error && (
        <ErrorNotice error={error} testId="vault-unlock-error" issueKeys={VAULT_ISSUE_KEYS} />
      )}
    </GateCard>
  );
}

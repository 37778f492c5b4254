import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import {
  MIN_WORKSPACE_PASSPHRASE_LENGTH as MIN,
  type VaultStatus,
} from '../../../shared/ipc/vault-schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/ko';
import { GateCard, WorkspaceFolder } from './GateFrame';
import { VAULT_ISSUE_KEYS } from './vault-issues';

export type Created = ResponseOf<'vault:create'>;

/** Counted as main counts it, by characters rather than UTF-16 units. */
function lengthOf(text: string): number {
  return [...text].length;
}

/**
 * First start: the person chooses the workspace's passphrase, typed twice. It is checked here
 * first so a slip costs no round trip (making the key takes a moment), and cleared once sent.
 */
export function CreateWorkspace({
  status,
  onCreated,
  onRestore,
  converting = false,
}: {
  status: VaultStatus;
  onCreated: (created: Created) => void;
  /** "Restore from a backup" instead: the gate shows the restore form. */
  onRestore?: () => void;
  /**
   * A workspace from before encryption: the same passphrase form encrypts it (after a backup
   * of it, written into its folder) instead of making a new one.
   */
  converting?: boolean;
}) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const { run, pending, error, clearError } = useWrite();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  function edit(setter: (value: string) => void) {
    return (event: { target: { value: string } }) => {
      setter(event.target.value);
      setProblem(null);
      clearError();
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (lengthOf(passphrase) < MIN) return setProblem('vault.create.tooShort');
    if (confirm !== passphrase) return setProblem('vault.create.mismatch');
    const created = await run(
      () => (converting ? api.vault.convert({ passphrase }) : api.vault.create({ passphrase })),
      { holdOnSuccess: true },
    );
    if (!created) return;
    setPassphrase('');
    setConfirm('');
    onCreated(created);
  }

  return (
    <GateCard
      testId={converting ? 'vault-convert' : 'vault-create'}
      title={t(converting ? 'vault.convert.title' : 'vault.create.title')}
    >
      <p>{t(converting ? 'vault.convert.intro' : 'vault.create.intro')}</p>
      {status.keychainAvailable && <p className="field__hint">{t('vault.create.keychainNote')}</p>}
      <WorkspaceFolder dataDir={status.dataDir} />
      <form className="vault-form" onSubmit={(event) => void submit(event)}>
        <Field label={t('vault.create.passphrase', { min: MIN })}>
          <input
            ref={first}
            type="password"
            className="input"
            autoComplete="new-password"
            data-testid="vault-create-passphrase"
            aria-invalid={problem === 'vault.create.tooShort'}
            value={passphrase}
            onChange={edit(setPassphrase)}
          />
        </Field>
        <Field label={t('vault.create.confirm')}>
          <input
            type="password"
            className="input"
            autoComplete="new-password"
            data-testid="vault-create-confirm"
            aria-invalid={problem === 'vault.create.mismatch'}
            value={confirm}
            onChange={edit(setConfirm)}
          />
        </Field>
        {problem && (
          <p className="field-issues__item" role="alert" data-testid="vault-create-problem">
            {t(problem, { min: MIN })}
          </p>
        )}
        <Button variant="primary" type="submit" testId="vault-create-submit" disabled={pending}>
          {pending
            ? t(converting ? 'vault.convert.working' : 'vault.create.working')
            : t(converting ? 'vault.convert.submit' : 'vault.create.submit')}
        </Button>
      </form>
      {error && (
        <ErrorNotice error={error} testId="vault-create-error" issueKeys={VAULT_ISSUE_KEYS} />
      )}
      {onRestore && (
        <div className="vault-card__alternative">
          <p className="field__hint">{t('backup.restore.startHint')}</p>
          <div className="button-row">
            <Button
              variant="secondary"
              testId="vault-restore-start"
              disabled={pending}
              onClick={onRestore}
            >
              {t('backup.restore.start')}
            </Button>
          </div>
        </div>
      )}
    </GateCard>
  );
}

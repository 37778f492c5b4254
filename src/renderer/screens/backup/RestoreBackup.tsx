import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { RestoreReport } from '../../../shared/ipc/backup-schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { Button } from '../../components/Button';
import { ChosenPath } from '../../components/ChosenPath';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/locale-context';
import { GateCard, WorkspaceFolder } from '../vault/GateFrame';
import { SecretField, type TypedSecret } from '../vault/SecretField';
import { VAULT_ISSUE_KEYS } from '../vault/vault-issues';
import { BackupProgressBar, useBackupProgress } from './BackupProgressBar';
import { RestoreReportView } from './RestoreReport';

/**
 * The gate's "Restore from a backup", while this computer has no workspace: the backup file
 * (main's open dialog), then its recovery code or passphrase. Main checks the whole file before
 * writing anything and refuses a cut or altered one with its reason, which the notice shows.
 */
export function RestoreBackup({
  dataDir,
  onBack,
  onContinue,
}: {
  dataDir: string;
  onBack: () => void;
  /** The workspace is open once restored: the gate asks main for its status again. */
  onContinue: () => void;
}) {
  const t = useT();
  const [file, setFile] = useState<string | null>(null);
  const [typed, setTyped] = useState<TypedSecret>('recovery-code');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [report, setReport] = useState<RestoreReport | null>(null);
  const { run, pending, error, clearError } = useWrite();
  const { progress, reset } = useBackupProgress('restore');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), [typed]);

  async function choose() {
    // Not pending: main's dialog is modal, and closing it keeps the file chosen before.
    const answer = await run(() => api.backup.chooseFile(), { pending: false });
    if (answer?.file) setFile(answer.file);
  }

  async function restore(request: RequestOf<'backup:restore'>) {
    reset();
    const restored = await run(() => api.backup.restore(request));
    if (!restored) {
      if (request.unlock.means === 'passphrase') setPassphrase('');
      return;
    }
    setRecoveryCode('');
    setPassphrase('');
    setReport(restored);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || file === null) return;
    if (typed === 'passphrase') {
      if (passphrase !== '') void restore({ file, unlock: { means: 'passphrase', passphrase } });
    } else if (recoveryCode.trim() !== '') {
      const code = recoveryCode.trim();
      void restore({ file, unlock: { means: 'recovery-code', recoveryCode: code } });
    }
  }

  function switchTo(next: TypedSecret) {
    clearError();
    setTyped(next);
  }

  if (report)
    return (
      <GateCard testId="vault-restore" title={t('backup.restore.title')}>
        <RestoreReportView report={report} onContinue={onContinue} />
      </GateCard>
    );

  const byCode = typed === 'recovery-code';
  const empty = byCode ? recoveryCode.trim() === '' : passphrase === '';
  return (
    <GateCard testId="vault-restore" title={t('backup.restore.title')}>
      <p>{t('backup.restore.intro')}</p>
      <WorkspaceFolder dataDir={dataDir} />
      <div className="button-row">
        <Button
          variant="secondary"
          testId="vault-restore-choose"
          disabled={pending}
          onClick={() => void choose()}
        >
          {t('backup.restore.choose')}
        </Button>
      </div>
      <ChosenPath path={file} empty={t('backup.restore.noFile')} testId="vault-restore-file" />
      <form className="vault-form" onSubmit={submit}>
        <SecretField
          means={typed}
          value={byCode ? recoveryCode : passphrase}
          readOnly={pending}
          inputRef={input}
          onChange={byCode ? setRecoveryCode : setPassphrase}
          testIdPrefix="vault-restore"
          label={t(byCode ? 'backup.restore.recoveryCode' : 'backup.restore.passphrase')}
          recoveryHint={t('backup.restore.recoveryHint')}
        />
        <div className="button-row">
          <Button
            variant="primary"
            type="submit"
            testId="vault-restore-submit"
            disabled={pending || empty || file === null}
          >
            {pending ? t('backup.restore.working') : t('backup.restore.submit')}
          </Button>
          <Button
            variant="ghost"
            testId={byCode ? 'vault-restore-use-passphrase' : 'vault-restore-use-recovery'}
            disabled={pending}
            onClick={() => switchTo(byCode ? 'passphrase' : 'recovery-code')}
          >
            {t(byCode ? 'backup.restore.usePassphrase' : 'backup.restore.useRecovery')}
          </Button>
        </div>
      </form>
      {pending && (
        <BackupProgressBar
          progress={progress}
          label="backup.restore.progressLabel"
          testId="vault-restore-progress"
        />
      )}
      {error && (
        <ErrorNotice error={error} testId="vault-restore-error" issueKeys={VAULT_ISSUE_KEYS} />
      )}
      {!pending && (
        <div className="button-row vault-card__alternative">
          <Button variant="ghost" testId="vault-restore-back" onClick={onBack}>
            {t('backup.restore.back')}
          </Button>
        </div>
      )}
    </GateCard>
  );
}

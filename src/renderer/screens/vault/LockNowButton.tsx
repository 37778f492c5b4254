import { useWrite } from '../../api/use-write';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/locale-context';
import { useVault } from './vault-context';

/**
 * The top bar's "Lock": once main has locked, the gate replaces the whole shell with the
 * unlock screen, so this button only ever shows a failure, floating under the bar.
 */
export function LockNowButton() {
  const t = useT();
  const { lockNow } = useVault();
  const { run, pending, error } = useWrite();

  return (
    <>
      <Button
        variant="secondary"
        className="vault-lock-now"
        testId="vault-lock-now"
        disabled={pending}
        onClick={() => void run(lockNow, { holdOnSuccess: true })}
      >
        {/* The tooltip tells this lock from the signing key's "locked" badge beside it. */}
        <span title={t('vault.lock.label')}>{t('vault.lock.button')}</span>
      </Button>
      {error && (
        <div className="vault-lock-error">
          <ErrorNotice error={error} testId="vault-lock-error" />
        </div>
      )}
    </>
  );
}

import type { VaultStatus } from '../../../shared/ipc/vault-schemas';
import { Button } from '../../components/Button';
import { useT } from '../../i18n/locale-context';
import { GateCard, WorkspaceFolder } from './GateFrame';

/**
 * A workspace this version cannot open: one from before encryption, or an encrypted one whose
 * key file is gone. Both are for the person to fix outside the app, so the screen says what
 * to do and where, and looks again on request.
 */
export function VaultProblem({
  state,
  dataDir,
  onRetry,
}: {
  state: Extract<VaultStatus['state'], 'plain' | 'key-file-missing'>;
  dataDir: string;
  onRetry: () => void;
}) {
  const t = useT();
  return (
    <GateCard testId="vault-problem" title={t(`vault.problem.${state}.title`)}>
      <p className="notice notice--error" data-state={state}>
        {t(`vault.problem.${state}.body`)}
      </p>
      <WorkspaceFolder dataDir={dataDir} />
      <div className="button-row">
        <Button variant="secondary" testId="vault-problem-retry" onClick={onRetry}>
          {t('vault.retry')}
        </Button>
      </div>
    </GateCard>
  );
}

import { useState } from 'react';
import { Button } from '../../components/Button';
import { useT } from '../../i18n/locale-context';
import { GateCard, WorkspaceFolder } from './GateFrame';

/**
 * The recovery code, right after the workspace is made: main returns it this once and keeps no
 * copy, so the person must take it down before going on. Only the sheet (the code and the
 * folder it opens) prints; vault.css hides the rest of the card on paper.
 */
export function RecoveryCode({
  recoveryCode,
  dataDir,
  onContinue,
}: {
  recoveryCode: string;
  dataDir: string;
  onContinue: () => void;
}) {
  const t = useT();
  const [kept, setKept] = useState(false);

  return (
    <GateCard testId="vault-recovery" title={t('vault.recovery.title')} className="vault-recovery">
      <p>{t('vault.recovery.intro')}</p>
      <div className="vault-recovery__sheet">
        <p className="vault-recovery__label">{t('vault.recovery.codeLabel')}</p>
        <p className="vault-recovery__code" data-testid="vault-recovery-code">
          {/* Three groups a line, never a group cut in two: it is read aloud group by group.
              The text stays the code as typed, hyphens included, for copying. */}
          {groupsOf(recoveryCode).map((group, i, all) => (
            <span key={i} className="vault-recovery__group">
              {i < all.length - 1 ? `${group}-` : group}
            </span>
          ))}
        </p>
        <WorkspaceFolder dataDir={dataDir} />
      </div>
      <div className="button-row">
        <Button variant="secondary" testId="vault-recovery-print" onClick={() => window.print()}>
          {t('vault.recovery.print')}
        </Button>
      </div>
      <label className="choice vault-recovery__ack">
        <input
          type="checkbox"
          data-testid="vault-recovery-ack"
          checked={kept}
          onChange={(event) => setKept(event.target.checked)}
        />
        <span>{t('vault.recovery.ack')}</span>
      </label>
      <div className="button-row">
        <Button
          variant="primary"
          testId="vault-recovery-continue"
          disabled={!kept}
          onClick={onContinue}
        >
          {t('vault.recovery.continue')}
        </Button>
      </div>
    </GateCard>
  );
}

function groupsOf(code: string): string[] {
  return code.split('-');
}

import { useState, type FormEvent } from 'react';
import { vaultContract } from '../../../shared/ipc/vault-schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FactRow } from '../../components/Facts';
import { TextField } from '../../components/Field';
import { useT } from '../../i18n/locale-context';
import { useVault } from './vault-context';

/** The contract's own bound, so the form refuses exactly what main would. */
const MAX_MINUTES =
  vaultContract['vault:setIdleLock'].request.shape.minutes.maxValue ?? Number.MAX_SAFE_INTEGER;

function parseMinutes(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const minutes = Number(text.trim());
  return minutes <= MAX_MINUTES ? minutes : null;
}

/**
 * Settings' "Lock after idle": how long the computer may sit untouched before the workspace
 * locks by itself. Main keeps the value beside the database, and the gate keeps the status.
 */
export function IdleLockSetting() {
  const t = useT();
  const { status, statusChanged } = useVault();
  const [minutes, setMinutes] = useState(String(status.idleLockMinutes));
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useWrite();

  async function save(event: FormEvent) {
    event.preventDefault();
    const value = parseMinutes(minutes);
    setInvalid(value === null);
    if (value === null) return;
    const answer = await run(() => api.vault.setIdleLock({ minutes: value }));
    if (!answer) return;
    statusChanged(answer);
    setMinutes(String(answer.idleLockMinutes));
    setSaved(true);
  }

  function edit(value: string) {
    setMinutes(value);
    setInvalid(false);
    setSaved(false);
  }

  const current = status.idleLockMinutes;
  return (
    <div className="panel" data-testid="vault-idle-panel">
      <h2 className="panel__title">{t('vault.idle.title')}</h2>
      <dl className="facts">
        <FactRow term={t('vault.idle.current')} testId="vault-idle-current">
          {current === 0
            ? t('vault.idle.never')
            : t('vault.idle.afterMinutes', { minutes: current })}
        </FactRow>
      </dl>
      <form className="button-row vault-idle__form" onSubmit={(event) => void save(event)}>
        <TextField
          label={t('vault.idle.minutes')}
          inline
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_MINUTES}
          step={1}
          inputClassName="vault-idle__input"
          testId="vault-idle-minutes"
          aria-invalid={invalid}
          value={minutes}
          onChange={edit}
        />
        <Button variant="primary" type="submit" testId="vault-idle-save" disabled={pending}>
          {t('vault.idle.save')}
        </Button>
        {saved && (
          <span className="muted" role="status" data-testid="vault-idle-saved">
            {t('vault.idle.saved')}
          </span>
        )}
      </form>
      {invalid && (
        <p className="field-issues__item" role="alert" data-testid="vault-idle-invalid">
          {t('vault.idle.invalid', { max: MAX_MINUTES })}
        </p>
      )}
      <p className="field__hint">{t('vault.idle.hint')}</p>
      {error && <ErrorNotice error={error} testId="vault-idle-error" />}
    </div>
  );
}

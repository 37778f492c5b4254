import type { RefObject } from 'react';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/locale-context';

export type RestoreMeans = 'recovery-code' | 'passphrase';

/**
 * What opens the backup: its workspace's recovery code (the usual way, since a backup often
 * comes back after the passphrase is forgotten) or its passphrase. Read-only while restoring.
 */
export function RestoreSecretField({
  means,
  value,
  readOnly,
  inputRef,
  onChange,
}: {
  means: RestoreMeans;
  value: string;
  readOnly: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (value: string) => void;
}) {
  const t = useT();
  if (means === 'passphrase')
    return (
      <Field label={t('backup.restore.passphrase')}>
        <input
          ref={inputRef}
          type="password"
          className="input"
          autoComplete="current-password"
          data-testid="vault-restore-passphrase"
          readOnly={readOnly}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </Field>
    );
  return (
    <div className="field">
      <Field label={t('backup.restore.recoveryCode')} className="vault-form__tight">
        <input
          ref={inputRef}
          type="text"
          className="input vault-form__code"
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby="vault-restore-recovery-hint"
          data-testid="vault-restore-recovery-code"
          readOnly={readOnly}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </Field>
      <p id="vault-restore-recovery-hint" className="field__hint">
        {t('backup.restore.recoveryHint')}
      </p>
    </div>
  );
}

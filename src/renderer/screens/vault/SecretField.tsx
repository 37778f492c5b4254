import type { RefObject } from 'react';
import { Field } from '../../components/Field';

/** How a person opens a workspace or a backup by typing: its passphrase or its recovery code. */
export type TypedSecret = 'passphrase' | 'recovery-code';

/**
 * The one input a person types a workspace's secret into, at the lock screen and when
 * restoring a backup: a password field for the passphrase; for the recovery code, a plain
 * field in capitals (read aloud and copied from paper, it should be seen) with a hint.
 * Test ids are `<testIdPrefix>-passphrase` and `<testIdPrefix>-recovery-code`.
 */
export function SecretField({
  means,
  value,
  readOnly,
  inputRef,
  onChange,
  testIdPrefix,
  label,
  recoveryHint,
}: {
  means: TypedSecret;
  value: string;
  readOnly: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (value: string) => void;
  testIdPrefix: string;
  /** The field's label, already in the person's language. */
  label: string;
  recoveryHint: string;
}) {
  if (means === 'passphrase')
    return (
      <Field label={label}>
        <input
          ref={inputRef}
          type="password"
          className="input"
          autoComplete="current-password"
          data-testid={`${testIdPrefix}-passphrase`}
          readOnly={readOnly}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </Field>
    );
  const hintId = `${testIdPrefix}-recovery-hint`;
  return (
    <div className="field">
      <Field label={label} className="vault-form__tight">
        <input
          ref={inputRef}
          type="text"
          className="input vault-form__code"
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={hintId}
          data-testid={`${testIdPrefix}-recovery-code`}
          readOnly={readOnly}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </Field>
      <p id={hintId} className="field__hint">
        {recoveryHint}
      </p>
    </div>
  );
}

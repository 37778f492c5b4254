import { useState, type FormEvent } from 'react';
import { PERSON_ROLES, type PersonRole } from '../../../../shared/ipc/review-schemas';
import type { KeyProtectionKind } from '../../../../shared/ipc/signing-schemas';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useT } from '../../../i18n/locale-context';
import { roleLabel } from '../../../i18n/role-label';
import { Fingerprint } from './Fingerprint';
import { passphraseStrength } from './passphrase-strength';
import type { CreatedKey } from './signing-types';
import { Button } from '../../../components/Button';
import { Options, SelectField, TextField } from '../../../components/Field';
import { FactRow } from '../../../components/Facts';

interface Props {
  osKeychain: boolean;
  minPassphraseLength: number;
  created: CreatedKey | null;
  onCreated: (key: CreatedKey) => void;
}

/**
 * Makes the person's own key pair in main. The passphrase is typed twice here, sent once with
 * the request and cleared when the key is made; main asks where to save the key file.
 */
export function CreateKeyForm({ osKeychain, minPassphraseLength, created, onCreated }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole>('member');
  const [protection, setProtection] = useState<KeyProtectionKind>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const { run, pending: busy, error } = useWrite();

  const usesPassphrase = protection === 'passphrase';
  const tooShort = passphrase.length > 0 && passphrase.length < minPassphraseLength;
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  const ready =
    name.trim() !== '' &&
    !busy &&
    (!usesPassphrase || (passphrase.length >= minPassphraseLength && confirm === passphrase));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const answer = await run(() =>
      api.keys.create({
        name: name.trim(),
        role,
        protection: usesPassphrase ? { kind: 'passphrase', passphrase } : { kind: 'os-keychain' },
      }),
    );
    const made = answer?.created;
    if (made) {
      setPassphrase('');
      setConfirm('');
      onCreated(made);
    }
  }

  const strength = passphraseStrength(passphrase);
  return (
    <section className="signing-section" aria-labelledby="signing-create-title">
      <h3 id="signing-create-title" className="signing-section__title">
        {t('signing.create.title')}
      </h3>
      <form className="signing-form" onSubmit={(event) => void submit(event)}>
        <div className="signing-form__row">
          <TextField
            label={t('signing.create.name')}
            testId="key-name"
            value={name}
            maxLength={80}
            autoComplete="name"
            onChange={setName}
          />
          <SelectField
            label={t('signing.create.role')}
            testId="key-role"
            value={role}
            onChange={(value) => setRole(value as PersonRole)}
          >
            <Options values={PERSON_ROLES} optionLabel={(option) => roleLabel(t, option)} />
          </SelectField>
        </div>
        <fieldset className="field">
          <legend className="field__label">{t('signing.create.protection')}</legend>
          <div className="signing-choices">
            <label className="choice">
              <input
                type="radio"
                name="key-protection"
                data-testid="key-protection-passphrase"
                checked={usesPassphrase}
                onChange={() => setProtection('passphrase')}
              />
              <span>
                {t('signing.create.passphrase')}
                <span className="field__hint signing-choices__hint">
                  {t('signing.create.passphraseHint')}
                </span>
              </span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="key-protection"
                data-testid="key-protection-keychain"
                checked={!usesPassphrase}
                disabled={!osKeychain}
                onChange={() => setProtection('os-keychain')}
              />
              <span>
                {t('signing.create.keychain')}
                <span className="field__hint signing-choices__hint">
                  {osKeychain
                    ? t('signing.create.keychainHint')
                    : t('signing.create.keychainUnavailable')}
                </span>
              </span>
            </label>
          </div>
        </fieldset>
        {usesPassphrase && (
          <div className="signing-form__row">
            <TextField
              label={t('signing.create.passphraseField', { min: minPassphraseLength })}
              type="password"
              autoComplete="new-password"
              testId="key-passphrase"
              aria-invalid={tooShort}
              value={passphrase}
              onChange={setPassphrase}
            >
              {passphrase.length > 0 && (
                <span
                  className={`signing-strength signing-strength--${strength}`}
                  data-testid="key-strength"
                  data-strength={strength}
                >
                  {t('signing.strength.label')}: {t(`signing.strength.${strength}`)}
                </span>
              )}
              {tooShort && (
                <span className="field-issues__item">
                  {t('signing.create.tooShort', { min: minPassphraseLength })}
                </span>
              )}
            </TextField>
            <TextField
              label={t('signing.create.confirmField')}
              type="password"
              autoComplete="new-password"
              testId="key-passphrase-confirm"
              aria-invalid={mismatch}
              value={confirm}
              onChange={setConfirm}
            >
              {mismatch && (
                <span className="field-issues__item" data-testid="key-passphrase-mismatch">
                  {t('signing.create.mismatch')}
                </span>
              )}
            </TextField>
          </div>
        )}
        <Button variant="primary" type="submit" testId="key-create" disabled={!ready}>
          {busy ? t('signing.create.working') : t('signing.create.submit')}
        </Button>
      </form>
      {error && <ErrorNotice error={error} testId="key-create-error" />}
      {created && <CreatedKeyView created={created} />}
    </section>
  );
}

function CreatedKeyView({ created }: { created: CreatedKey }) {
  const t = useT();
  return (
    <div className="signing-result" role="status" data-testid="key-created">
      <p className="signing-result__title">
        {t('signing.result.title')}: {created.name} ({roleLabel(t, created.role)})
      </p>
      <p className="signing-result__label">{t('signing.result.fingerprint')}</p>
      <Fingerprint value={created.fingerprint} large testId="key-created-fingerprint" />
      <p className="field__hint">{t('signing.result.compare')}</p>
      <dl className="facts">
        <FactRow term={t('signing.result.protection')}>
          {t(`signing.protection.${created.protection}`)}
        </FactRow>
        <FactRow
          term={t('signing.result.publicKeyFile')}
          className="mono break-all"
          testId="key-created-public-file"
        >
          {created.publicKeyFile}
        </FactRow>
        <FactRow
          term={t('signing.result.keyFile')}
          className="mono break-all"
          testId="key-created-key-file"
        >
          {created.keyFile}
        </FactRow>
      </dl>
    </div>
  );
}

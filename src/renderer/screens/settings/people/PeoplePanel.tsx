import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { announceActingChanged, useActingChanges } from '../../../api/acting-changes';
import { api, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { useWrite } from '../../../api/use-write';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { FactRow } from '../../../components/Facts';
import { TextField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { useT, type Translate } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/ko';
import { roleLabel } from '../../../i18n/role-label';
import { Fingerprint } from '../signing/Fingerprint';
import type { InspectedKey } from '../signing/signing-types';

type People = ResponseOf<'people:list'>;

/**
 * Why main refused to unlock, in words a person can act on. Main answers `conflict` when no
 * roster is loaded and `forbidden` for a key it cannot open or will not seat (wrong
 * passphrase, another machine's keychain, not on the roster); which one follows from what the
 * inspection of the chosen file already said. Main's own message is shown under it.
 */
function unlockRefusal(
  error: ApiError,
  key: InspectedKey,
  rosterVersion: number | null,
): { key: MessageKey; params?: Record<string, string | number> } | null {
  if (error.code === 'conflict') return { key: 'settings.people.refused.noRoster' };
  if (error.code !== 'forbidden') return null;
  if (key.onRoster === null && rosterVersion !== null)
    return { key: 'settings.people.refused.notOnRoster', params: { version: rosterVersion } };
  if (key.protection === 'os-keychain') return { key: 'settings.people.refused.keychain' };
  return { key: 'settings.people.refused.wrongPassphrase' };
}

function onRosterText(t: Translate, key: InspectedKey, rosterVersion: number | null): string {
  if (key.onRoster)
    return t('settings.people.onRosterYes', {
      version: key.onRoster.version,
      name: key.onRoster.name,
      role: roleLabel(t, key.onRoster.role),
    });
  return rosterVersion === null
    ? t('settings.people.onRosterUnknown')
    : t('settings.people.onRosterNo', { version: rosterVersion });
}

/**
 * Who is working at this machine: the person who unlocked their own key here. Their name and
 * role are the roster's, never chosen from a list; main holds the unlocked key until it is
 * locked or the app ends. Below, the roster's members, read-only (the roster is changed by
 * importing a new signed version in "Keys and roster").
 */
export function PeoplePanel() {
  const t = useT();
  const { state, reload } = useApi(api.people.list, undefined, useActingChanges());
  return (
    <div className="panel people" data-testid="people-panel">
      <h2 className="panel__title">{t('settings.people.title')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          {state.value.current ? (
            <ActingNow current={state.value.current} />
          ) : (
            <UnlockKey rosterVersion={state.value.rosterVersion} />
          )}
          <RosterMembers people={state.value} />
        </>
      )}
    </div>
  );
}

function ActingNow({ current }: { current: NonNullable<People['current']> }) {
  const t = useT();
  const { run, pending, error } = useWrite();

  async function lock() {
    if (await run(() => api.people.lock())) announceActingChanged();
  }

  return (
    <div
      className="people-acting people-acting--unlocked"
      data-testid="people-current"
      data-state="unlocked"
    >
      <p className="people-acting__line">
        {t('settings.people.current')}:{' '}
        <strong data-testid="people-current-name">
          {current.name} ({roleLabel(t, current.role)})
        </strong>
        <span className="people-acting__sep" aria-hidden="true">
          ·
        </span>
        <span className="people-acting__fingerprint">
          {t('settings.people.fingerprint')}{' '}
          <Fingerprint value={current.fingerprint} testId="people-current-fingerprint" />
        </span>
      </p>
      <p className="field__hint">{t('settings.people.currentHint')}</p>
      <div className="button-row">
        <Button
          variant="secondary"
          testId="people-lock"
          disabled={pending}
          onClick={() => void lock()}
        >
          {t('settings.people.lock')}
        </Button>
      </div>
      {error && <ErrorNotice error={error} testId="people-error" />}
    </div>
  );
}

function UnlockKey({ rosterVersion }: { rosterVersion: number | null }) {
  const t = useT();
  const [key, setKey] = useState<InspectedKey | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const chooser = useWrite();
  const unlocker = useWrite();

  async function chooseKey() {
    unlocker.clearError();
    // Choosing a file must not mark the form busy (useWrite's `pending: false`).
    const answer = await chooser.run(() => api.keys.inspect({ kind: 'key-file' }), {
      pending: false,
    });
    // A closed dialog keeps the key chosen before, if any.
    if (answer?.key) {
      setKey(answer.key);
      setPassphrase('');
    }
  }

  async function unlock(event: FormEvent) {
    event.preventDefault();
    if (key === null) return;
    const answer = await unlocker.run(() =>
      api.people.unlock({
        keyFile: key.path,
        passphrase: key.protection === 'passphrase' ? passphrase : null,
      }),
    );
    // The passphrase is never kept once used, whatever main answered.
    setPassphrase('');
    if (answer) announceActingChanged();
  }

  const needsPassphrase = key?.protection === 'passphrase';
  const refusal = unlocker.error && key ? unlockRefusal(unlocker.error, key, rosterVersion) : null;

  return (
    <div
      className="people-acting people-acting--locked"
      data-testid="people-current"
      data-state="locked"
    >
      <p className="people-acting__line">
        <strong>{t('settings.people.lockedLine')}</strong>
      </p>
      <p className="field__hint">{t('settings.people.lockedHint')}</p>
      <div className="button-row">
        <Button
          variant={key ? 'secondary' : 'primary'}
          testId="people-choose-key"
          onClick={() => void chooseKey()}
        >
          {key ? t('settings.people.chooseOther') : t('settings.people.chooseKey')}
        </Button>
      </div>
      {chooser.error && <ErrorNotice error={chooser.error} testId="people-key-error" />}
      {key && (
        <div className="signing-result signing-result--plain" data-testid="people-chosen-key">
          <Fingerprint value={key.fingerprint} large testId="people-key-fingerprint" />
          <dl className="facts">
            <FactRow term={t('settings.people.holder')} testId="people-key-holder">
              {key.name} ({roleLabel(t, key.role)})
            </FactRow>
            <FactRow term={t('settings.people.onRoster')} testId="people-key-on-roster">
              {onRosterText(t, key, rosterVersion)}
            </FactRow>
            {key.protection && (
              <FactRow term={t('settings.people.protection')}>
                {t(`signing.protection.${key.protection}`)}
              </FactRow>
            )}
            <FactRow term={t('settings.people.file')} className="mono break-all">
              {key.path}
            </FactRow>
          </dl>
          {key.file === 'public-key' ? (
            <p className="notice notice--info" data-testid="people-public-key-chosen">
              {t('settings.people.publicKeyChosen')}
            </p>
          ) : (
            <form className="people-unlock" onSubmit={(event) => void unlock(event)}>
              {needsPassphrase ? (
                <TextField
                  label={t('settings.people.passphrase', { name: key.name })}
                  className="people-unlock__passphrase"
                  type="password"
                  autoComplete="off"
                  testId="people-passphrase"
                  value={passphrase}
                  maxLength={1024}
                  onChange={(value) => {
                    setPassphrase(value);
                    unlocker.clearError();
                  }}
                />
              ) : (
                <p className="muted">{t('settings.people.keychainNoPassphrase')}</p>
              )}
              <Button
                variant="primary"
                type="submit"
                testId="people-unlock"
                disabled={unlocker.pending || (needsPassphrase && passphrase === '')}
              >
                {unlocker.pending ? t('settings.people.unlocking') : t('settings.people.unlock')}
              </Button>
            </form>
          )}
        </div>
      )}
      {refusal && (
        <p className="notice notice--error" role="alert" data-testid="people-unlock-refused">
          {t(refusal.key, refusal.params)}
        </p>
      )}
      {unlocker.error && <ErrorNotice error={unlocker.error} testId="people-unlock-error" />}
    </div>
  );
}

function RosterMembers({ people }: { people: People }) {
  const t = useT();
  if (people.rosterVersion === null)
    return (
      <p className="notice notice--info people-roster-none" data-testid="people-no-roster">
        {t('settings.people.noRoster')}
      </p>
    );
  return (
    <section className="people-roster" aria-labelledby="people-roster-title">
      <h3 id="people-roster-title" className="signing-section__title">
        {t('settings.people.rosterTitle', {
          version: people.rosterVersion,
          count: people.people.length,
        })}
      </h3>
      <table
        className="data-table data-table--compact"
        data-testid="people-table"
        data-version={people.rosterVersion}
      >
        <thead>
          <tr>
            <th scope="col">{t('settings.people.name')}</th>
            <th scope="col">{t('settings.people.role')}</th>
            <th scope="col">{t('settings.people.fingerprint')}</th>
          </tr>
        </thead>
        <tbody>
          {people.people.map((person) => {
            const acting = people.current?.fingerprint === person.fingerprint;
            return (
              <tr
                key={person.fingerprint}
                data-testid="people-member"
                aria-current={acting ? 'true' : undefined}
              >
                <td>
                  {person.name}
                  {acting && (
                    <span className="badge people-roster__acting">
                      {t('settings.people.actingMark')}
                    </span>
                  )}
                </td>
                <td>{roleLabel(t, person.role)}</td>
                <td>
                  <Fingerprint value={person.fingerprint} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

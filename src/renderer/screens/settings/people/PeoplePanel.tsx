import { useState, type FormEvent } from 'react';
import { PERSON_ROLES, type PersonRole } from '../../../../shared/ipc/review-schemas';
import { asApiError, api, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { useT } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/ko';

const roleKey = (role: PersonRole) => `role.${role}` as MessageKey;

/**
 * The council's people at this workspace and who sits at this machine. Until members have
 * keys (the committee issue), choosing a name here is what every later record carries.
 */
export function PeoplePanel() {
  const t = useT();
  const { state, reload } = useApi(api.people.list, undefined);
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole>('member');
  const [error, setError] = useState<ApiError | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await api.people.add({ name: name.trim(), role });
      setName('');
      setError(null);
      reload();
    } catch (cause) {
      setError(asApiError(cause));
    }
  }

  async function choose(person: string) {
    try {
      await api.people.setCurrent({ name: person });
      setError(null);
      reload();
    } catch (cause) {
      setError(asApiError(cause));
    }
  }

  return (
    <div className="panel" data-testid="people-panel">
      <h2 className="panel__title">{t('people.title')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p className="muted" data-testid="people-current">
            {t('people.current')}:{' '}
            <strong>
              {state.value.current
                ? `${state.value.current.name} (${t(roleKey(state.value.current.role))})`
                : '—'}
            </strong>
          </p>
          <p className="field__hint">{t('people.currentHint')}</p>
          {state.value.people.length === 0 ? (
            <p className="muted">{t('people.none')}</p>
          ) : (
            <table className="data-table data-table--compact" data-testid="people-table">
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('people.role')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {state.value.people.map((person) => (
                  <tr key={person.name}>
                    <td>{person.name}</td>
                    <td>{t(roleKey(person.role))}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        data-testid={`people-choose-${person.name}`}
                        disabled={state.value.current?.name === person.name}
                        onClick={() => void choose(person.name)}
                      >
                        {t('people.choose')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form className="inline-form" onSubmit={(event) => void add(event)}>
            <label className="inline-field">
              <span className="inline-field__label">{t('people.name')}</span>
              <input
                className="input"
                data-testid="people-name"
                value={name}
                maxLength={80}
                onChange={(event) => setName(event.target.value)}
              />
            </label>
            <label className="inline-field">
              <span className="inline-field__label">{t('people.role')}</span>
              <select
                className="select"
                data-testid="people-role"
                value={role}
                onChange={(event) => setRole(event.target.value as PersonRole)}
              >
                {PERSON_ROLES.map((option) => (
                  <option key={option} value={option}>
                    {t(roleKey(option))}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="button button--secondary"
              data-testid="people-add"
              disabled={name.trim() === ''}
            >
              {t('people.add')}
            </button>
          </form>
          {error && <ErrorNotice error={error} testId="people-error" />}
        </>
      )}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { PERSON_ROLES, type PersonRole } from '../../../../shared/ipc/review-schemas';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { useT } from '../../../i18n/locale-context';
import { roleLabel } from '../../../i18n/role-label';
import { Button } from '../../../components/Button';
import { Options, SelectField, TextField } from '../../../components/Field';

/**
 * The council's people at this workspace and who sits at this machine. Until members have
 * keys (the committee issue), choosing a name here is what every later record carries.
 */
export function PeoplePanel() {
  const t = useT();
  const { state, reload } = useApi(api.people.list, undefined);
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole>('member');
  const { run, error } = useWrite();

  async function add(event: FormEvent) {
    event.preventDefault();
    if (await run(() => api.people.add({ name: name.trim(), role }))) {
      setName('');
      reload();
    }
  }

  async function choose(person: string) {
    if (await run(() => api.people.setCurrent({ name: person }))) reload();
  }

  return (
    <div className="panel" data-testid="people-panel">
      <h2 className="panel__title">{t('settings.people.title')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p className="muted" data-testid="people-current">
            {t('settings.people.current')}:{' '}
            <strong>
              {state.value.current
                ? `${state.value.current.name} (${roleLabel(t, state.value.current.role)})`
                : '—'}
            </strong>
          </p>
          <p className="field__hint">{t('settings.people.currentHint')}</p>
          {state.value.people.length === 0 ? (
            <p className="muted">{t('settings.people.none')}</p>
          ) : (
            <table className="data-table data-table--compact" data-testid="people-table">
              <thead>
                <tr>
                  <th scope="col">{t('settings.people.name')}</th>
                  <th scope="col">{t('settings.people.role')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {state.value.people.map((person) => (
                  <tr key={person.name}>
                    <td>{person.name}</td>
                    <td>{roleLabel(t, person.role)}</td>
                    <td>
                      <Button
                        variant="ghost"
                        small
                        testId={`people-choose-${person.name}`}
                        disabled={state.value.current?.name === person.name}
                        onClick={() => void choose(person.name)}
                      >
                        {t('settings.people.choose')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form className="inline-form" onSubmit={(event) => void add(event)}>
            <TextField
              label={t('settings.people.name')}
              inline
              testId="people-name"
              value={name}
              maxLength={80}
              onChange={setName}
            />
            <SelectField
              label={t('settings.people.role')}
              inline
              testId="people-role"
              value={role}
              onChange={(value) => setRole(value as PersonRole)}
            >
              <Options values={PERSON_ROLES} optionLabel={(option) => roleLabel(t, option)} />
            </SelectField>
            <Button
              variant="secondary"
              type="submit"
              testId="people-add"
              disabled={name.trim() === ''}
            >
              {t('settings.people.add')}
            </Button>
          </form>
          {error && <ErrorNotice error={error} testId="people-error" />}
        </>
      )}
    </div>
  );
}

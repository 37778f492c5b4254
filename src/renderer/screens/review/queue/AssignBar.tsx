import { useState } from 'react';
import type { PersonDto } from '../../../../shared/ipc/review-schemas';
import { asApiError, api, type ApiError } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';

const NOBODY = '';

/**
 * A secretary's bulk assignment: everything the grid shows right now (view, filters and search
 * applied) goes to one member, or back to nobody.
 */
export function AssignBar({
  people,
  shownClaimIds,
  onAssigned,
}: {
  people: PersonDto[];
  shownClaimIds: () => Promise<string[]>;
  onAssigned: () => void;
}) {
  const t = useT();
  const members = people.filter((p) => p.role === 'member' || p.role === 'chair');
  const [assignee, setAssignee] = useState(members[0]?.name ?? NOBODY);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function assign() {
    const claimIds = await shownClaimIds();
    if (claimIds.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.assignments.assign({
        claimIds,
        assignee: assignee === NOBODY ? null : assignee,
      });
      setMessage(
        assignee === NOBODY
          ? t('assign.cleared', { count: formatCount(result.assigned) })
          : t('assign.done', { count: formatCount(result.assigned), name: assignee }),
      );
      onAssigned();
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="assign-bar" data-testid="assign-bar">
      <label className="inline-field">
        <span className="inline-field__label">{t('assign.to')}</span>
        <select
          className="select"
          data-testid="assign-to"
          value={assignee}
          onChange={(event) => setAssignee(event.target.value)}
        >
          {members.map((person) => (
            <option key={person.name} value={person.name}>
              {person.name}
            </option>
          ))}
          <option value={NOBODY}>{t('assign.nobody')}</option>
        </select>
      </label>
      <button
        type="button"
        className="button button--secondary"
        data-testid="assign-shown"
        disabled={busy}
        onClick={() => void assign()}
      >
        {t('assign.shown')}
      </button>
      {message && (
        <span className="muted" role="status" data-testid="assign-status">
          {message}
        </span>
      )}
      {error && <ErrorNotice error={error} testId="assign-error" />}
    </div>
  );
}

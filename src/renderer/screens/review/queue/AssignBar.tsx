import { useState } from 'react';
import type { PersonDto } from '../../../../shared/ipc/review-schemas';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';

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
  const { run, pending: busy, error } = useWrite();
  const [message, setMessage] = useState<string | null>(null);

  async function assign() {
    const claimIds = await shownClaimIds();
    if (claimIds.length === 0) return;
    const result = await run(() =>
      api.assignments.assign({ claimIds, assignee: assignee === NOBODY ? null : assignee }),
    );
    if (!result) return;
    setMessage(
      assignee === NOBODY
        ? t('review.assign.cleared', { count: formatCount(result.assigned) })
        : t('review.assign.done', { count: formatCount(result.assigned), name: assignee }),
    );
    onAssigned();
  }

  return (
    <div className="assign-bar" data-testid="assign-bar">
      <SelectField
        label={t('review.assign.to')}
        inline
        testId="assign-to"
        value={assignee}
        onChange={setAssignee}
      >
        {members.map((person) => (
          <option key={person.name} value={person.name}>
            {person.name}
          </option>
        ))}
        <option value={NOBODY}>{t('review.assign.nobody')}</option>
      </SelectField>
      <Button
        variant="secondary"
        testId="assign-shown"
        disabled={busy}
        onClick={() => void assign()}
      >
        {t('review.assign.shown')}
      </Button>
      {message && (
        <span className="muted" role="status" data-testid="assign-status">
          {message}
        </span>
      )}
      {error && <ErrorNotice error={error} testId="assign-error" />}
    </div>
  );
}

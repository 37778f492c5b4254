import { useState, type FormEvent } from 'react';
import {
  QUORUM_RULE_KINDS,
  QUORUM_RULE_LABELS,
  THRESHOLD_LABELS,
  THRESHOLD_RULE_KINDS,
  type QuorumRule,
  type ThresholdRule,
} from '../../../shared/domain/committee';
import type { MeetingDetail } from '../../../shared/ipc/meeting-schemas';
import type { PersonDto } from '../../../shared/ipc/review-schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLocale } from '../../i18n/locale-context';
import { roleLabel } from '../../i18n/role-label';
import { Button } from '../../components/Button';
import { Options, SelectField, TextField } from '../../components/Field';

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The secretary's form: number, date, place, the two rules, and every voting member ticked
 * present or left absent. Main checks it all again; the form only makes the usual case quick.
 */
export function OpenMeetingForm({
  voters,
  nextNumber,
  onOpened,
}: {
  voters: PersonDto[];
  nextNumber: number;
  onOpened: (meeting: MeetingDetail) => void;
}) {
  const { t, label } = useLocale();
  const [number, setNumber] = useState(String(nextNumber));
  const [heldOn, setHeldOn] = useState(todayIso);
  const [place, setPlace] = useState('');
  const [quorumKind, setQuorumKind] = useState<QuorumRule['kind']>('majority_of_members');
  const [quorumCount, setQuorumCount] = useState('3');
  const [threshold, setThreshold] = useState<ThresholdRule['kind']>('majority_of_votes_cast');
  const [absent, setAbsent] = useState<ReadonlySet<string>>(new Set());
  const { run, error } = useWrite();

  function toggle(name: string) {
    const next = new Set(absent);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setAbsent(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const quorum: QuorumRule =
      quorumKind === 'at_least'
        ? { kind: 'at_least', count: Number(quorumCount) }
        : { kind: 'majority_of_members' };
    const meeting = await run(() =>
      api.meetings.open({
        number: Number(number),
        heldOn,
        place,
        quorum,
        threshold: { kind: threshold },
        attendance: voters.map((p) => ({ member: p.name, present: !absent.has(p.name) })),
      }),
    );
    if (meeting) onOpened(meeting);
  }

  if (voters.length === 0) return <p className="muted">{t('meetings.open.noMembers')}</p>;
  return (
    <form className="meetings-form" onSubmit={(event) => void submit(event)}>
      <h3 className="detail__subtitle">{t('meetings.open.title')}</h3>
      <div className="inline-form">
        <TextField
          label={t('meetings.open.number')}
          inline
          inputClassName="meetings-form__short"
          type="number"
          min={1}
          testId="meeting-number"
          value={number}
          onChange={setNumber}
        />
        <TextField
          label={t('meetings.open.date')}
          inline
          type="date"
          testId="meeting-date"
          value={heldOn}
          onChange={setHeldOn}
        />
        <TextField
          label={t('meetings.open.place')}
          inline
          maxLength={200}
          testId="meeting-place"
          value={place}
          onChange={setPlace}
        />
      </div>
      <div className="inline-form">
        <SelectField
          label={t('meetings.open.quorum')}
          inline
          testId="meeting-quorum"
          value={quorumKind}
          onChange={(value) => setQuorumKind(value as QuorumRule['kind'])}
        >
          <Options
            values={QUORUM_RULE_KINDS}
            optionLabel={(kind) => label(QUORUM_RULE_LABELS[kind]).replace('{count}', 'N')}
          />
        </SelectField>
        {quorumKind === 'at_least' && (
          <TextField
            label={t('meetings.open.quorumCount')}
            inline
            inputClassName="meetings-form__short"
            type="number"
            min={1}
            testId="meeting-quorum-count"
            value={quorumCount}
            onChange={setQuorumCount}
          />
        )}
        <SelectField
          label={t('meetings.open.threshold')}
          inline
          testId="meeting-threshold"
          value={threshold}
          onChange={(value) => setThreshold(value as ThresholdRule['kind'])}
        >
          <Options
            values={THRESHOLD_RULE_KINDS}
            optionLabel={(kind) => label(THRESHOLD_LABELS[kind])}
          />
        </SelectField>
      </div>
      <fieldset className="meetings-form__attendance">
        <legend className="field__label">{t('meetings.open.attendance')}</legend>
        {voters.map((person) => (
          <label key={person.name} className="choice">
            <input
              type="checkbox"
              data-testid={`meeting-present-${person.name}`}
              checked={!absent.has(person.name)}
              onChange={() => toggle(person.name)}
            />{' '}
            {person.name} ({roleLabel(t, person.role)})
          </label>
        ))}
      </fieldset>
      <Button variant="primary" type="submit" testId="meeting-open">
        {t('meetings.open.submit')}
      </Button>
      {error && <ErrorNotice error={error} testId="meeting-open-error" />}
    </form>
  );
}

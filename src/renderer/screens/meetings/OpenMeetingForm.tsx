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
        <label className="inline-field">
          <span className="inline-field__label">{t('meetings.open.number')}</span>
          <input
            className="input meetings-form__short"
            type="number"
            min={1}
            data-testid="meeting-number"
            value={number}
            onChange={(event) => setNumber(event.target.value)}
          />
        </label>
        <label className="inline-field">
          <span className="inline-field__label">{t('meetings.open.date')}</span>
          <input
            className="input"
            type="date"
            data-testid="meeting-date"
            value={heldOn}
            onChange={(event) => setHeldOn(event.target.value)}
          />
        </label>
        <label className="inline-field">
          <span className="inline-field__label">{t('meetings.open.place')}</span>
          <input
            className="input"
            maxLength={200}
            data-testid="meeting-place"
            value={place}
            onChange={(event) => setPlace(event.target.value)}
          />
        </label>
      </div>
      <div className="inline-form">
        <label className="inline-field">
          <span className="inline-field__label">{t('meetings.open.quorum')}</span>
          <select
            className="select"
            data-testid="meeting-quorum"
            value={quorumKind}
            onChange={(event) => setQuorumKind(event.target.value as QuorumRule['kind'])}
          >
            {QUORUM_RULE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {label(QUORUM_RULE_LABELS[kind]).replace('{count}', 'N')}
              </option>
            ))}
          </select>
        </label>
        {quorumKind === 'at_least' && (
          <label className="inline-field">
            <span className="inline-field__label">{t('meetings.open.quorumCount')}</span>
            <input
              className="input meetings-form__short"
              type="number"
              min={1}
              data-testid="meeting-quorum-count"
              value={quorumCount}
              onChange={(event) => setQuorumCount(event.target.value)}
            />
          </label>
        )}
        <label className="inline-field">
          <span className="inline-field__label">{t('meetings.open.threshold')}</span>
          <select
            className="select"
            data-testid="meeting-threshold"
            value={threshold}
            onChange={(event) => setThreshold(event.target.value as ThresholdRule['kind'])}
          >
            {THRESHOLD_RULE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {label(THRESHOLD_LABELS[kind])}
              </option>
            ))}
          </select>
        </label>
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
      <button type="submit" className="button button--primary" data-testid="meeting-open">
        {t('meetings.open.submit')}
      </button>
      {error && <ErrorNotice error={error} testId="meeting-open-error" />}
    </form>
  );
}

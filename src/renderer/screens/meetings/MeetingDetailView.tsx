import { useState, type FormEvent } from 'react';
import {
  ATTENDANCE_LABELS,
  quorumRuleText,
  THRESHOLD_LABELS,
} from '../../../shared/domain/committee';
import {
  OUTCOME_LABELS,
  OUTCOMES,
  outcomeTakesAmount,
  type Outcome,
} from '../../../shared/domain/decision';
import { parseKrw } from '../../../shared/domain/money';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { AgendaItemView } from './AgendaItemView';
import { DecisionFilePanel } from './DecisionFilePanel';
import { MinutesPanel } from './minutes/MinutesPanel';
import { Button } from '../../components/Button';
import { Options, SelectField, TextField } from '../../components/Field';

/** One meeting: its rules and attendance, the agenda with its votes, and closing it. */
export function MeetingDetailView({
  meetingId,
  isChair,
  onChanged,
}: {
  meetingId: number;
  isChair: boolean;
  onChanged: () => void;
}) {
  const { t, label, locale } = useLocale();
  const { state, reload } = useApi(api.meetings.get, { meetingId });
  const [claimId, setClaimId] = useState('');
  const [proposed, setProposed] = useState<Outcome | ''>('');
  const [amountText, setAmountText] = useState('');
  const { run, error } = useWrite();

  /** A change to this meeting; after a success, shows it as main now has it, here and above. */
  async function change<T extends object>(write: () => Promise<T>): Promise<T | undefined> {
    const answer = await run(write);
    if (answer) {
      reload();
      onChanged();
    }
    return answer;
  }

  async function addItem(event: FormEvent) {
    event.preventDefault();
    const amount = parseKrw(amountText);
    const proposal =
      proposed === ''
        ? null
        : {
            outcome: proposed,
            amount: outcomeTakesAmount(proposed) && amount.ok ? amount.value : null,
            reasonCodes: [],
          };
    const added = await change(() =>
      api.meetings.addToAgenda({ meetingId, claimId: claimId.trim(), proposal }),
    );
    if (added) {
      setClaimId('');
      setProposed('');
      setAmountText('');
    }
  }

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const meeting = state.value;
  const isOpen = meeting.status === 'open';
  const present = meeting.attendance.filter((entry) => entry.present).map((entry) => entry.member);
  const absent = meeting.attendance.filter((entry) => !entry.present).map((entry) => entry.member);

  return (
    <div className="panel meetings-detail" data-testid="meeting-detail">
      <div className="panel__head">
        <h2 className="panel__title">
          {t('meetings.list.number', { number: meeting.number })} · {meeting.heldOn} ·{' '}
          {meeting.place}
        </h2>
        {isOpen ? (
          <Button
            variant="secondary"
            testId="meeting-close"
            onClick={() => void change(() => api.meetings.close({ meetingId }))}
          >
            {t('meetings.detail.close')}
          </Button>
        ) : (
          <span className="muted">
            {t('meetings.detail.closedAt', { at: formatDateTime(meeting.closedAt ?? '', locale) })}
          </span>
        )}
      </div>
      <p className="muted">
        {quorumRuleText(meeting.quorum, locale)} · {label(THRESHOLD_LABELS[meeting.threshold.kind])}
      </p>
      <p data-testid="meeting-quorum-state">
        <strong>
          {t(meeting.quorumMet ? 'meetings.detail.quorumMet' : 'meetings.detail.quorumNotMet')}
        </strong>{' '}
        · {t('meetings.detail.attendance')}: {present.join(', ') || '—'}
        {absent.length > 0 && (
          <span className="muted">
            {' '}
            ({label(ATTENDANCE_LABELS.absent)}: {absent.join(', ')})
          </span>
        )}
      </p>

      <h3 className="detail__subtitle">{t('meetings.agenda.title')}</h3>
      {meeting.agenda.length === 0 && <p className="muted">{t('meetings.agenda.none')}</p>}
      {meeting.agenda.map((item) => (
        <AgendaItemView
          key={item.claimId}
          meeting={meeting}
          item={item}
          isChair={isChair}
          onChanged={() => {
            reload();
            onChanged();
          }}
        />
      ))}
      {isOpen && (
        <form className="inline-form" onSubmit={(event) => void addItem(event)}>
          <TextField
            label={t('meetings.agenda.claimId')}
            inline
            testId="agenda-claim"
            value={claimId}
            maxLength={64}
            placeholder="K-2022-000123"
            onChange={setClaimId}
          />
          <SelectField
            label={t('meetings.agenda.proposal')}
            inline
            testId="agenda-proposal"
            value={proposed}
            onChange={(value) => setProposed(value as Outcome | '')}
          >
            <option value="">{t('meetings.agenda.noProposal')}</option>
            <Options values={OUTCOMES} optionLabel={(value) => label(OUTCOME_LABELS[value])} />
          </SelectField>
          {proposed !== '' && outcomeTakesAmount(proposed) && (
            <TextField
              label={t('meetings.agenda.amount')}
              inline
              inputClassName="input--amount"
              testId="agenda-amount"
              value={amountText}
              onChange={setAmountText}
            />
          )}
          <Button
            variant="secondary"
            type="submit"
            testId="agenda-add"
            disabled={claimId.trim() === ''}
          >
            {t('meetings.agenda.add')}
          </Button>
        </form>
      )}
      {error && <ErrorNotice error={error} testId="meeting-detail-error" />}
      {!isOpen && <MinutesPanel key={meeting.id} meeting={meeting} />}
      {!isOpen && <DecisionFilePanel meetingId={meetingId} />}
    </div>
  );
}

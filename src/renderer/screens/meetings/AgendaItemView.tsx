import {
  VOTE_LABELS,
  VOTE_RESULT_LABELS,
  VOTE_VALUES,
  type VoteValue,
} from '../../../shared/domain/committee';
import { OUTCOME_LABELS } from '../../../shared/domain/decision';
import { formatKrw } from '../../../shared/domain/money';
import type { AgendaItemDto, MeetingDetail } from '../../../shared/ipc/meeting-schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLocale } from '../../i18n/locale-context';
import { ConfirmPanel } from './ConfirmPanel';
import { Button } from '../../components/Button';
import { Options } from '../../components/Field';

/**
 * One agenda item: the motion, a vote table with members as columns (absent members shown
 * without a vote, recusals marked), the result under the meeting's rules, and the chair's
 * confirmation once voting is closed.
 */
export function AgendaItemView({
  meeting,
  item,
  isChair,
  onChanged,
}: {
  meeting: MeetingDetail;
  item: AgendaItemDto;
  isChair: boolean;
  onChanged: () => void;
}) {
  const { t, label } = useLocale();
  const { run, error } = useWrite();
  const open = item.votingClosedAt === null && meeting.status === 'open';
  const standing = new Map(item.votes.map((vote) => [vote.member, vote.vote]));
  const changes = item.voteHistory.length - item.votes.length;

  async function change(write: () => Promise<object>) {
    if (await run(write)) onChanged();
  }

  const vote = (member: string, value: VoteValue) =>
    change(() =>
      api.meetings.vote({ meetingId: meeting.id, claimId: item.claimId, member, vote: value }),
    );

  return (
    <article className="meetings-item" data-testid={`agenda-${item.claimId}`}>
      <h3 className="detail__subtitle">
        {t('meetings.agenda.item', { position: item.position, claimId: item.claimId })}
      </h3>
      <p className="muted">
        {t('meetings.agenda.proposal')}:{' '}
        {item.proposal
          ? `${label(OUTCOME_LABELS[item.proposal.outcome])}${item.proposal.amount === null ? '' : ` ${formatKrw(item.proposal.amount)}`}`
          : t('meetings.agenda.noProposal')}
      </p>
      <div className="table-scroll">
        <table className="data-table data-table--compact meetings-votes">
          <thead>
            <tr>
              {meeting.attendance.map((entry) => (
                <th key={entry.member} scope="col">
                  {entry.member}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {meeting.attendance.map((entry) => {
                const current = standing.get(entry.member);
                if (!entry.present)
                  return (
                    <td key={entry.member} className="muted">
                      {t('meetings.vote.absent')}
                    </td>
                  );
                const cellClass = current === 'recused' ? 'meetings-votes__recused' : undefined;
                // Once the vote is closed the roll call is a record: read, not a control.
                if (!open)
                  return (
                    <td
                      key={entry.member}
                      className={cellClass}
                      data-testid={`vote-${item.claimId}-${entry.member}`}
                    >
                      {current ? label(VOTE_LABELS[current]) : t('meetings.vote.none')}
                    </td>
                  );
                return (
                  <td key={entry.member} className={cellClass}>
                    <select
                      className="select"
                      aria-label={`${entry.member} ${t('meetings.vote.vote')}`}
                      data-testid={`vote-${item.claimId}-${entry.member}`}
                      value={current ?? ''}
                      disabled={current === 'recused'}
                      onChange={(event) => void vote(entry.member, event.target.value as VoteValue)}
                    >
                      <option value="" disabled>
                        {t('meetings.vote.none')}
                      </option>
                      <Options
                        values={VOTE_VALUES}
                        optionLabel={(value) => label(VOTE_LABELS[value])}
                      />
                    </select>
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
      <p data-testid={`result-${item.claimId}`}>
        <strong className={`meetings-result meetings-result--${item.result}`}>
          {label(VOTE_RESULT_LABELS[item.result])}
        </strong>{' '}
        {item.votingClosedAt === null && (
          <span className="muted">({t('meetings.vote.live')}) </span>
        )}
        <span className="muted">{t('meetings.vote.tally', { ...item.tally })}</span>
        {changes > 0 && (
          <span className="muted"> · {t('meetings.vote.history', { count: changes })}</span>
        )}
      </p>
      {open && (
        <Button
          variant="secondary"
          testId={`close-voting-${item.claimId}`}
          onClick={() =>
            void change(() =>
              api.meetings.closeVoting({ meetingId: meeting.id, claimId: item.claimId }),
            )
          }
        >
          {t('meetings.vote.close')}
        </Button>
      )}
      {item.confirmedDecisionId !== null ? (
        <p className="notice notice--success">
          {t('meetings.confirm.done', { id: item.confirmedDecisionId })}
        </p>
      ) : (
        item.votingClosedAt !== null &&
        (isChair ? (
          <ConfirmPanel meetingId={meeting.id} item={item} onConfirmed={onChanged} />
        ) : (
          <p className="muted">{t('meetings.confirm.chairOnly')}</p>
        ))
      )}
      {error && <ErrorNotice error={error} testId="meeting-item-error" />}
    </article>
  );
}

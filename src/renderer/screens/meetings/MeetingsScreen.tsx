import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useT } from '../../i18n/locale-context';
import { AmendmentsPanel } from './AmendmentsPanel';
import { MeetingDetailView } from './MeetingDetailView';
import { OpenMeetingForm } from './OpenMeetingForm';

/**
 * Council meetings: the list and the secretary's "open meeting" form on the left, the chosen
 * meeting's agenda, votes and results on the right; below, amendments of the council's
 * decisions between meetings. Who may do what is decided in main; the screen only hides the
 * chair's confirmation (and co-signature) from everyone else.
 */
export function MeetingsScreen() {
  const t = useT();
  const meetings = useApi(api.meetings.list, undefined);
  const people = useApi(api.people.list, undefined);
  const [selected, setSelected] = useState<number | null>(null);

  const list = meetings.state.status === 'ready' ? meetings.state.value.meetings : [];
  const chosen = selected ?? list[0]?.id ?? null;
  const voters =
    people.state.status === 'ready'
      ? people.state.value.people.filter((p) => p.role === 'member' || p.role === 'chair')
      : [];
  const actingRole =
    people.state.status === 'ready' ? (people.state.value.current?.role ?? null) : null;
  const isChair = actingRole === 'chair';
  const nextNumber = list.reduce((max, m) => Math.max(max, m.number), 0) + 1;

  return (
    <section className="screen" data-testid="meetings-screen">
      <ScreenHeader title={t('meetings.title')} />
      <div className="meetings-layout">
        <div className="panel">
          <h2 className="panel__title">{t('meetings.list.title')}</h2>
          {meetings.state.status === 'loading' && <Loading />}
          {meetings.state.status === 'error' && (
            <ErrorNotice error={meetings.state.error} onRetry={meetings.reload} />
          )}
          {meetings.state.status === 'ready' && list.length === 0 && (
            <p className="muted">{t('meetings.list.none')}</p>
          )}
          <ul className="meetings-list">
            {list.map((meeting) => (
              <li key={meeting.id}>
                <button
                  type="button"
                  className={`meetings-list__item${meeting.id === chosen ? ' meetings-list__item--current' : ''}`}
                  aria-current={meeting.id === chosen ? 'true' : undefined}
                  data-testid={`meeting-${meeting.number}`}
                  onClick={() => setSelected(meeting.id)}
                >
                  <strong>{t('meetings.list.number', { number: meeting.number })}</strong>{' '}
                  {meeting.heldOn} · {t(`meetings.status.${meeting.status}`)}
                  <span className="muted">
                    {' '}
                    {t('meetings.list.present', {
                      present: meeting.present,
                      members: meeting.members,
                    })}{' '}
                    · {t('meetings.list.items', { count: meeting.agendaItems })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {people.state.status === 'ready' && (
            <OpenMeetingForm
              key={nextNumber}
              voters={voters}
              nextNumber={nextNumber}
              onOpened={(meeting) => {
                setSelected(meeting.id);
                meetings.reload();
              }}
            />
          )}
        </div>
        {chosen !== null && (
          <MeetingDetailView meetingId={chosen} isChair={isChair} onChanged={meetings.reload} />
        )}
      </div>
      {people.state.status === 'ready' && <AmendmentsPanel actingRole={actingRole} />}
    </section>
  );
}

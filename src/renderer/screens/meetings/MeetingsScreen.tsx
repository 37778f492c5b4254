import { ScreenHeader } from '../../components/ScreenHeader';
import { useT } from '../../i18n/locale-context';

/** Meetings arrive in a later release; say so plainly rather than show a dead screen. */
export function MeetingsScreen() {
  const t = useT();
  return (
    <section className="screen">
      <ScreenHeader title={t('meetings.title')} />
      <div className="empty-state" data-testid="meetings-empty">
        <h2 className="empty-state__title">{t('meetings.empty.title')}</h2>
        <p className="empty-state__body">{t('meetings.empty.body')}</p>
      </div>
    </section>
  );
}

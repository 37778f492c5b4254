import type { MeetingDetail } from '../../../../shared/ipc/meeting-schemas';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useLocale } from '../../../i18n/locale-context';
import { unconfirmedItems, type MinutesRefusal } from './minutes-refusal';

const HEADINGS = {
  draft: 'minutes.refusal.draft',
  approve: 'minutes.refusal.approve',
  export: 'minutes.refusal.export',
} as const;

/**
 * Why main refused, in the person's language: a heading for what they tried, the rule that
 * stopped it (unconfirmed items named one by one, from the meeting as it is now) and main's own
 * message underneath, so nothing main said is lost in translation.
 */
export function MinutesRefusalNotice({
  refusal,
  meeting,
}: {
  refusal: MinutesRefusal;
  meeting: MeetingDetail;
}) {
  const { t } = useLocale();
  const { reason, error } = refusal;
  if (!reason) return <ErrorNotice error={error} testId="minutes-error" />;
  const items = reason.key === 'minutes.refusal.unconfirmed' ? unconfirmedItems(meeting) : [];
  // Confirmed since the refusal: the reason no longer holds, and the next try will tell.
  if (reason.key === 'minutes.refusal.unconfirmed' && items.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="minutes-refusal">
      <p className="notice__title">{t(HEADINGS[refusal.action])}</p>
      <p>{t(reason.key, reason.params)}</p>
      {items.length > 0 && (
        <ul className="notice__issues" data-testid="minutes-refusal-items">
          {items.map((item) => (
            <li key={item.claimId}>
              {t('minutes.refusal.unconfirmedItem', {
                position: item.position,
                claimId: item.claimId,
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="notice__detail muted">{t('app.error.detail', { message: error.message })}</p>
    </div>
  );
}

import type { MeetingDetail } from '../../../../shared/ipc/meeting-schemas';
import type { ApiError } from '../../../api/client';
import type { MessageKey } from '../../../i18n/ko';

/** What the person was doing when main refused: it picks the notice's heading. */
export type MinutesAction = 'draft' | 'approve' | 'export';

/** A refusal said in the person's language; main's own (English) message stays as the detail. */
export interface MinutesRefusal {
  action: MinutesAction;
  error: ApiError;
  reason: { key: MessageKey; params?: Record<string, string | number> } | null;
}

/** The items the chair has not confirmed yet, as the meeting on screen shows them. */
export function unconfirmedItems(meeting: MeetingDetail) {
  return meeting.agenda
    .filter((item) => item.confirmedDecisionId === null)
    .map((item) => ({ position: item.position, claimId: item.claimId }));
}

/** The issue main attached under `code`, if any: its message carries the number the text needs. */
const issue = (error: ApiError, code: string) => error.issues.find((i) => i.code === code);

/**
 * Main names every minutes rule it applied by an issue code (the domain's MinutesError codes and
 * the version and file refusals), so the reason is said in the person's language without
 * reading main's English. Anything not recognised gets no reason and is shown as main sent it.
 */
export function minutesRefusal(action: MinutesAction, error: ApiError): MinutesRefusal {
  const reason = ((): MinutesRefusal['reason'] => {
    if (issue(error, 'unconfirmed_items')) return { key: 'minutes.refusal.unconfirmed' };
    if (issue(error, 'no_attendance')) return { key: 'minutes.refusal.noAttendance' };
    if (issue(error, 'meeting_open')) return { key: 'minutes.refusal.open' };
    if (error.code === 'forbidden') return { key: 'minutes.refusal.role' };
    const unchanged = issue(error, 'nothing_changed');
    if (unchanged)
      return { key: 'minutes.refusal.unchanged', params: { version: unchanged.message } };
    if (issue(error, 'file_exists')) return { key: 'minutes.refusal.exists' };
    if (issue(error, 'version_locked')) return { key: 'minutes.refusal.locked' };
    const replaced = issue(error, 'version_replaced');
    if (replaced) return { key: 'minutes.refusal.replaced', params: { latest: replaced.message } };
    return null;
  })();
  return { action, error, reason };
}

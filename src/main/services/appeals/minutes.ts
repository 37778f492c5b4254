import type { MinutesAppeal } from '../../../shared/domain/minutes';
import type { Db } from '../../db/connection';
import { listAppealsForMinutes } from '../../db/repositories/appeals';
import type { MeetingRow } from '../../db/repositories/meetings';

/**
 * The appeals a meeting's minutes report: every one filed up to the meeting's close, with the
 * ruling made by then and, for an admitted one, the council's decision on the claim since (this
 * meeting's own confirmations included). Bounded by the close so a later filing or ruling never
 * changes what an approved version recorded; an open meeting has no minutes yet.
 */
export function appealsForMinutes(db: Db, meeting: MeetingRow): MinutesAppeal[] {
  if (meeting.closedAt === null) return [];
  return listAppealsForMinutes(db, meeting.closedAt, meeting.number).map((row) => ({
    id: row.id,
    claimId: row.claimId,
    businessName: row.businessName,
    receivedOn: row.receivedOn,
    grounds: row.grounds,
    ruling:
      row.ruling === null
        ? null
        : { ruling: row.ruling, reason: row.rulingReason!, by: row.ruledBy!, at: row.ruledAt! },
    decision:
      row.decisionOutcome === null
        ? null
        : {
            outcome: row.decisionOutcome,
            amount: row.decisionAmount,
            meetingNumber: row.decisionMeeting!,
          },
  }));
}

import type { Outcome, ReasonCode } from '../../../shared/domain/decision';
import type { MinutesDecision, MinutesInput } from '../../../shared/domain/minutes';
import type { Tier } from '../../../shared/domain/tier';
import type { Db } from '../../db/connection';
import { listAgenda, listAttendance, type MeetingRow } from '../../db/repositories/meetings';
import { listPeopleRows } from '../../db/repositories/people';
import { agendaItemView } from '../meetings/read';
import { verifyRoster, type VerifiedRoster } from '../roster';

/**
 * What the minutes of one meeting are made from, read from the workspace as it is now.
 *
 * - The roster is the one in force on the meeting day: the latest version valid from that date
 *   or earlier. A roster imported later for later meetings does not rewrite old minutes.
 * - The council's name is the roster's; a workspace without a roster uses the council this
 *   product serves (docs/domain.md).
 * - Chair and secretary are the roster's when there is one (it is signed), else the people
 *   list's; the first by name when several hold the role.
 * - An item's decision is the latest one recorded with this meeting as its source, as in the
 *   meeting's decision file.
 */

export const DEFAULT_COUNCIL = '1015 피해지원 협의체';

function rosterOnDay(db: Db, day: string): VerifiedRoster | null {
  const row = db
    .prepare('SELECT file_text FROM rosters WHERE valid_from <= ? ORDER BY version DESC LIMIT 1')
    .get(day) as { file_text: string } | undefined;
  return row ? verifyRoster(row.file_text) : null;
}

function officer(
  db: Db,
  roster: VerifiedRoster | null,
  role: 'chair' | 'secretary',
): string | null {
  const named = roster
    ? roster.payload.members.filter((m) => m.role === role).map((m) => m.name)
    : listPeopleRows(db)
        .filter((p) => p.role === role)
        .map((p) => p.name);
  return named.sort()[0] ?? null;
}

interface DecisionRow {
  claimId: string;
  id: number;
  outcome: Outcome;
  amount: number | null;
  reasonCodes: string;
  note: string;
  decidedAt: string;
  decidedBy: string;
}

function meetingDecisions(db: Db, meetingId: number): Map<string, MinutesDecision> {
  const rows = db
    .prepare(
      `SELECT claim_id AS claimId, id, outcome, amount, reason_codes AS reasonCodes, note,
              decided_at AS decidedAt, decided_by AS decidedBy
       FROM decisions d WHERE meeting_id = ?
         AND id = (SELECT max(id) FROM decisions e
                   WHERE e.meeting_id = d.meeting_id AND e.claim_id = d.claim_id)`,
    )
    .all(meetingId) as DecisionRow[];
  return new Map(
    rows.map(({ claimId, reasonCodes, ...rest }) => [
      claimId,
      { ...rest, reasonCodes: JSON.parse(reasonCodes) as ReasonCode[] },
    ]),
  );
}

/** Everything but the payout summary, which the secretary's summary service provides. */
export function readMinutesInput(db: Db, meeting: MeetingRow): Omit<MinutesInput, 'payout'> {
  const roster = rosterOnDay(db, meeting.heldOn);
  const decisions = meetingDecisions(db, meeting.id);
  const claimOf = db.prepare(
    'SELECT business_name AS businessName, tier, claimed_loss AS claimedLoss FROM claims WHERE claim_id = ?',
  );
  const attendance = listAttendance(db, meeting.id);
  const items = listAgenda(db, meeting.id).map((row) => {
    const claim = claimOf.get(row.claimId) as {
      businessName: string | null;
      tier: Tier;
      claimedLoss: number | null;
    };
    // The meetings screen's own view: the frozen result and tally of a closed item.
    const item = agendaItemView(db, meeting, attendance, row);
    return {
      position: item.position,
      claimId: item.claimId,
      ...claim,
      proposal: item.proposal,
      result: item.result,
      tally: item.tally,
      voteHistory: item.voteHistory.map(({ member, vote, recordedAt }) => ({
        member,
        vote,
        recordedAt,
      })),
      decision: decisions.get(item.claimId) ?? null,
    };
  });
  return {
    council: roster?.payload.council ?? DEFAULT_COUNCIL,
    meeting: {
      id: meeting.id,
      number: meeting.number,
      heldOn: meeting.heldOn,
      place: meeting.place,
      quorum: meeting.quorum,
      threshold: meeting.threshold,
      openedBy: meeting.openedBy,
      openedAt: meeting.openedAt,
      closedAt: meeting.closedAt,
    },
    attendance,
    chair: officer(db, roster, 'chair'),
    secretary: officer(db, roster, 'secretary'),
    roster: roster
      ? {
          version: roster.payload.version,
          validFrom: roster.payload.validFrom,
          sha256: roster.sha256,
          fingerprint: roster.fingerprint,
        }
      : null,
    items,
  };
}

import type {
  MinutesAmendment,
  MinutesDecision,
  MinutesInput,
} from '../../../shared/domain/minutes';
import { appealsForMinutes } from '../appeals/minutes';
import { listCosignedBetween } from '../../db/repositories/council-amendments';
import type { Db } from '../../db/connection';
import { minutesClaimLookup, type MinutesClaimRow } from '../../db/repositories/claims';
import { findDecision, listMeetingMinutesDecisions } from '../../db/repositories/decisions';
import {
  listAgenda,
  listAttendance,
  listMeetingRows,
  type MeetingRow,
} from '../../db/repositories/meetings';
import { listPeopleRows } from '../../db/repositories/people';
import { rosterTextOnDay } from '../../db/repositories/rosters';
import { agendaItemView } from '../meetings/read';
import { verifyRoster, type VerifiedRoster } from '../roster';
import { latestSampleSummary } from '../sampling/status';

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
 * - Amendments co-signed outside a meeting are reported by the next meeting: those co-signed
 *   after the previous meeting (by number) closed, up to this one's close.
 * - The post-payment sample is the workspace's latest, with every check recorded by drafting
 *   (none drawn: no sampling section).
 */

export const DEFAULT_COUNCIL = '1015 피해지원 협의체';

function rosterOnDay(db: Db, day: string): VerifiedRoster | null {
  const text = rosterTextOnDay(db, day);
  return text !== undefined ? verifyRoster(text) : null;
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

function meetingDecisions(db: Db, meetingId: number): Map<string, MinutesDecision> {
  return new Map(
    listMeetingMinutesDecisions(db, meetingId).map(({ claimId, reasonCodes, ...rest }) => [
      claimId,
      { ...rest, reasonCodes },
    ]),
  );
}

function amendmentsSince(db: Db, meeting: MeetingRow): MinutesAmendment[] {
  const previous = listMeetingRows(db)
    .filter((m) => m.number < meeting.number)
    .sort((a, b) => b.number - a.number)[0];
  const from = previous ? (previous.closedAt ?? previous.openedAt) : null;
  return listCosignedBetween(db, from, meeting.closedAt).map((a) => {
    const before = findDecision(db, a.amendsDecisionId)!;
    return {
      claimId: a.claimId,
      from: { outcome: before.outcome, amount: before.amount },
      to: { outcome: a.outcome, amount: a.amount, reasonCodes: a.reasonCodes },
      reason: a.reason,
      proposedBy: a.proposedBy,
      cosignedBy: a.cosignature!.cosignedBy,
      cosignedAt: a.cosignature!.cosignedAt,
    };
  });
}

/** Everything but the payout summary, which the secretary's summary service provides. */
export function readMinutesInput(db: Db, meeting: MeetingRow): Omit<MinutesInput, 'payout'> {
  const roster = rosterOnDay(db, meeting.heldOn);
  const decisions = meetingDecisions(db, meeting.id);
  const claimOf = minutesClaimLookup(db);
  const attendance = listAttendance(db, meeting.id);
  const items = listAgenda(db, meeting.id).map((row) => {
    const claim = claimOf(row.claimId) as MinutesClaimRow;
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
    amendments: amendmentsSince(db, meeting),
    sampling: latestSampleSummary(db),
    appeals: appealsForMinutes(db, meeting),
  };
}

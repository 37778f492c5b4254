import type { PersonDto } from '../../../shared/ipc/review-schemas';
import { findMeeting, type MeetingRow } from '../../db/repositories/meetings';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { latestRoster } from '../roster/roster-store';

/**
 * Who takes part in votes: members and the chair. The secretary runs the meeting and records
 * its votes but does not vote; auditors only read.
 */
export const VOTING_ROLES: ReadonlySet<PersonDto['role']> = new Set(['member', 'chair']);

/** The voters of the roster in force, by name. */
export function votingMembers(ctx: ServiceContext): Set<string> {
  return new Set(
    (latestRoster(ctx.db)?.payload.members ?? [])
      .filter((member) => VOTING_ROLES.has(member.role))
      .map((member) => member.name),
  );
}

export { requireChair } from '../people/people';

export function getMeetingRow(ctx: ServiceContext, meetingId: number): MeetingRow {
  const meeting = findMeeting(ctx.db, meetingId);
  if (!meeting) throw new ServiceError('not_found', `meeting ${meetingId} does not exist`);
  return meeting;
}

export function requireOpenMeeting(ctx: ServiceContext, meetingId: number): MeetingRow {
  const meeting = getMeetingRow(ctx, meetingId);
  if (meeting.status !== 'open') {
    throw new ServiceError('conflict', `meeting no. ${meeting.number} is closed`);
  }
  return meeting;
}

import type { PersonDto } from '../../../shared/ipc/review-schemas';
import { findMeeting, type MeetingRow } from '../../db/repositories/meetings';
import { listPeopleRows } from '../../db/repositories/people';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { currentPerson } from '../people/people';

/**
 * Who takes part in votes: members and the chair. The secretary runs the meeting and records
 * its votes but does not vote; auditors only read.
 */
export const VOTING_ROLES: ReadonlySet<PersonDto['role']> = new Set(['member', 'chair']);

export function votingMembers(ctx: ServiceContext): Set<string> {
  return new Set(
    listPeopleRows(ctx.db)
      .filter((person) => VOTING_ROLES.has(person.role))
      .map((person) => person.name),
  );
}

/** The final word on a claim is the chair's alone; the secretary cannot stand in for it. */
export function requireChair(ctx: ServiceContext, what: string): PersonDto {
  const person = currentPerson(ctx);
  if (!person || person.role !== 'chair') {
    throw new ServiceError(
      'forbidden',
      `${what} is the chair's to do; ${person ? `${person.name} is a ${person.role}` : 'nobody is chosen as the person at this machine (Settings)'}`,
    );
  }
  return person;
}

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

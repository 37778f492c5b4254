import { z } from 'zod';
import { CHAIR_ONLY, SECRETARIAT } from '../domain/acts';
import { THRESHOLD_RULE_KINDS, VOTE_RESULTS, VOTE_VALUES } from '../domain/committee';
import { NOTE_MAX_LENGTH, OUTCOMES, REASON_CODES } from '../domain/decision';
import { personName } from './review-schemas';
import { claimId, decisionRecord, krw } from './schemas';

/** The council meeting channels' payloads: opening, attendance, agenda, votes and confirmation. */

export const meetingId = z.number().int().positive();
const meetingNumber = z.number().int().min(1).max(100_000);
const isoDateTime = z.string().min(10).max(40);

export const quorumRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('majority_of_members') }).strict(),
  z.object({ kind: z.literal('at_least'), count: z.number().int().min(1).max(1000) }).strict(),
]);
export const thresholdRule = z.object({ kind: z.enum(THRESHOLD_RULE_KINDS) }).strict();

export const attendanceEntry = z.object({ member: personName, present: z.boolean() }).strict();
export type AttendanceEntryDto = z.infer<typeof attendanceEntry>;

/** What the secretary proposes for a claim; the vote is on this motion when there is one. */
export const agendaProposal = z
  .object({
    outcome: z.enum(OUTCOMES),
    amount: krw.nullable(),
    reasonCodes: z.array(z.enum(REASON_CODES)).max(REASON_CODES.length),
  })
  .strict();
export type AgendaProposal = z.infer<typeof agendaProposal>;

export const openMeetingRequest = z
  .object({
    number: meetingNumber,
    heldOn: z.iso.date(),
    place: z.string().trim().max(200),
    quorum: quorumRule,
    threshold: thresholdRule,
    /** One entry per voting member (role member or chair); everyone left out is refused. */
    attendance: z.array(attendanceEntry).min(1).max(200),
  })
  .strict();
export type OpenMeetingRequest = z.infer<typeof openMeetingRequest>;

export const setAttendanceRequest = z
  .object({ meetingId, attendance: z.array(attendanceEntry).min(1).max(200) })
  .strict();

export const addToAgendaRequest = z
  .object({ meetingId, claimId, proposal: agendaProposal.nullable() })
  .strict();

export const voteRequest = z
  .object({ meetingId, claimId, member: personName, vote: z.enum(VOTE_VALUES) })
  .strict();

export const agendaItemRequest = z.object({ meetingId, claimId }).strict();

export const confirmDecisionRequest = z
  .object({
    meetingId,
    claimId,
    outcome: z.enum(OUTCOMES),
    amount: krw.nullable(),
    reasonCodes: z.array(z.enum(REASON_CODES)).max(REASON_CODES.length),
    note: z.string().max(NOTE_MAX_LENGTH),
    amendmentReason: z.string().max(NOTE_MAX_LENGTH).nullable().optional(),
  })
  .strict();
export type ConfirmDecisionRequest = z.infer<typeof confirmDecisionRequest>;

export const meetingStatus = z.enum(['open', 'closed']);

export const meetingSummary = z.object({
  id: meetingId,
  number: meetingNumber,
  heldOn: z.string(),
  place: z.string(),
  quorum: quorumRule,
  threshold: thresholdRule,
  status: meetingStatus,
  openedBy: z.string(),
  openedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  members: z.number().int().nonnegative(),
  present: z.number().int().nonnegative(),
  agendaItems: z.number().int().nonnegative(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const recordedVote = z.object({
  member: z.string(),
  vote: z.enum(VOTE_VALUES),
  recordedAt: isoDateTime,
  recordedBy: z.string(),
});
export type RecordedVote = z.infer<typeof recordedVote>;

export const voteTally = z.object({
  for: z.number().int().nonnegative(),
  against: z.number().int().nonnegative(),
  abstain: z.number().int().nonnegative(),
  recused: z.number().int().nonnegative(),
});

export const agendaItem = z.object({
  claimId: z.string(),
  position: z.number().int().positive(),
  proposal: agendaProposal.nullable(),
  addedBy: z.string(),
  addedAt: isoDateTime,
  /** The standing vote of each member who voted, in member-name order. */
  votes: z.array(recordedVote),
  /** Every vote ever recorded on the item, oldest first: changes stay visible. */
  voteHistory: z.array(recordedVote),
  /** Counted under the rules: present members' standing votes. */
  tally: voteTally,
  /** Frozen when voting closed; until then what the rules give for the votes so far. */
  result: z.enum(VOTE_RESULTS),
  votingClosedAt: isoDateTime.nullable(),
  /** The final decision the chair confirmed from this item, if any. */
  confirmedDecisionId: z.number().int().positive().nullable(),
});
export type AgendaItemDto = z.infer<typeof agendaItem>;

export const meetingDetail = meetingSummary.extend({
  attendance: z.array(attendanceEntry),
  quorumMet: z.boolean(),
  agenda: z.array(agendaItem),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const meetingsContract = {
  'meetings:list': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ meetings: z.array(meetingSummary) }),
  },
  'meetings:get': {
    lock: 'none',
    request: z.object({ meetingId }).strict(),
    response: meetingDetail,
  },
  'meetings:open': {
    lock: 'write',
    roles: SECRETARIAT,
    request: openMeetingRequest,
    response: meetingDetail,
  },
  'meetings:setAttendance': {
    lock: 'write',
    roles: SECRETARIAT,
    request: setAttendanceRequest,
    response: meetingDetail,
  },
  'meetings:addToAgenda': {
    lock: 'write',
    roles: SECRETARIAT,
    request: addToAgendaRequest,
    response: meetingDetail,
  },
  'meetings:vote': {
    lock: 'write',
    roles: SECRETARIAT,
    request: voteRequest,
    response: meetingDetail,
  },
  'meetings:closeVoting': {
    lock: 'write',
    roles: SECRETARIAT,
    request: agendaItemRequest,
    response: meetingDetail,
  },
  'meetings:close': {
    lock: 'write',
    roles: SECRETARIAT,
    request: z.object({ meetingId }).strict(),
    response: meetingDetail,
  },
  /** Chair only: the item's frozen result becomes the claim's decision, sourced to the meeting. */
  'meetings:confirm': {
    lock: 'write',
    roles: CHAIR_ONLY,
    request: confirmDecisionRequest,
    response: z.object({
      decision: decisionRecord,
      meeting: meetingDetail,
    }),
  },
} as const;

import type { meetingsKo } from './meetings-ko';

/** English messages of the Meetings screen; the type makes it carry exactly meetingsKo's keys. */
export const meetingsEn: Record<keyof typeof meetingsKo, string> = {
  'meetings.title': 'Meetings',
  'meetings.empty.title': 'Meetings are on their way',
  'meetings.empty.body':
    'Meeting schedules, merging members’ recommendations and exporting minutes arrive in a later release. For now, record decisions claim by claim on the Review screen.',

  'meetings.list.title': 'Meetings',
  'meetings.list.none': 'No meeting has been opened yet.',
  'meetings.list.number': 'No. {number}',
  'meetings.list.present': '{present}/{members} present',
  'meetings.list.items': '{count} items',
  'meetings.status.open': 'Open',
  'meetings.status.closed': 'Closed',

  'meetings.open.title': 'Open a meeting',
  'meetings.open.number': 'Number',
  'meetings.open.date': 'Date',
  'meetings.open.place': 'Place',
  'meetings.open.quorum': 'Quorum',
  'meetings.open.quorumCount': 'Members needed',
  'meetings.open.threshold': 'Decision threshold',
  'meetings.open.attendance': 'Attendance (unticked members are absent)',
  'meetings.open.noMembers':
    "The roster lists no members or chair. Load the council's signed roster in Settings first.",
  'meetings.open.submit': 'Open meeting',

  'meetings.detail.quorumMet': 'Quorum met',
  'meetings.detail.quorumNotMet': 'No quorum',
  'meetings.detail.attendance': 'Attendance',
  'meetings.detail.close': 'Close meeting',
  'meetings.detail.closedAt': 'Closed {at}',

  'meetings.agenda.title': 'Agenda',
  'meetings.agenda.none': 'Nothing is on the agenda.',
  'meetings.agenda.claimId': 'Claim id',
  'meetings.agenda.proposal': 'Proposed outcome',
  'meetings.agenda.noProposal': 'No proposal',
  'meetings.agenda.amount': 'Proposed amount',
  'meetings.agenda.add': 'Put on agenda',
  'meetings.agenda.item': '{position}. {claimId}',

  'meetings.vote.member': 'Member',
  'meetings.vote.vote': 'Vote',
  'meetings.vote.none': 'Not voted',
  'meetings.vote.absent': 'Absent (no vote)',
  'meetings.vote.history': 'Vote changed {count} times',
  'meetings.vote.tally': 'For {for} · Against {against} · Abstain {abstain} · Recused {recused}',
  'meetings.vote.close': 'Close voting',
  'meetings.vote.live': 'Voting (result so far)',

  'meetings.confirm.title': "Chair's confirmation",
  'meetings.confirm.chairOnly': 'Only the chair can confirm.',
  'meetings.confirm.notCarried': 'Not carried: it can only be confirmed as deferred.',
  'meetings.confirm.note': 'Note',
  'meetings.confirm.amendmentReason': 'Amendment reason (when changing a final decision)',
  'meetings.confirm.submit': 'Confirm decision',
  'meetings.confirm.done': 'Confirmed: decision #{id}',

  'meetings.amend.title': 'Amendments between meetings',
  'meetings.amend.intro':
    "Changing a decision the council made in a meeting, outside a meeting, takes the secretary's proposal with its reason and the chair's co-signature. Nothing changes before the co-signature (the ledger pays the earlier decision), and the next minutes report the amendment.",
  'meetings.amend.none': 'No amendments proposed.',
  'meetings.amend.open': 'Propose an amendment…',
  'meetings.amend.propose': 'Propose an amendment (secretary)',
  'meetings.amend.claimId': 'Claim to amend',
  'meetings.amend.outcome': 'Amended decision',
  'meetings.amend.reason': 'Reason for the amendment (printed in the minutes)',
  'meetings.amend.submit': 'Propose amendment',
  'meetings.amend.reasonShown': 'Reason: {reason}',
  'meetings.amend.proposedBy': 'proposed by secretary {name} {at}',
  'meetings.amend.status.pending': "Waiting for the chair's co-signature (pays nothing yet)",
  'meetings.amend.status.cosigned': "Co-signed by chair {name}: the council's decision",
  'meetings.amend.status.overtaken': 'Overtaken by a later decision or proposal (cannot be signed)',
  'meetings.amend.cosign': 'Co-sign (chair)',
};

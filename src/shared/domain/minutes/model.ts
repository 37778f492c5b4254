import { canonicalJson } from '../canonical-json';
import {
  quorumMet,
  type AttendanceEntry,
  type QuorumRule,
  type Tally,
  type ThresholdRule,
  type VoteResult,
  type VoteValue,
} from '../committee';
import type { Outcome, ReasonCode } from '../decision';
import type { SampleSummary } from '../sampling';
import type { Tier } from '../tier';
import type { MinutesAppeal } from './appeals-section';
import { minutesPayoutSummary, type MinutesPayoutInput, type MinutesPayoutSummary } from './payout';
import { minutesTotals, type MinutesTotals } from './totals';

/**
 * The minutes (회의록) of one closed council meeting, as data. Everything in it comes from the
 * workspace database; nothing is typed by hand. The canonical JSON of this model is what a
 * minutes version stores and hashes (minutesSha256 in the decision file), and the PDF and DOCX
 * are renderings of it, so two renderings of one version can never disagree on a fact.
 */
export const MINUTES_FORMAT = 'review-desk-minutes/2';
/** Format 1, stored before the minutes carried the workspace's payout summary. */
export const MINUTES_FORMAT_1 = 'review-desk-minutes/1';

/** A member's part in one item's roll call: a vote, or why there is none. */
export type RollCallEntry = VoteValue | 'absent' | 'no_vote';

export interface MinutesDecision {
  id: number;
  outcome: Outcome;
  /** Integer KRW for approve and partial; null otherwise. */
  amount: number | null;
  reasonCodes: ReasonCode[];
  note: string;
  decidedAt: string;
  decidedBy: string;
}

export interface MinutesProposal {
  outcome: Outcome;
  amount: number | null;
  reasonCodes: ReasonCode[];
}

/**
 * A change to the council's decision made outside a meeting since the previous meeting: the
 * secretary's proposal co-signed by the chair. The next minutes report each one.
 */
export interface MinutesAmendment {
  claimId: string;
  from: { outcome: Outcome; amount: number | null };
  to: { outcome: Outcome; amount: number | null; reasonCodes: ReasonCode[] };
  reason: string;
  proposedBy: string;
  cosignedBy: string;
  cosignedAt: string;
}

/** What the service reads from the database for one agenda item. */
export interface MinutesItemInput {
  position: number;
  claimId: string;
  businessName: string | null;
  tier: Tier;
  claimedLoss: number | null;
  proposal: MinutesProposal | null;
  result: VoteResult;
  tally: Tally;
  /** Every vote recorded on the item, oldest first (the last per member is the standing one). */
  voteHistory: { member: string; vote: VoteValue; recordedAt: string }[];
  /** The decision the chair confirmed from this item; null while unconfirmed. */
  decision: MinutesDecision | null;
}

export interface MinutesInput {
  council: string;
  meeting: {
    id: number;
    number: number;
    heldOn: string;
    place: string;
    quorum: QuorumRule;
    threshold: ThresholdRule;
    openedBy: string;
    openedAt: string;
    closedAt: string | null;
  };
  attendance: AttendanceEntry[];
  chair: string | null;
  secretary: string | null;
  roster: { version: number; validFrom: string; sha256: string; fingerprint: string } | null;
  items: MinutesItemInput[];
  /** Amendments co-signed after the previous meeting closed, up to this one's close. */
  amendments: MinutesAmendment[];
  /** The secretary's summary of the whole workspace, read in the drafting transaction. */
  payout: MinutesPayoutInput;
  /** The latest post-payment sample's figures at drafting; null or absent when none was drawn. */
  sampling?: SampleSummary | null;
  /** Appeals filed up to the meeting's close, as they stood then (appeals-section.ts). */
  appeals?: MinutesAppeal[];
}

export interface MinutesItem {
  position: number;
  claimId: string;
  businessName: string | null;
  tier: Tier;
  claimedLoss: number | null;
  proposal: MinutesProposal | null;
  result: VoteResult;
  tally: Tally;
  /** One entry per member on the meeting's attendance, chair first, then in name order. */
  rollCall: { member: string; vote: RollCallEntry }[];
  /** Votes that replaced an earlier vote of the same member, in the order they were recorded. */
  voteChanges: { member: string; from: VoteValue; to: VoteValue; at: string }[];
  decision: MinutesDecision;
}

export interface MinutesModel {
  format: typeof MINUTES_FORMAT;
  council: string;
  meeting: {
    id: number;
    number: number;
    heldOn: string;
    place: string;
    /**
     * The meetings table has a date but no start time; these are the instants the meeting's
     * record was opened and closed in Review Desk (ISO 8601, UTC), which the minutes show as
     * the meeting's hours.
     */
    openedAt: string;
    closedAt: string;
    openedBy: string;
  };
  rules: { quorum: QuorumRule; threshold: ThresholdRule };
  attendance: { members: number; present: string[]; absent: string[]; quorumMet: boolean };
  officers: { chair: string | null; secretary: string | null };
  roster: MinutesInput['roster'];
  items: MinutesItem[];
  /**
   * Reported only when there are some, so minutes drafted before amendments existed keep the
   * same meeting record (and are not redrafted for an empty list).
   */
  amendments?: MinutesAmendment[];
  /** Reported only when there are some, for the same reason as amendments. */
  appeals?: MinutesAppeal[];
  totals: MinutesTotals;
  /** The workspace's payout position when this version was drafted (see payout.ts for why). */
  payoutSummary: MinutesPayoutSummary;
  /** The latest post-payment sample as of drafting (sampling-section.ts); absent when none. */
  sampling?: SampleSummary;
}

/** A stored version's model, which may predate the payout summary (format 1). */
export type StoredMinutesModel = Omit<MinutesModel, 'format' | 'payoutSummary'> & {
  format: typeof MINUTES_FORMAT | typeof MINUTES_FORMAT_1;
  payoutSummary?: MinutesPayoutSummary;
};

export type MinutesIssueCode = 'meeting_open' | 'unconfirmed_items' | 'no_attendance';

/** Why minutes cannot be made (yet); the service turns it into a refusal naming the claims. */
export class MinutesError extends Error {
  constructor(
    readonly code: MinutesIssueCode,
    message: string,
    readonly claimIds: string[] = [],
  ) {
    super(message);
    this.name = 'MinutesError';
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The chair first (who presides), then everyone else in 가나다 order. */
export function memberOrder(chair: string | null): (a: string, b: string) => number {
  return (a, b) => (a === chair ? -1 : b === chair ? 1 : byText(a, b));
}

function rollCallOf(
  item: MinutesItemInput,
  attendance: readonly AttendanceEntry[],
  order: (a: string, b: string) => number,
): MinutesItem['rollCall'] {
  const standing = new Map<string, VoteValue>();
  for (const { member, vote } of item.voteHistory) standing.set(member, vote);
  return [...attendance]
    .sort((a, b) => order(a.member, b.member))
    .map(({ member, present }) => ({
      member,
      // An absent member has no vote at all (migration 008); a present one who cast none is
      // shown as such rather than as an abstention, which would invent a vote.
      vote: present ? (standing.get(member) ?? 'no_vote') : 'absent',
    }));
}

function voteChangesOf(item: MinutesItemInput): MinutesItem['voteChanges'] {
  const last = new Map<string, VoteValue>();
  const changes: MinutesItem['voteChanges'] = [];
  for (const { member, vote, recordedAt } of item.voteHistory) {
    const before = last.get(member);
    if (before !== undefined && before !== vote)
      changes.push({ member, from: before, to: vote, at: recordedAt });
    last.set(member, vote);
  }
  return changes;
}

/**
 * Builds the minutes from plain data. Refuses an open meeting (its votes are not final) and
 * any agenda item the chair has not confirmed yet: minutes record decisions, and an item
 * without one would be approved as undecided and then silently go stale when confirmed.
 */
export function buildMinutes(input: MinutesInput): MinutesModel {
  const { meeting } = input;
  if (meeting.closedAt === null)
    throw new MinutesError(
      'meeting_open',
      `meeting no. ${meeting.number} is still open; minutes are made once it is closed`,
    );
  if (input.attendance.length === 0)
    throw new MinutesError(
      'no_attendance',
      `meeting no. ${meeting.number} has no attendance recorded`,
    );
  const unconfirmed = input.items.filter((item) => item.decision === null);
  if (unconfirmed.length > 0) {
    const ids = unconfirmed.map((item) => item.claimId);
    throw new MinutesError(
      'unconfirmed_items',
      `the chair has not confirmed a decision for ${ids.join(', ')} of meeting no. ${meeting.number}; minutes record every item's decision, so confirm them first`,
      ids,
    );
  }
  const order = memberOrder(input.chair);
  const members = input.attendance.map((entry) => entry.member);
  const items: MinutesItem[] = [...input.items]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      position: item.position,
      claimId: item.claimId,
      businessName: item.businessName,
      tier: item.tier,
      claimedLoss: item.claimedLoss,
      proposal: item.proposal,
      result: item.result,
      tally: { ...item.tally },
      rollCall: rollCallOf(item, input.attendance, order),
      voteChanges: voteChangesOf(item),
      decision: item.decision!,
    }));
  return {
    format: MINUTES_FORMAT,
    council: input.council,
    meeting: {
      id: meeting.id,
      number: meeting.number,
      heldOn: meeting.heldOn,
      place: meeting.place,
      openedAt: meeting.openedAt,
      closedAt: meeting.closedAt,
      openedBy: meeting.openedBy,
    },
    rules: { quorum: meeting.quorum, threshold: meeting.threshold },
    attendance: {
      members: members.length,
      present: input.attendance
        .filter((e) => e.present)
        .map((e) => e.member)
        .sort(order),
      absent: input.attendance
        .filter((e) => !e.present)
        .map((e) => e.member)
        .sort(order),
      quorumMet: quorumMet(meeting.quorum, input.attendance),
    },
    officers: { chair: input.chair, secretary: input.secretary },
    roster: input.roster,
    items,
    ...(input.amendments.length > 0 ? { amendments: input.amendments } : {}),
    ...(input.appeals?.length ? { appeals: input.appeals } : {}),
    totals: minutesTotals(items),
    payoutSummary: minutesPayoutSummary(input.payout),
    ...(input.sampling ? { sampling: input.sampling } : {}),
  };
}

/** The exact text a minutes version stores and hashes. */
export function minutesCanonicalJson(model: MinutesModel): string {
  return canonicalJson(model);
}

/**
 * The meeting's own record: the model without its format tag and the workspace's payout and
 * sample snapshots. Drafting compares this, not the whole hash, to tell whether anything changed: the
 * payout figures move with every other meeting and import, and a new version of this
 * meeting's minutes for them alone would restate what the council knew when it approved.
 */
export function meetingRecordCanonicalJson(model: StoredMinutesModel): string {
  return canonicalJson({
    ...model,
    format: undefined,
    payoutSummary: undefined,
    sampling: undefined,
  });
}

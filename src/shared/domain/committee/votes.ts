/**
 * Votes and attendance at a council meeting. Attendance and votes are kept apart on purpose:
 * "absent" describes a member's presence at the meeting, never a vote, so an absent member has
 * no vote at all (not an abstention) and cannot be counted as one by any rule.
 */

export const VOTE_VALUES = ['for', 'against', 'abstain', 'recused'] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];

/** One roster member's presence at one meeting; a meeting has one entry per roster member. */
export interface AttendanceEntry {
  member: string;
  present: boolean;
}

/** One member's standing vote on one agenda item (the latest, when it was changed). */
export interface CastVote {
  member: string;
  vote: VoteValue;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
  recused: number;
}

export function emptyTally(): Tally {
  return { for: 0, against: 0, abstain: 0, recused: 0 };
}

/** Counts each vote value once per entry; the caller passes one vote per member. */
export function tally(votes: readonly CastVote[]): Tally {
  const counts = emptyTally();
  for (const { vote } of votes) counts[vote] += 1;
  return counts;
}

export function presentMembers(attendance: readonly AttendanceEntry[]): Set<string> {
  return new Set(attendance.filter((entry) => entry.present).map((entry) => entry.member));
}

/**
 * The votes a result may count: only those of members marked present. The services refuse
 * other votes already; filtering here too keeps the rule true for any caller (a stale row, an
 * attendance corrected after the fact) instead of trusting every path to have checked.
 */
export function countableVotes(
  attendance: readonly AttendanceEntry[],
  votes: readonly CastVote[],
): CastVote[] {
  const present = presentMembers(attendance);
  return votes.filter((vote) => present.has(vote.member));
}

export const VOTE_LABELS: Record<VoteValue, { ko: string; en: string }> = {
  for: { ko: '찬성', en: 'For' },
  against: { ko: '반대', en: 'Against' },
  abstain: { ko: '기권', en: 'Abstain' },
  recused: { ko: '회피(제척)', en: 'Recused' },
};

export const ATTENDANCE_LABELS: Record<'present' | 'absent', { ko: string; en: string }> = {
  present: { ko: '출석', en: 'Present' },
  absent: { ko: '불참', en: 'Absent' },
};

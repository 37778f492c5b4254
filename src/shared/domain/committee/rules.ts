import {
  countableVotes,
  presentMembers,
  tally,
  type AttendanceEntry,
  type CastVote,
  type Tally,
} from './votes';

/**
 * When a meeting may decide at all. Quorum is measured on attendance only: a member who recuses
 * on one item is still in the room, so recusal changes the threshold's base (below), never
 * whether the meeting is quorate.
 *
 * - majority_of_members: more than half of the roster is present (present * 2 > members);
 *   with 5 members that is 3, with 6 it is 4.
 * - at_least: at least `count` members are present, whatever the roster's size.
 */
export type QuorumRule = { kind: 'majority_of_members' } | { kind: 'at_least'; count: number };

/**
 * What carries a motion once the meeting is quorate. In every rule a recused member is out of
 * the base (they take no part in that item), an abstention is present but not "for", and a
 * tie never carries. Only votes of present members count (see countableVotes).
 *
 * - majority_of_votes_cast: for > against. Abstentions and recusals are not votes cast;
 *   with no for and no against votes nothing carries.
 * - majority_of_present: for * 2 > (present - recused). An abstention, or a present member who
 *   did not vote, weighs like a vote against.
 * - two_thirds_of_present: for * 3 >= 2 * (present - recused), and that base is above zero.
 */
export type ThresholdRule =
  | { kind: 'majority_of_votes_cast' }
  | { kind: 'majority_of_present' }
  | { kind: 'two_thirds_of_present' };

export const QUORUM_RULE_KINDS = ['majority_of_members', 'at_least'] as const;
export const THRESHOLD_RULE_KINDS = [
  'majority_of_votes_cast',
  'majority_of_present',
  'two_thirds_of_present',
] as const;

export interface MeetingRules {
  quorum: QuorumRule;
  threshold: ThresholdRule;
}

export const VOTE_RESULTS = ['carried', 'not_carried', 'no_quorum'] as const;
export type VoteResult = (typeof VOTE_RESULTS)[number];

export function quorumMet(rule: QuorumRule, attendance: readonly AttendanceEntry[]): boolean {
  const present = presentMembers(attendance).size;
  if (rule.kind === 'at_least') return present >= rule.count;
  return present * 2 > attendance.length;
}

/** Whether the counted votes carry the motion, quorum aside. */
export function thresholdMet(rule: ThresholdRule, counts: Tally, present: number): boolean {
  if (rule.kind === 'majority_of_votes_cast') return counts.for > counts.against;
  const base = present - counts.recused;
  if (base <= 0) return false;
  if (rule.kind === 'majority_of_present') return counts.for * 2 > base;
  return counts.for * 3 >= base * 2;
}

/** The tally a result is based on: present members' votes only. */
export function countedTally(
  attendance: readonly AttendanceEntry[],
  votes: readonly CastVote[],
): Tally {
  return tally(countableVotes(attendance, votes));
}

/**
 * The outcome of one agenda item's vote under the meeting's rules. `votes` holds at most one
 * vote per member (the standing one); votes of absent members are ignored.
 */
export function resultOf(
  rules: MeetingRules,
  attendance: readonly AttendanceEntry[],
  votes: readonly CastVote[],
): VoteResult {
  if (!quorumMet(rules.quorum, attendance)) return 'no_quorum';
  const counts = countedTally(attendance, votes);
  const present = presentMembers(attendance).size;
  return thresholdMet(rules.threshold, counts, present) ? 'carried' : 'not_carried';
}

export type RuleIssueCode =
  'quorum_count_not_integer' | 'quorum_count_below_one' | 'quorum_unreachable';

/**
 * Rules that could never work for this roster are refused when the meeting opens, rather than
 * discovered as "no quorum" at the first vote.
 */
export function meetingRulesIssues(rules: MeetingRules, memberCount: number): RuleIssueCode[] {
  const issues: RuleIssueCode[] = [];
  if (rules.quorum.kind === 'at_least') {
    const { count } = rules.quorum;
    if (!Number.isSafeInteger(count)) issues.push('quorum_count_not_integer');
    else if (count < 1) issues.push('quorum_count_below_one');
    else if (count > memberCount) issues.push('quorum_unreachable');
  } else if (memberCount === 0) {
    issues.push('quorum_unreachable');
  }
  return issues;
}

type Label = { ko: string; en: string };

export const QUORUM_RULE_LABELS: Record<QuorumRule['kind'], Label> = {
  majority_of_members: { ko: '재적위원 과반수 출석', en: 'Majority of members present' },
  at_least: { ko: '{count}명 이상 출석', en: 'At least {count} members present' },
};

export const THRESHOLD_LABELS: Record<ThresholdRule['kind'], Label> = {
  majority_of_votes_cast: {
    ko: '투표자 과반수 찬성 (기권·회피 제외)',
    en: 'Majority of votes cast (abstentions and recusals excluded)',
  },
  majority_of_present: {
    ko: '출석위원 과반수 찬성 (회피 제외)',
    en: 'Majority of members present (recusals excluded)',
  },
  two_thirds_of_present: {
    ko: '출석위원 3분의 2 이상 찬성 (회피 제외)',
    en: 'Two thirds of members present (recusals excluded)',
  },
};

export const VOTE_RESULT_LABELS: Record<VoteResult, Label> = {
  carried: { ko: '가결', en: 'Carried' },
  not_carried: { ko: '부결', en: 'Not carried' },
  no_quorum: { ko: '정족수 미달', en: 'No quorum' },
};

export const RULE_ISSUE_MESSAGES: Record<RuleIssueCode, Label> = {
  quorum_count_not_integer: {
    ko: '의사정족수는 정수여야 합니다.',
    en: 'The quorum must be a whole number.',
  },
  quorum_count_below_one: {
    ko: '의사정족수는 1명 이상이어야 합니다.',
    en: 'The quorum must be at least one member.',
  },
  quorum_unreachable: {
    ko: '재적위원 수로는 이 의사정족수를 채울 수 없습니다.',
    en: 'The roster is too small to ever meet this quorum.',
  },
};

/** The quorum rule in words, with its count filled in. */
export function quorumRuleText(rule: QuorumRule, locale: 'ko' | 'en'): string {
  const text = QUORUM_RULE_LABELS[rule.kind][locale];
  return rule.kind === 'at_least' ? text.replace('{count}', String(rule.count)) : text;
}

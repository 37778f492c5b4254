import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  meetingRulesIssues,
  quorumMet,
  quorumRuleText,
  resultOf,
  tally,
  THRESHOLD_RULE_KINDS,
  type AttendanceEntry,
  type CastVote,
  type MeetingRules,
  type QuorumRule,
  type ThresholdRule,
  type VoteValue,
  VOTE_VALUES,
} from '../../../src/shared/domain/committee';

/** Five members, the first `present` of them present. */
function roster(present: number, size = 5): AttendanceEntry[] {
  return Array.from({ length: size }, (_, i) => ({ member: `m${i}`, present: i < present }));
}
const votes = (...values: VoteValue[]): CastVote[] =>
  values.map((vote, i) => ({ member: `m${i}`, vote }));
const rules = (
  threshold: ThresholdRule['kind'],
  quorum: QuorumRule = { kind: 'majority_of_members' },
): MeetingRules => ({
  quorum,
  threshold: { kind: threshold },
});

describe('quorum', () => {
  it('majority of members needs more than half the roster present', () => {
    expect(quorumMet({ kind: 'majority_of_members' }, roster(2))).toBe(false);
    expect(quorumMet({ kind: 'majority_of_members' }, roster(3))).toBe(true);
    expect(quorumMet({ kind: 'majority_of_members' }, roster(3, 6))).toBe(false);
    expect(quorumMet({ kind: 'majority_of_members' }, roster(4, 6))).toBe(true);
  });

  it('at least n counts heads present', () => {
    expect(quorumMet({ kind: 'at_least', count: 4 }, roster(3))).toBe(false);
    expect(quorumMet({ kind: 'at_least', count: 4 }, roster(4))).toBe(true);
  });

  it('refuses rules the roster can never meet', () => {
    expect(
      meetingRulesIssues(rules('majority_of_present', { kind: 'at_least', count: 6 }), 5),
    ).toEqual(['quorum_unreachable']);
    expect(
      meetingRulesIssues(rules('majority_of_present', { kind: 'at_least', count: 0 }), 5),
    ).toEqual(['quorum_count_below_one']);
    expect(meetingRulesIssues(rules('majority_of_present'), 5)).toEqual([]);
    expect(quorumRuleText({ kind: 'at_least', count: 3 }, 'ko')).toBe('3명 이상 출석');
  });
});

describe('thresholds', () => {
  it('no quorum comes before any count', () => {
    expect(resultOf(rules('majority_of_votes_cast'), roster(2), votes('for', 'for'))).toBe(
      'no_quorum',
    );
  });

  it('majority of votes cast ignores abstentions and recusals; a tie fails', () => {
    const r = rules('majority_of_votes_cast');
    expect(resultOf(r, roster(5), votes('for', 'abstain', 'abstain', 'abstain', 'recused'))).toBe(
      'carried',
    );
    expect(resultOf(r, roster(5), votes('for', 'against', 'abstain'))).toBe('not_carried');
    expect(resultOf(r, roster(5), votes('abstain', 'recused'))).toBe('not_carried');
  });

  it('majority of present counts abstentions in the base and takes recusals out', () => {
    const r = rules('majority_of_present');
    expect(resultOf(r, roster(5), votes('for', 'for', 'abstain', 'abstain', 'against'))).toBe(
      'not_carried',
    );
    // 4 in the base after one recusal: 2 for is a tie, not a majority; 3 is.
    expect(resultOf(r, roster(5), votes('for', 'for', 'abstain', 'against', 'recused'))).toBe(
      'not_carried',
    );
    expect(resultOf(r, roster(5), votes('for', 'for', 'for', 'against', 'recused'))).toBe(
      'carried',
    );
  });

  it('two thirds of present, recusals excluded', () => {
    const r = rules('two_thirds_of_present');
    expect(resultOf(r, roster(5), votes('for', 'for', 'for', 'against', 'abstain'))).toBe(
      'not_carried',
    );
    expect(resultOf(r, roster(5), votes('for', 'for', 'for', 'for', 'against'))).toBe('carried');
    // Base 3 after two recusals: 2 for is two thirds.
    expect(resultOf(r, roster(5), votes('for', 'for', 'against', 'recused', 'recused'))).toBe(
      'carried',
    );
    expect(resultOf(r, roster(3), votes('recused', 'recused', 'recused'))).toBe('not_carried');
  });

  it('a vote from an absent member is never counted', () => {
    const r = rules('majority_of_votes_cast');
    const attendance = roster(3);
    const cast = [...votes('for', 'against', 'abstain'), { member: 'm3', vote: 'for' as const }];
    expect(resultOf(r, attendance, cast)).toBe('not_carried');
  });
});

const arbitraryMeeting = fc.integer({ min: 1, max: 9 }).chain((size) =>
  fc.record({
    attendance: fc
      .array(fc.boolean(), { minLength: size, maxLength: size })
      .map((present) => present.map((p, i) => ({ member: `m${i}`, present: p }))),
    votes: fc.array(fc.option(fc.constantFrom(...VOTE_VALUES), { nil: undefined }), {
      minLength: size,
      maxLength: size,
    }),
    rules: fc.record({
      quorum: fc.oneof(
        fc.constant<QuorumRule>({ kind: 'majority_of_members' }),
        fc.integer({ min: 1, max: size }).map((count): QuorumRule => ({ kind: 'at_least', count })),
      ),
      threshold: fc.constantFrom(...THRESHOLD_RULE_KINDS).map((kind): ThresholdRule => ({ kind })),
    }),
    member: fc.integer({ min: 0, max: size - 1 }),
  }),
);

function castOf(values: (VoteValue | undefined)[]): CastVote[] {
  return values.flatMap((vote, i) => (vote ? [{ member: `m${i}`, vote }] : []));
}

describe('invariants', () => {
  it('turning any member’s vote into "for" never turns carried into not carried', () => {
    fc.assert(
      fc.property(arbitraryMeeting, ({ attendance, votes: values, rules: r, member }) => {
        const before = resultOf(r, attendance, castOf(values));
        const after = resultOf(
          r,
          attendance,
          castOf(values.map((v, i) => (i === member ? 'for' : v))),
        );
        if (before === 'carried') expect(after).toBe('carried');
      }),
    );
  });

  it('recusals never count as for or against', () => {
    fc.assert(
      fc.property(arbitraryMeeting, ({ votes: values }) => {
        const counts = tally(castOf(values));
        const withoutRecusals = tally(castOf(values.map((v) => (v === 'recused' ? undefined : v))));
        expect(counts.for).toBe(withoutRecusals.for);
        expect(counts.against).toBe(withoutRecusals.against);
      }),
    );
  });

  it('under majority of votes cast, a recusal or abstention in place of no vote changes nothing', () => {
    fc.assert(
      fc.property(arbitraryMeeting, fc.constantFrom<VoteValue>('recused', 'abstain'), (m, vote) => {
        const r = { ...m.rules, threshold: { kind: 'majority_of_votes_cast' as const } };
        const values = m.votes.map((v, i) => (i === m.member ? undefined : v));
        const before = resultOf(r, m.attendance, castOf(values));
        const after = resultOf(
          r,
          m.attendance,
          castOf(values.map((v, i) => (i === m.member ? vote : v))),
        );
        expect(after).toBe(before);
      }),
    );
  });

  it('votes of absent members never change the result', () => {
    fc.assert(
      fc.property(arbitraryMeeting, ({ attendance, votes: values, rules: r }) => {
        const presentOnly = castOf(values.map((v, i) => (attendance[i]!.present ? v : undefined)));
        expect(resultOf(r, attendance, castOf(values))).toBe(resultOf(r, attendance, presentOnly));
      }),
    );
  });

  it('no quorum exactly when the quorum is not met, and one more present member never breaks it', () => {
    fc.assert(
      fc.property(arbitraryMeeting, ({ attendance, votes: values, rules: r, member }) => {
        const met = quorumMet(r.quorum, attendance);
        expect(resultOf(r, attendance, castOf(values)) === 'no_quorum').toBe(!met);
        const more = attendance.map((e, i) => (i === member ? { ...e, present: true } : e));
        if (met) expect(quorumMet(r.quorum, more)).toBe(true);
      }),
    );
  });

  it('nothing carries without at least one "for"', () => {
    fc.assert(
      fc.property(arbitraryMeeting, ({ attendance, votes: values, rules: r }) => {
        const noFor = castOf(values.map((v) => (v === 'for' ? 'abstain' : v)));
        expect(resultOf(r, attendance, noFor)).not.toBe('carried');
      }),
    );
  });
});

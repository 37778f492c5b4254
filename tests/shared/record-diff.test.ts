import { describe, expect, it } from 'vitest';
import {
  diffDecisionRecords,
  diffPayloadHeader,
} from '../../src/shared/domain/signing/record-diff';

const decision = (claimId: string, amount: number | null, outcome = 'approve') => ({
  claimId,
  outcome,
  amount,
  votes: [{ member: '김민준', vote: 'for' }],
});

describe('diffDecisionRecords', () => {
  it('finds nothing between equal lists, whatever their order', () => {
    const list = [decision('K-1', 620_000), decision('K-2', null, 'defer')];
    expect(diffDecisionRecords(list, [...list].reverse())).toEqual([]);
  });

  it('names the claim and each field that changed, with both values', () => {
    const before = [decision('K-1', 620_000), decision('K-2', 700_000)];
    const after = [decision('K-1', 9_000_000), { ...decision('K-2', 700_000), votes: [] }];
    expect(diffDecisionRecords(before, after)).toEqual([
      {
        claimId: 'K-1',
        kind: 'changed',
        fields: [{ field: 'amount', original: '620000', altered: '9000000' }],
      },
      {
        claimId: 'K-2',
        kind: 'changed',
        fields: [{ field: 'votes', original: '[{"member":"김민준","vote":"for"}]', altered: '[]' }],
      },
    ]);
  });

  it('tells removed and added records apart, and a field that appeared', () => {
    const before = [decision('K-1', 1), decision('K-2', 2)];
    const after = [{ ...decision('K-2', 2), extra: true }, decision('K-3', 3)];
    expect(diffDecisionRecords(before, after)).toEqual([
      { claimId: 'K-1', kind: 'removed', fields: [] },
      {
        claimId: 'K-2',
        kind: 'changed',
        fields: [{ field: 'extra', original: '—', altered: 'true' }],
      },
      { claimId: 'K-3', kind: 'added', fields: [] },
    ]);
  });

  it('treats anything that is not a list of decisions as empty', () => {
    expect(diffDecisionRecords('nonsense', [decision('K-1', 1)])).toEqual([
      { claimId: 'K-1', kind: 'added', fields: [] },
    ]);
    expect(diffDecisionRecords([{ noClaimId: 1 }], null)).toEqual([]);
  });
});

describe('diffPayloadHeader', () => {
  it('lists the fields besides the decisions that differ', () => {
    const before = { meeting: { number: 1 }, policyVersion: 1, decisions: [1] };
    const after = { meeting: { number: 2 }, policyVersion: 1, decisions: [2], added: 'x' };
    expect(diffPayloadHeader(before, after)).toEqual(['added', 'meeting']);
  });
});

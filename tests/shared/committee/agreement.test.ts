import { describe, expect, it } from 'vitest';
import { agreementOf } from '../../../src/shared/domain/committee/agreement';

describe('agreementOf', () => {
  it('tells none, single, agree and conflict apart', () => {
    expect(agreementOf([])).toBe('none');
    expect(agreementOf([{ outcome: 'reject', amount: null }])).toBe('single');
    expect(
      agreementOf([
        { outcome: 'approve', amount: 620_000 },
        { outcome: 'approve', amount: 620_000 },
      ]),
    ).toBe('agree');
    expect(
      agreementOf([
        { outcome: 'reject', amount: null },
        { outcome: 'reject', amount: null },
      ]),
    ).toBe('agree');
    expect(
      agreementOf([
        { outcome: 'approve', amount: 620_000 },
        { outcome: 'approve', amount: 600_000 },
      ]),
    ).toBe('conflict');
    expect(
      agreementOf([
        { outcome: 'approve', amount: 620_000 },
        { outcome: 'partial', amount: 620_000 },
      ]),
    ).toBe('conflict');
  });
});

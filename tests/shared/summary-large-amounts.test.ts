import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  englishScale,
  formatLargeCount,
  formatLargeKrw,
  koreanUnits,
} from '../../src/shared/domain/summary';

/** Reads "5,429억 7,000만" back into a number, to check the units lose nothing. */
function fromKoreanUnits(text: string): number {
  const sizes: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4, '': 1 };
  return text.split(' ').reduce((sum, part) => {
    const match = /^([\d,]+)(조|억|만)?$/.exec(part);
    if (!match) throw new Error(`unreadable part ${part}`);
    return sum + Number(match[1]!.replaceAll(',', '')) * sizes[match[2] ?? '']!;
  }, 0);
}

describe('large amounts in words a reader takes in at once', () => {
  it.each([
    [500_000_000_000, '5,000억', '500 billion'],
    [542_970_000_000, '5,429억 7,000만', '542.97 billion'],
    [2_970_000_000, '29억 7,000만', '2.97 billion'],
    [48_000_000, '4,800만', '48 million'],
    [1_500_000_000_000, '1조 5,000억', '1.5 trillion'],
    [12_345, '1만 2,345', '12,345'],
    [0, '0', '0'],
  ])('%i reads "%s" and "%s"', (value, ko, en) => {
    expect(koreanUnits(value)).toBe(ko);
    expect(englishScale(value)).toBe(en);
  });

  it('Korean units are exact for every whole amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (value) => {
        expect(fromKoreanUnits(koreanUnits(value))).toBe(value);
      }),
    );
  });

  it('adds the currency or the people in each language', () => {
    expect(formatLargeKrw(500_000_000_000, 'ko')).toBe('5,000억원');
    expect(formatLargeKrw(500_000_000_000, 'en')).toBe('500 billion KRW');
    expect(formatLargeCount(3_000_000, 'ko')).toBe('300만 명');
    expect(formatLargeCount(3_000_000, 'en')).toBe('3 million people');
  });

  it('refuses what is not a whole, non-negative amount', () => {
    expect(() => koreanUnits(-1)).toThrow(RangeError);
    expect(() => englishScale(0.5)).toThrow(RangeError);
  });
});

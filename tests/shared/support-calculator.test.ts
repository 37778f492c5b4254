import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basisPointsToPercentText,
  calculateSupport,
  formatUnroundedKrw,
  percentTextToBasisPoints,
  validatePolicyBody,
} from '../../src/shared/domain/support-calculator';
import {
  ROUNDING_MODES,
  ROUNDING_UNITS,
  type PolicyRow,
  type SupportPolicy,
  type SupportPolicyBody,
} from '../../src/shared/domain/support-policy';

const row = (key: string, factorBp: number): PolicyRow => ({
  key,
  factorBp,
  source: `근거 ${key}`,
});

/** The rows of the seeded version 1 that the sample claims touch. */
const V1_BODY: SupportPolicyBody = {
  margin: [
    row('음식점업', 1200),
    row('소매업', 900),
    row('숙박업', 1400),
    row('운수업', 1000),
    row('제조업', 1100),
    row('*', 1000),
  ],
  alternative: [
    row('카카오톡', 10000),
    row('톡채널', 9000),
    row('선물하기', 8000),
    row('카카오맵', 5000),
    row('*', 7000),
  ],
  kakaoShare: [
    row('카카오톡', 9500),
    row('톡채널', 9000),
    row('선물하기', 8000),
    row('카카오맵', 2000),
    row('*', 5000),
  ],
  rounding: { mode: 'floor', unit: 1000 },
  minimumAmount: 50_000,
  maximumAmount: null,
};

const policyOf = (body: Partial<SupportPolicyBody> = {}, version = 1): SupportPolicy => ({
  version,
  basedOn: null,
  createdAt: '2022-12-01T00:00:00',
  createdBy: 'system',
  note: '',
  bodyHash: '',
  body: { ...V1_BODY, ...body },
});

/** Margin 100%, alternative 100%, share 50%: the result is half the loss, easy to check. */
const HALF: Partial<SupportPolicyBody> = {
  margin: [row('*', 10000)],
  alternative: [row('*', 10000)],
  kakaoShare: [row('*', 5000)],
  minimumAmount: 0,
};
const anyClaim = { industry: null, service: '카카오톡' };

describe('calculateSupport on the version 1 figures', () => {
  it.each([
    // claim, industry, service, loss, unrounded, recommended
    ['K-2022-000101', '음식점업', '카카오톡', 1_850_000, 210_900, 210_000],
    ['K-2022-000104', '운수업', '톡채널', 4_200_000, 340_200, 340_000],
    ['K-2022-000111', '제조업', '선물하기', 1_230_000, 86_592, 86_000],
    ['K-2022-000103', '숙박업', '카카오맵', 500_001, 7000.014, 50_000],
    ['K-2022-000112', '음식점업', '카카오페이', 650_000, 27_300, 50_000],
  ])('%s (%s, %s, %d원)', (_id, industry, service, loss, unrounded, recommended) => {
    const result = calculateSupport(policyOf(), { industry, service }, loss);
    expect(result.unrounded).toBe(unrounded);
    expect(result.recommended).toBe(recommended);
    expect(result.policyVersion).toBe(1);
    expect(result.verifiedLoss).toBe(loss);
  });

  it('names the row each factor came from, with its position and source', () => {
    const result = calculateSupport(
      policyOf(),
      { industry: '운수업', service: '톡채널' },
      1_000_000,
    );
    expect(result.factors.margin).toEqual({
      table: 'margin',
      rowIndex: 3,
      key: '운수업',
      fallback: false,
      factorBp: 1000,
      source: '근거 운수업',
    });
    expect(result.factors.alternative).toMatchObject({
      rowIndex: 1,
      key: '톡채널',
      factorBp: 9000,
    });
    expect(result.factors.kakaoShare).toMatchObject({ rowIndex: 1, key: '톡채널', factorBp: 9000 });
  });
});

describe('choosing rows', () => {
  it('falls back to the "*" row when the industry or service is unknown or missing', () => {
    const result = calculateSupport(policyOf(), { industry: null, service: '카카오T' }, 1_000_000);
    for (const table of ['margin', 'alternative', 'kakaoShare'] as const) {
      expect(result.factors[table]).toMatchObject({ key: '*', fallback: true });
    }
    expect(result.factors.margin.rowIndex).toBe(5);
    const unknown = calculateSupport(policyOf(), { industry: '양봉업', service: '카카오톡' }, 1);
    expect(unknown.factors.margin.fallback).toBe(true);
    expect(unknown.factors.alternative.fallback).toBe(false);
  });

  it('matches keys after trimming and NFKC, so spreadsheet spellings find their row', () => {
    const policy = policyOf({ margin: [row('IT서비스', 2000), row('*', 1000)] });
    const spaced = calculateSupport(policy, { industry: '  IT서비스 ', service: ' 카카오톡' }, 1);
    expect(spaced.factors.margin).toMatchObject({ key: 'IT서비스', fallback: false });
    expect(spaced.factors.alternative).toMatchObject({ key: '카카오톡', fallback: false });
    const fullWidth = calculateSupport(policy, { industry: 'ＩＴ서비스', service: '카카오톡' }, 1);
    expect(fullWidth.factors.margin.fallback).toBe(false);
    // Decomposed Hangul (as some Mac exports write it) composes back under NFKC.
    const decomposed = '음식점업'.normalize('NFD');
    const result = calculateSupport(policyOf(), { industry: decomposed, service: '카카오톡' }, 1);
    expect(result.factors.margin).toMatchObject({ key: '음식점업', fallback: false });
  });
});

describe('rounding', () => {
  const calc = (loss: number, mode: 'floor' | 'round' | 'ceil', unit: 1 | 10 | 1000 | 10_000) =>
    calculateSupport(policyOf({ ...HALF, rounding: { mode, unit } }), anyClaim, loss).recommended;

  it('rounds to the unit the policy names, down, half up, or up', () => {
    expect([calc(123_456, 'floor', 1000), calc(123_456, 'round', 1000)]).toEqual([61_000, 62_000]);
    expect(calc(123_456, 'ceil', 1000)).toBe(62_000);
    expect(calc(123_456, 'round', 10_000)).toBe(60_000);
    expect(calc(123_456, 'ceil', 10)).toBe(61_730);
    expect(calc(123_456, 'floor', 1)).toBe(61_728);
  });

  it('rounds exactly half a unit up, and just below half down', () => {
    expect(calc(123_000, 'round', 1000)).toBe(62_000);
    expect(calc(122_998, 'round', 1000)).toBe(61_000);
    expect(calc(3, 'floor', 1)).toBe(1);
    expect(calc(3, 'round', 1)).toBe(2);
    expect(calc(3, 'ceil', 1)).toBe(2);
  });

  it('leaves an exact multiple alone in every mode', () => {
    for (const mode of ROUNDING_MODES) expect(calc(124_000, mode, 1000)).toBe(62_000);
  });

  it('is exact where doubles would not be: the largest safe loss and odd factors', () => {
    const loss = Number.MAX_SAFE_INTEGER;
    const identity = policyOf({
      margin: [row('*', 10000)],
      alternative: [row('*', 10000)],
      kakaoShare: [row('*', 10000)],
      rounding: { mode: 'floor', unit: 1 },
      minimumAmount: 0,
    });
    expect(calculateSupport(identity, anyClaim, loss).recommended).toBe(loss);
    const odd = policyOf({
      margin: [row('*', 9999)],
      alternative: [row('*', 9999)],
      kakaoShare: [row('*', 9999)],
      rounding: { mode: 'floor', unit: 1 },
      minimumAmount: 0,
    });
    const expected = (BigInt(loss) * 9999n ** 3n) / 10n ** 12n;
    expect(calculateSupport(odd, anyClaim, loss).recommended).toBe(Number(expected));
  });
});

describe('limits', () => {
  it('lifts a small result to the minimum and caps a large one at the maximum', () => {
    const capped = policyOf({ maximumAmount: 300_000 });
    const claim = { industry: '운수업', service: '톡채널' };
    expect(calculateSupport(capped, claim, 4_200_000)).toMatchObject({
      unrounded: 340_200,
      recommended: 300_000,
    });
    expect(calculateSupport(capped, claim, 600_000).recommended).toBe(50_000);
  });

  it('never recommends more than the verified loss, even to reach the minimum', () => {
    expect(calculateSupport(policyOf(), anyClaim, 30_000).recommended).toBe(30_000);
    expect(calculateSupport(policyOf(), anyClaim, 0)).toMatchObject({
      unrounded: 0,
      recommended: 0,
    });
  });

  it('refuses a verified loss that is not whole, non-negative won', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => calculateSupport(policyOf(), anyClaim, bad)).toThrow(RangeError);
    }
  });
});

describe('calculateSupport properties', () => {
  const factor = fc.integer({ min: 0, max: 10_000 });
  const bodyArb = fc.record({
    m: factor,
    a: factor,
    s: factor,
    mode: fc.constantFrom(...ROUNDING_MODES),
    unit: fc.constantFrom(...ROUNDING_UNITS),
    minimumAmount: fc.integer({ min: 0, max: 200_000 }),
    maximumAmount: fc.option(fc.integer({ min: 200_000, max: 10_000_000 })),
  });
  const lossArb = fc.integer({ min: 0, max: 10 ** 13 });

  it('gives whole won: a multiple of the unit, or a limit (minimum, maximum, verified loss)', () => {
    fc.assert(
      fc.property(bodyArb, lossArb, (b, loss) => {
        const policy = policyOf({
          margin: [row('*', b.m)],
          alternative: [row('*', b.a)],
          kakaoShare: [row('*', b.s)],
          rounding: { mode: b.mode, unit: b.unit },
          minimumAmount: b.minimumAmount,
          maximumAmount: b.maximumAmount,
        });
        const { recommended, unrounded } = calculateSupport(policy, anyClaim, loss);
        expect(Number.isSafeInteger(recommended)).toBe(true);
        expect(recommended).toBeLessThanOrEqual(loss);
        const bounds = [b.minimumAmount, b.maximumAmount, loss];
        expect(recommended % b.unit === 0 || bounds.includes(recommended)).toBe(true);
        if (
          recommended < loss &&
          recommended > b.minimumAmount &&
          recommended !== b.maximumAmount
        ) {
          // Unclamped: within one unit of the exact figure, on the side the mode says.
          expect(Math.abs(recommended - unrounded)).toBeLessThanOrEqual(b.unit);
          if (b.mode === 'floor') expect(recommended).toBeLessThanOrEqual(unrounded);
          if (b.mode === 'ceil') expect(recommended).toBeGreaterThanOrEqual(unrounded);
        }
      }),
    );
  });

  it('never gives less for a larger verified loss', () => {
    fc.assert(
      fc.property(bodyArb, lossArb, lossArb, (b, x, y) => {
        const policy = policyOf({
          margin: [row('*', b.m)],
          alternative: [row('*', b.a)],
          kakaoShare: [row('*', b.s)],
          rounding: { mode: b.mode, unit: b.unit },
          minimumAmount: b.minimumAmount,
          maximumAmount: b.maximumAmount,
        });
        const [low, high] = x <= y ? [x, y] : [y, x];
        const at = (loss: number) => calculateSupport(policy, anyClaim, loss).recommended;
        expect(at(low)).toBeLessThanOrEqual(at(high));
      }),
    );
  });
});

describe('validatePolicyBody', () => {
  const codes = (body: Partial<SupportPolicyBody>) =>
    validatePolicyBody({ ...V1_BODY, ...body }).map((i) => [i.path, i.code]);

  it('accepts the version 1 figures', () => {
    expect(codes({})).toEqual([]);
  });

  it('needs exactly one "*" row in every table', () => {
    expect(codes({ margin: [row('음식점업', 1200)] })).toEqual([['margin', 'default_row_missing']]);
    expect(codes({ kakaoShare: [row('*', 1), row(' * ', 2)] })).toEqual([
      ['kakaoShare.1.key', 'default_row_duplicate'],
    ]);
    expect(codes({ alternative: [] })).toEqual([['alternative', 'table_empty']]);
  });

  it('refuses keys that are the same after trimming and NFKC', () => {
    const body = { margin: [row('IT서비스', 1), row(' ＩＴ서비스', 2), row('*', 3)] };
    expect(codes(body)).toEqual([['margin.1.key', 'key_duplicate']]);
    expect(codes({ margin: [row('  ', 1), row('*', 3)] })).toEqual([['margin.0.key', 'key_empty']]);
  });

  it('checks factors, sources, rounding and the limits', () => {
    const margin = [{ key: '*', factorBp: 10_001, source: ' ' }];
    expect(codes({ margin })).toEqual([
      ['margin.0.source', 'source_empty'],
      ['margin.0.factorBp', 'factor_out_of_range'],
    ]);
    expect(codes({ minimumAmount: 50_001, maximumAmount: 50_000 })).toEqual([
      ['maximumAmount', 'minimum_above_maximum'],
    ]);
    expect(codes({ minimumAmount: 50_000, maximumAmount: 50_000 })).toEqual([]);
    expect(codes({ minimumAmount: -1 })).toEqual([['minimumAmount', 'amount_invalid']]);
    const rounding = { mode: 'truncate', unit: 3 } as unknown as SupportPolicyBody['rounding'];
    expect(codes({ rounding })).toEqual([['rounding', 'rounding_invalid']]);
  });

  it('gives every issue in Korean and English', () => {
    const [issue] = validatePolicyBody({ ...V1_BODY, margin: [row('음식점업', 1)] });
    expect(issue?.ko).toContain('기타(*)');
    expect(issue?.en).toContain('"*"');
  });
});

describe('factors as percentages', () => {
  it('shows basis points as a percentage with up to two decimals', () => {
    expect([0, 1200, 1250, 1205, 1234, 10_000].map(basisPointsToPercentText)).toEqual([
      '0',
      '12',
      '12.5',
      '12.05',
      '12.34',
      '100',
    ]);
  });

  it('reads a percentage back to basis points, refusing more than two decimals or over 100%', () => {
    expect(percentTextToBasisPoints('12')).toBe(1200);
    expect(percentTextToBasisPoints(' 12.5 % ')).toBe(1250);
    expect(percentTextToBasisPoints('０.０５')).toBe(5);
    expect(percentTextToBasisPoints('100')).toBe(10_000);
    for (const bad of ['', '12.345', '100.01', '-1', 'abc', '1e2']) {
      expect(percentTextToBasisPoints(bad)).toBeNull();
    }
  });

  it('round-trips every basis point value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(percentTextToBasisPoints(basisPointsToPercentText(bp))).toBe(bp);
      }),
    );
  });
});

describe('formatUnroundedKrw', () => {
  it('groups whole won and cuts the fraction to three decimals', () => {
    expect(formatUnroundedKrw(210_900)).toBe('210,900원');
    expect(formatUnroundedKrw(7000.014)).toBe('7,000.014원');
    expect(formatUnroundedKrw(1.5)).toBe('1.5원');
    expect(formatUnroundedKrw(61_728.9999)).toBe('61,728.999원');
    expect(formatUnroundedKrw(5.0000001)).toBe('5.0원');
  });
});

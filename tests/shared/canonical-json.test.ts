import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/shared/domain/canonical-json';

describe('canonical JSON', () => {
  it('sorts keys, drops whitespace and undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, 가: '나' })).toBe(
      '{"a":[true,null,"x"],"b":1,"가":"나"}',
    );
  });

  it('sorts keys by UTF-16 code units as RFC 8785 asks', () => {
    // U+1F600 (surrogates D83D DE00) sorts before U+FB01 in UTF-16 order, after it in code points.
    expect(canonicalJson({ '\uFB01': 1, '\u{1F600}': 2 })).toBe('{"\u{1F600}":2,"\uFB01":1}');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });

  it('property: key order never changes the result, and it parses back to the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        const text = canonicalJson(object);
        return text === canonicalJson(reversed) && canonicalJson(JSON.parse(text)) === text;
      }),
    );
  });
});

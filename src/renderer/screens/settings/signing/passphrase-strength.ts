export type Strength = 'weak' | 'fair' | 'good' | 'strong';

/**
 * A rough guess for the hint under the passphrase field, not a gate: the length rule is the
 * gate. Counts the alphabets used (a Hangul syllable is one of thousands, a digit one of ten)
 * and does not reward repeating one character.
 */
export function passphraseStrength(passphrase: string): Strength {
  const characters = [...passphrase];
  if (new Set(characters).size <= 2) return 'weak';
  const pools: [RegExp, number][] = [
    [/[a-z]/, 26],
    [/[A-Z]/, 26],
    [/[0-9]/, 10],
    [/[\uAC00-\uD7A3]/, 2000],
    [/[^a-zA-Z0-9\uAC00-\uD7A3]/, 33],
  ];
  const pool = pools.reduce(
    (sum, [pattern, size]) => sum + (pattern.test(passphrase) ? size : 0),
    0,
  );
  const bits = characters.length * Math.log2(Math.max(pool, 2));
  if (bits < 45) return 'weak';
  if (bits < 65) return 'fair';
  if (bits < 90) return 'good';
  return 'strong';
}

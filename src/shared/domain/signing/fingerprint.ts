/**
 * The short, human-comparable form of a key or file fingerprint: the first 64 bits of its
 * SHA-256 as four groups of four upper-case hex digits ("3F9A-2C1B-77D0-E4A8"). People read
 * it aloud or compare it side by side, so hex (no look-alike letters to argue over) beats
 * base32; 64 bits is enough to notice a wrong key, while the full hash is what code compares.
 */
const SHORT_HEX_DIGITS = 16;
const GROUP_SIZE = 4;

export function formatFingerprint(sha256Hex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(sha256Hex))
    throw new TypeError('a fingerprint is made from a SHA-256 hex digest (64 hex digits)');
  const short = sha256Hex.slice(0, SHORT_HEX_DIGITS).toUpperCase();
  const groups: string[] = [];
  for (let i = 0; i < short.length; i += GROUP_SIZE) groups.push(short.slice(i, i + GROUP_SIZE));
  return groups.join('-');
}

/** True when a typed-in fingerprint matches, ignoring case, spaces and dashes. */
export function sameFingerprint(a: string, b: string): boolean {
  const normal = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();
  return normal(a) === normal(b);
}

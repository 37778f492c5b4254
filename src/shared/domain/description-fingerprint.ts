/**
 * When are two 피해내용 texts "near-identical"? When they are the same words once everything a
 * copy-paste typically changes is taken out: width and compatibility forms (NFKC, which also
 * composes the decomposed Hangul some macOS tools produce), letter case, spacing, punctuation
 * and symbols (₩, %, ~, ※), invisible format characters (zero-width spaces, BOMs) and digits,
 * so that a copied text with a different amount, date or order count still matches.
 */

/**
 * Shorter normalised texts are not fingerprinted: "주문 취소" or "예약 못 받음" are written
 * independently by many honest claimants, so equality says nothing about copying.
 */
export const MIN_FINGERPRINT_LENGTH = 20;

// White space, punctuation, symbols, numbers of any script, control and format characters.
const IGNORED = /[\p{White_Space}\p{P}\p{S}\p{N}\p{C}]+/gu;

export function normalizeDescription(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/**
 * The normalised text, or null when it is too short to mean anything. Claims whose
 * fingerprints are equal have near-identical descriptions.
 */
export function descriptionFingerprint(text: string): string | null {
  const normalized = normalizeDescription(text);
  // Code points, not UTF-16 units: a rare Hanja outside the BMP is one character.
  return [...normalized].length >= MIN_FINGERPRINT_LENGTH ? normalized : null;
}

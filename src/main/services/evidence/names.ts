import type { EvidenceProblem } from '../../../shared/domain/evidence';

export type NameCheck =
  | { ok: true; segments: string[]; key: string }
  | {
      ok: false;
      problem: Extract<EvidenceProblem, 'not_found' | 'absolute_path' | 'path_escapes'>;
    };

/**
 * Checks a name from the evidence column before anything touches the disk. Claims are typed
 * on Windows and macOS alike, so both separators count; "." and empty segments are dropped
 * so that "a//b" and "./a/b" name the same file as "a/b".
 */
export function checkEvidenceName(name: string): NameCheck {
  if (name.trim() === '' || name.includes('\0')) return { ok: false, problem: 'not_found' };
  // "/x", "\x", "\\server\x", and "C:\x" or drive-relative "C:x".
  if (/^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name)) {
    return { ok: false, problem: 'absolute_path' };
  }
  const segments = name.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { ok: false, problem: 'path_escapes' };
  if (segments.length === 0) return { ok: false, problem: 'not_found' };
  return { ok: true, segments, key: segments.join('/') };
}

/** macOS writes Hangul decomposed (NFD); claim files typed elsewhere are composed (NFC). */
export function nfcKey(key: string): string {
  return key.normalize('NFC');
}

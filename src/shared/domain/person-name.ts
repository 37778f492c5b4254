/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional controls:
 * none belongs in a person's name, and each can hide or disguise who a record names (in the
 * audit log, minutes, signed files) or cut a line of a text report.
 */
const CONTROL_IN_NAME = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The first control character in a name, as U+XXXX with its 1-based position, or null. */
export function controlCharacterIn(name: string): { code: string; position: number } | null {
  const found = CONTROL_IN_NAME.exec(name);
  if (!found) return null;
  const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return { code, position: found.index + 1 };
}

export function controlCharacterMessage(found: { code: string; position: number }): string {
  return `a name cannot hold a control character (${found.code} at position ${found.position})`;
}

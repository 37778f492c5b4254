import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonical-json';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash of a record's canonical JSON: equal records hash equal on every machine. */
export function hashCanonical(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

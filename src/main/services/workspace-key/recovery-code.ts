import { randomBytes } from 'node:crypto';
import { ServiceError } from '../errors';

/**
 * A recovery code is 120 random bits written as 24 characters of Crockford's base32 (digits and
 * letters without I, L, O and U, so nothing reads as something else) in six groups of four:
 * `7KQ2-M9XD-…`, short enough to read aloud or copy from paper, and strong enough that it needs
 * no stretching.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHARACTERS = 24;
const GROUP = 4;

export function newRecoveryCode(): string {
  const bytes = randomBytes(15);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = CHARACTERS - 1; i >= 0; i -= 1)
    text += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return groupsOf(text);
}

function groupsOf(text: string): string {
  return (text.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join('-');
}

export class MalformedRecoveryCodeError extends ServiceError {
  constructor() {
    const message =
      'a recovery code is 24 letters and digits in six groups of four (as printed when the workspace was made)';
    super('validation_failed', message, [
      { path: 'recoveryCode', code: 'malformed_recovery_code', message },
    ]);
    this.name = 'MalformedRecoveryCodeError';
  }
}

/**
 * The code as typed, back in its printed form: case, spaces and dashes do not matter, and the
 * letters people mistake for digits (O, I, L) count as those digits, as Crockford's base32 says.
 */
export function normalizeRecoveryCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== CHARACTERS || [...plain].some((c) => !ALPHABET.includes(c)))
    throw new MalformedRecoveryCodeError();
  return groupsOf(plain);
}

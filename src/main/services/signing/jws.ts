import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../../shared/domain/canonical-json';
import { ServiceError } from '../errors';

/**
 * JWS General JSON Serialization (RFC 7515 section 7.2.1) with EdDSA over Ed25519 (RFC 8037),
 * written on Node's crypto so a signed file is checkable by any JOSE library and by ours
 * without a dependency. Only what RFC 7515 requires of a verifier that knows no extensions:
 * "crit" is refused, "alg" must be EdDSA, unknown header members are ignored.
 */
export interface JwsSignature {
  protected: string;
  signature: string;
  header?: Record<string, unknown>;
}

export interface GeneralJws {
  payload: string;
  signatures: JwsSignature[];
}

export interface JwsSigner {
  privateKey: KeyObject;
  kid: string;
  /** More protected header members (e.g. the signer's public jwk). */
  extraProtected?: Record<string, JsonValue>;
}

export type SignatureFailure =
  'unknown_key' | 'bad_signature' | 'unsupported_alg' | 'crit_unsupported';

export interface SignatureVerdict {
  kid: string | null;
  valid: boolean;
  reason?: SignatureFailure;
  /** The decoded protected header, merged under the unprotected one (protected wins). */
  header: Record<string, unknown>;
}

export interface GeneralVerification {
  /** The payload decoded as UTF-8: the canonical JSON that was signed. */
  payload: string;
  payloadBytes: Buffer;
  signatures: SignatureVerdict[];
}

/** The input is not a General JWS; the message says which part is wrong. */
export class JwsFormatError extends ServiceError {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super('validation_failed', `malformed JWS: ${part} ${detail}`);
    this.name = 'JwsFormatError';
  }
}

export type KeyResolver = (kid: string | null, header: Record<string, unknown>) => KeyObject | null;

function encodeJson(value: Record<string, JsonValue>): string {
  return Buffer.from(canonicalJson(value), 'utf8').toString('base64url');
}

/**
 * Buffer's decoder skips characters it does not know and also takes "+", "/" and "=", so a
 * string it decodes is not necessarily base64url. Skipped characters shorten the output, so
 * the length test plus the three look-alikes is the whole check, and on a megabyte payload
 * far cheaper than a regex or re-encoding.
 */
function decodeBase64url(text: unknown, part: string): Buffer {
  if (typeof text !== 'string') throw new JwsFormatError(part, 'must be a base64url string');
  const bytes = Buffer.from(text, 'base64url');
  const wellFormed =
    text.length % 4 !== 1 &&
    bytes.length === Math.floor((text.length * 3) / 4) &&
    !text.includes('+') &&
    !text.includes('/') &&
    !text.includes('=');
  if (!wellFormed)
    throw new JwsFormatError(part, 'is not base64url (A-Z a-z 0-9 - _ without padding)');
  return bytes;
}

function signOne(payload: string, signer: JwsSigner): JwsSignature {
  const header = { ...signer.extraProtected, alg: 'EdDSA', kid: signer.kid };
  const encodedHeader = encodeJson(header);
  const input = Buffer.from(`${encodedHeader}.${payload}`, 'ascii');
  return {
    protected: encodedHeader,
    signature: sign(null, input, signer.privateKey).toString('base64url'),
  };
}

export function signGeneral(payload: string, signers: JwsSigner[]): GeneralJws {
  if (signers.length === 0) throw new ServiceError('validation_failed', 'a JWS needs a signer');
  const encodedPayload = Buffer.from(payload, 'utf8').toString('base64url');
  return { payload: encodedPayload, signatures: signers.map((s) => signOne(encodedPayload, s)) };
}

/** Co-signing: one more signature over the same encoded payload; earlier ones stay valid. */
export function addSignature(jws: GeneralJws, signer: JwsSigner): GeneralJws {
  const checked = parseGeneralJws(jws);
  return { ...checked, signatures: [...checked.signatures, signOne(checked.payload, signer)] };
}

function parseHeaderObject(bytes: Buffer, part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new JwsFormatError(part, 'is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new JwsFormatError(part, 'must be a JSON object');
  return value as Record<string, unknown>;
}

/** Checks the shape (and parses text) without checking any signature. */
export function parseGeneralJws(input: unknown): GeneralJws {
  return parseWithPayload(input).jws;
}

/** The payload is decoded once here: on a 10,000-decision file that is megabytes. */
function parseWithPayload(input: unknown): { jws: GeneralJws; payloadBytes: Buffer } {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new JwsFormatError('file', 'is not JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new JwsFormatError('file', 'must be a JSON object');
  const { payload, signatures } = value as Record<string, unknown>;
  if (typeof payload !== 'string')
    throw new JwsFormatError(
      '"payload"',
      'is missing (a General JWS has "payload" and "signatures")',
    );
  const payloadBytes = decodeBase64url(payload, '"payload"');
  if (!Array.isArray(signatures) || signatures.length === 0)
    throw new JwsFormatError('"signatures"', 'must be a non-empty array');
  const checked = signatures.map((entry: unknown, i): JwsSignature => {
    const part = `signatures[${i}]`;
    if (typeof entry !== 'object' || entry === null)
      throw new JwsFormatError(part, 'must be an object');
    const s = entry as Record<string, unknown>;
    if (typeof s['protected'] !== 'string')
      throw new JwsFormatError(`${part}.protected`, 'is missing (EdDSA needs a protected "alg")');
    decodeBase64url(s['protected'], `${part}.protected`);
    decodeBase64url(s['signature'], `${part}.signature`);
    const header = s['header'];
    if (
      header !== undefined &&
      (typeof header !== 'object' || header === null || Array.isArray(header))
    )
      throw new JwsFormatError(`${part}.header`, 'must be a JSON object');
    return {
      protected: s['protected'],
      signature: s['signature'] as string,
      ...(header ? { header: header as Record<string, unknown> } : {}),
    };
  });
  return { jws: { payload, signatures: checked }, payloadBytes };
}

/** A signature of the wrong length is just a bad signature, not a crash. */
function verifiesQuietly(input: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, input, key, signature);
  } catch {
    return false;
  }
}

/**
 * Checks every signature on its own: the caller decides which signers count. A malformed
 * file throws JwsFormatError; a signature that does not verify is a verdict, not an error.
 */
export function verifyGeneral(input: unknown, resolveKey: KeyResolver): GeneralVerification {
  const { jws, payloadBytes } = parseWithPayload(input);
  // Each signing input is "<protected>.<payload>": the payload part is made once.
  const dotPayload = Buffer.from(`.${jws.payload}`, 'ascii');
  const verdicts = jws.signatures.map((entry, i): SignatureVerdict => {
    const protectedHeader = parseHeaderObject(
      decodeBase64url(entry.protected, `signatures[${i}].protected`),
      `signatures[${i}].protected`,
    );
    const header = { ...entry.header, ...protectedHeader };
    const kid = typeof header['kid'] === 'string' ? header['kid'] : null;
    if (protectedHeader['alg'] !== 'EdDSA')
      return { kid, valid: false, reason: 'unsupported_alg', header };
    if ('crit' in header) return { kid, valid: false, reason: 'crit_unsupported', header };
    const key = resolveKey(kid, header);
    if (!key || key.asymmetricKeyType !== 'ed25519')
      return { kid, valid: false, reason: 'unknown_key', header };
    const input = Buffer.concat([Buffer.from(entry.protected, 'ascii'), dotPayload]);
    const ok = verifiesQuietly(input, key, Buffer.from(entry.signature, 'base64url'));
    return ok
      ? { kid, valid: true, header }
      : { kid, valid: false, reason: 'bad_signature', header };
  });
  return { payload: payloadBytes.toString('utf8'), payloadBytes, signatures: verdicts };
}

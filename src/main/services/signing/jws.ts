import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../../shared/domain/canonical-json';
import { ServiceError } from '../errors';
import { parseStrictJson, StrictJsonError, type StrictJsonFault } from './strict-json';
import { decodeUtf8 } from './utf8';

/**
 * JWS General JSON Serialization (RFC 7515 section 7.2.1) with EdDSA over Ed25519 (RFC 8037),
 * written on Node's crypto so a signed file is checkable by any JOSE library and by ours
 * without a dependency. Only what RFC 7515 requires of a verifier that knows no extensions,
 * read strictly so that every reader sees the same file: the JSON (file and protected headers)
 * may not repeat a key; the protected and unprotected headers must be disjoint (7.2.1);
 * "crit" is refused (we understand no extension), and so is "b64" other than true (RFC 7797);
 * "alg" must be EdDSA, in the protected header; unknown header members are ignored.
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
  | 'unknown_key'
  | 'bad_signature'
  | 'unsupported_alg'
  | 'crit_unsupported'
  | 'b64_unsupported'
  | 'header_not_disjoint';

/** A header this verifier refuses, each with what it found (header names, the alg). */
export interface HeaderFault {
  reason: 'header_not_disjoint' | 'crit_unsupported' | 'b64_unsupported' | 'unsupported_alg';
  detail: string;
}

export interface SignatureVerdict {
  kid: string | null;
  valid: boolean;
  reason?: SignatureFailure;
  /** Every refused header of this signature (the first is `reason`); empty when none. */
  headerFaults: HeaderFault[];
  /** The decoded protected header, merged under the unprotected one (protected wins). */
  header: Record<string, unknown>;
}

export interface GeneralVerification {
  /** The payload decoded as UTF-8: the canonical JSON that was signed. */
  payload: string;
  payloadBytes: Buffer;
  signatures: SignatureVerdict[];
}

/**
 * The input is not a General JWS; the message says which part is wrong. `fault` is set when
 * the JSON is ambiguous rather than broken (a repeated key, nesting too deep): a verifier
 * reports that as a forgery attempt, not as an unreadable file.
 */
export class JwsFormatError extends ServiceError {
  constructor(
    readonly part: string,
    detail: string,
    readonly fault?: Exclude<StrictJsonFault, { kind: 'not_json' }>,
  ) {
    super('validation_failed', `malformed JWS: ${part} ${detail}`);
    this.name = 'JwsFormatError';
  }
}

/** Strict JSON (no repeated key, bounded depth, BOM accepted); faults as JwsFormatError. */
function parseJson(text: string, part: string): unknown {
  try {
    return parseStrictJson(text);
  } catch (error) {
    if (!(error instanceof StrictJsonError)) throw error;
    const { fault } = error;
    throw new JwsFormatError(part, error.message, fault.kind === 'not_json' ? undefined : fault);
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
  const value = parseJson(bytes.toString('utf8'), part);
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
  const value = typeof input === 'string' ? parseJson(input, 'file') : input;
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

/** RFC 7515 7.2.1, 4.1.11; RFC 7797 3 and 6; RFC 8037 3.1: what we refuse in the headers. */
function headerFaults(
  protectedHeader: Record<string, unknown>,
  unprotected: Record<string, unknown> | undefined,
): HeaderFault[] {
  const faults: HeaderFault[] = [];
  const repeated = Object.keys(unprotected ?? {}).filter((name) =>
    Object.hasOwn(protectedHeader, name),
  );
  if (repeated.length > 0)
    faults.push({ reason: 'header_not_disjoint', detail: repeated.join(', ') });
  const either = (name: string) =>
    Object.hasOwn(protectedHeader, name) || (unprotected && Object.hasOwn(unprotected, name));
  const valueOf = (name: string) =>
    Object.hasOwn(protectedHeader, name) ? protectedHeader[name] : unprotected?.[name];
  if (either('crit'))
    faults.push({ reason: 'crit_unsupported', detail: JSON.stringify(valueOf('crit')) });
  if (either('b64') && valueOf('b64') !== true)
    faults.push({ reason: 'b64_unsupported', detail: JSON.stringify(valueOf('b64')) });
  if (protectedHeader['alg'] !== 'EdDSA')
    faults.push({
      reason: 'unsupported_alg',
      detail: Object.hasOwn(protectedHeader, 'alg')
        ? String(JSON.stringify(protectedHeader['alg']))
        : 'none in the protected header',
    });
  return faults;
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
  // Each signing input is "<protected>.<payload>": the payload part is encoded once, on its
  // own (Buffer.from of the concatenated string first flattens megabytes, ~15 ms), and each
  // signature's input is a copy of the parts.
  const dot = Buffer.from('.', 'ascii');
  const encodedPayload = Buffer.from(jws.payload, 'ascii');
  const verdicts = jws.signatures.map((entry, i): SignatureVerdict => {
    const protectedHeader = parseHeaderObject(
      decodeBase64url(entry.protected, `signatures[${i}].protected`),
      `signatures[${i}].protected`,
    );
    const header = { ...entry.header, ...protectedHeader };
    const kid = typeof header['kid'] === 'string' ? header['kid'] : null;
    const faults = headerFaults(protectedHeader, entry.header);
    if (faults.length > 0)
      return { kid, valid: false, reason: faults[0]!.reason, headerFaults: faults, header };
    const key = resolveKey(kid, header);
    if (!key || key.asymmetricKeyType !== 'ed25519')
      return { kid, valid: false, reason: 'unknown_key', headerFaults: [], header };
    const input = Buffer.concat([Buffer.from(entry.protected, 'ascii'), dot, encodedPayload]);
    const ok = verifiesQuietly(input, key, Buffer.from(entry.signature, 'base64url'));
    return ok
      ? { kid, valid: true, headerFaults: [], header }
      : { kid, valid: false, reason: 'bad_signature', headerFaults: [], header };
  });
  return { payload: decodeUtf8(payloadBytes), payloadBytes, signatures: verdicts };
}

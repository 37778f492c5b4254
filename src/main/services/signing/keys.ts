import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { formatFingerprint } from '../../../shared/domain/signing/fingerprint';
import { ServiceError } from '../errors';

/** An Ed25519 public key as a JWK (RFC 8037): the only key type this app signs with. */
export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

/** A key in the form every signed file names it: kid for code, fingerprint for people. */
export interface KeyIdentity {
  jwk: Ed25519PublicJwk;
  /** base64url of the SHA-256 RFC 7638 thumbprint: the JWS "kid". */
  kid: string;
  /** The short human form of the same digest ("3F9A-2C1B-77D0-E4A8"). */
  fingerprint: string;
}

const BASE64URL_ED25519_X = /^[A-Za-z0-9_-]{43}$/;

export function publicJwkOf(key: KeyObject): Ed25519PublicJwk {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw new ServiceError('validation_failed', 'only Ed25519 keys can sign here');
  const jwk = publicKey.export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x) };
}

/**
 * RFC 7638: SHA-256 over the required members in lexicographic order with no whitespace.
 * Written out by hand rather than through canonical JSON so the bytes are obviously the RFC's.
 */
export function keyIdentityOf(jwk: Ed25519PublicJwk): KeyIdentity {
  const digest = createHash('sha256')
    .update(`{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}"}`)
    .digest();
  return {
    jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
    kid: digest.toString('base64url'),
    fingerprint: formatFingerprint(digest.toString('hex')),
  };
}

/** Checks a JWK read from a file is an Ed25519 public key (and nothing more) before use. */
export function parsePublicJwk(value: unknown, where: string): Ed25519PublicJwk {
  const jwk = value as Partial<Record<string, unknown>> | null;
  if (
    typeof jwk !== 'object' ||
    jwk === null ||
    jwk['kty'] !== 'OKP' ||
    jwk['crv'] !== 'Ed25519' ||
    typeof jwk['x'] !== 'string' ||
    !BASE64URL_ED25519_X.test(jwk['x'])
  )
    throw new ServiceError(
      'validation_failed',
      `${where} is not an Ed25519 public key (JWK with kty "OKP", crv "Ed25519" and a 32-byte x)`,
    );
  if ('d' in jwk)
    throw new ServiceError('validation_failed', `${where} holds a private key: refusing to use it`);
  return { kty: 'OKP', crv: 'Ed25519', x: jwk['x'] };
}

export function publicKeyFromJwk(jwk: Ed25519PublicJwk): KeyObject {
  return createPublicKey({ key: { ...jwk }, format: 'jwk' });
}

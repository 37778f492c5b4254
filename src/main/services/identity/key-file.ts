import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { ServiceError } from '../errors';

/**
 * The private key at rest: PKCS#8 DER sealed with AES-256-GCM under a key stretched from the
 * passphrase by scrypt, or under a random key the OS keychain seals (key-protector.ts). Every
 * parameter is written into the file, so a later build with other defaults still opens it.
 * The authenticated data binds the sealed key to the file's public key id and parameters:
 * pasting one file's ciphertext into another fails like a wrong passphrase instead of
 * silently unlocking someone else's key.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export interface ScryptKdf extends ScryptParams {
  name: 'scrypt';
  salt: string;
  keyLength: 32;
}

/** The AES key is random and sealed by a KeyProtector (the OS keychain); see key-protector.ts. */
export interface KeychainKdf {
  name: 'os-keychain';
  /** base64url of what the protector made of the AES key (and the kid it belongs to). */
  wrappedKey: string;
  keyLength: 32;
}

export interface SealedPrivateKey<Kdf extends ScryptKdf | KeychainKdf = ScryptKdf | KeychainKdf> {
  /** How the AES key is had: stretched from a passphrase, or unsealed by the OS keychain. */
  kdf: Kdf;
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string };
  /** base64url of the encrypted PKCS#8 DER. */
  ciphertext: string;
}

/** OWASP's scrypt minimum (2^17, 8, 1): about 128 MiB and a few hundred ms per unlock. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Bounds for params read from a file: too low is a weak file, too high a memory bomb. */
const MIN_LOG2_N = 14;
const MAX_LOG2_N = 20;

/** The passphrase does not open this key (or the sealed part was damaged: GCM cannot tell). */
export class WrongPassphraseError extends ServiceError {
  constructor(file: string) {
    const message = `the passphrase does not unlock ${file} (or the key file is damaged)`;
    super('forbidden', message, [{ path: 'passphrase', code: 'wrong_passphrase', message }]);
    this.name = 'WrongPassphraseError';
  }
}

function checkParams(params: ScryptParams): void {
  const log2 = Math.log2(params.N);
  if (!Number.isInteger(log2) || log2 < MIN_LOG2_N || log2 > MAX_LOG2_N)
    throw new ServiceError(
      'validation_failed',
      `scrypt N must be a power of two from 2^${MIN_LOG2_N} to 2^${MAX_LOG2_N}`,
    );
  if (![params.r, params.p].every((n) => Number.isInteger(n) && n >= 1 && n <= 16))
    throw new ServiceError(
      'validation_failed',
      'scrypt r and p must be whole numbers from 1 to 16',
    );
}

export function stretch(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  checkParams(params);
  // Node refuses scrypt above 32 MiB unless told how much memory it may take.
  const maxmem = 128 * params.N * params.r * params.p + 16 * 1024 * 1024;
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem });
}

function associatedData(kid: string, kdf: SealedPrivateKey['kdf']): Buffer {
  return Buffer.from(canonicalJson({ kid, kdf }), 'utf8');
}

/** AES-256-GCM over the PKCS#8 DER, the kid and the kdf bound in as authenticated data. */
export function sealWithKey<Kdf extends ScryptKdf | KeychainKdf>(
  pkcs8: Buffer,
  key: Buffer,
  kid: string,
  kdf: Kdf,
): SealedPrivateKey<Kdf> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(kid, kdf));
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return {
    kdf,
    cipher: {
      name: 'aes-256-gcm',
      iv: iv.toString('base64url'),
      tag: cipher.getAuthTag().toString('base64url'),
    },
    ciphertext: ciphertext.toString('base64url'),
  };
}

/** The PKCS#8 DER, or null when the key or anything bound in does not match (GCM cannot tell which). */
export function openWithKey(sealed: SealedPrivateKey, key: Buffer, kid: string): Buffer | null {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      key,
      Buffer.from(sealed.cipher.iv, 'base64url'),
    );
    decipher.setAAD(associatedData(kid, sealed.kdf));
    decipher.setAuthTag(Buffer.from(sealed.cipher.tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64url')),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}

export function sealPrivateKey(
  pkcs8: Buffer,
  passphrase: string,
  kid: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): SealedPrivateKey<ScryptKdf> {
  const salt = randomBytes(16);
  const kdf: ScryptKdf = {
    name: 'scrypt',
    salt: salt.toString('base64url'),
    keyLength: 32,
    ...params,
  };
  return sealWithKey(pkcs8, stretch(passphrase, salt, params), kid, kdf);
}

export function openSealedKey(
  sealed: SealedPrivateKey,
  passphrase: string,
  kid: string,
  file: string,
): Buffer {
  if (sealed?.kdf?.name !== 'scrypt' || sealed?.cipher?.name !== 'aes-256-gcm')
    throw new ServiceError(
      'validation_failed',
      `${file}: unknown key protection (want scrypt + aes-256-gcm)`,
    );
  const { N, r, p, salt } = sealed.kdf;
  const key = stretch(passphrase, Buffer.from(salt, 'base64url'), { N, r, p });
  const der = openWithKey(sealed, key, kid);
  if (der === null) throw new WrongPassphraseError(file);
  return der;
}

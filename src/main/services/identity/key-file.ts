import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { ServiceError } from '../errors';

/**
 * The private key at rest: PKCS#8 DER sealed with AES-256-GCM under a key stretched from the
 * passphrase by scrypt. Every parameter is written into the file, so a later build with other
 * defaults still opens it. The authenticated data binds the sealed key to the file's public
 * key id and parameters: pasting one file's ciphertext into another fails like a wrong
 * passphrase instead of silently unlocking someone else's key.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export interface SealedPrivateKey {
  kdf: { name: 'scrypt'; salt: string; keyLength: 32 } & ScryptParams;
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
    super('forbidden', `the passphrase does not unlock ${file} (or the key file is damaged)`);
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

function stretch(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  checkParams(params);
  // Node refuses scrypt above 32 MiB unless told how much memory it may take.
  const maxmem = 128 * params.N * params.r * params.p + 16 * 1024 * 1024;
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem });
}

function associatedData(kid: string, kdf: SealedPrivateKey['kdf']): Buffer {
  return Buffer.from(canonicalJson({ kid, kdf }), 'utf8');
}

export function sealPrivateKey(
  pkcs8: Buffer,
  passphrase: string,
  kid: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): SealedPrivateKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kdf = {
    name: 'scrypt',
    salt: salt.toString('base64url'),
    keyLength: 32,
    ...params,
  } as const;
  const cipher = createCipheriv('aes-256-gcm', stretch(passphrase, salt, params), iv);
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
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.cipher.iv, 'base64url'));
  decipher.setAAD(associatedData(kid, sealed.kdf));
  try {
    decipher.setAuthTag(Buffer.from(sealed.cipher.tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64url')),
      decipher.final(),
    ]);
  } catch {
    throw new WrongPassphraseError(file);
  }
}

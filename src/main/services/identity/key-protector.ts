import { randomBytes } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { ServiceError } from '../errors';
import { openWithKey, sealWithKey, type KeychainKdf, type SealedPrivateKey } from './key-file';

/**
 * Something that seals bytes so only this machine (and user account) can open them again: the
 * desktop app hands in Electron's safeStorage (app/key-protector.ts). It is synchronous, as
 * safeStorage is, and opaque: it cannot bind extra data, so the sealing below does that itself.
 */
export interface KeyProtector {
  readonly kind: 'os-keychain';
  encrypt(bytes: Buffer): Buffer;
  /** Throws when the bytes were not sealed here. */
  decrypt(bytes: Buffer): Buffer;
}

/** A key sealed by the OS keychain, with no protector to hand (the CLI, or a browser test). */
export class KeychainUnavailableError extends ServiceError {
  constructor(file: string) {
    super(
      'forbidden',
      `${file} is sealed by the OS keychain of the machine that made it; open it in the desktop app there`,
    );
    this.name = 'KeychainUnavailableError';
  }
}

/** The keychain here does not open the key: another machine's, or another user account's. */
export class KeychainMismatchError extends ServiceError {
  constructor(file: string) {
    super(
      'forbidden',
      `the OS keychain of this machine does not open ${file}: it was sealed on another machine or user account; open it in the desktop app there`,
    );
    this.name = 'KeychainMismatchError';
  }
}

/** The keychain opened its part, yet the sealed key does not fit the file: altered or pasted. */
export class KeyFileDamagedError extends ServiceError {
  constructor(file: string) {
    super(
      'validation_failed',
      `${file}: the sealed private key is damaged or belongs to another key file`,
    );
    this.name = 'KeyFileDamagedError';
  }
}

const AES_KEY_BYTES = 32;

/**
 * A random AES key seals the private key, as the passphrase's key does; the protector seals
 * that AES key together with the kid, so a wrapped key moved to another file is noticed even
 * before AES-GCM (whose authenticated data binds the kid and this kdf, wrapped key included).
 */
export function sealWithProtector(
  pkcs8: Buffer,
  protector: KeyProtector,
  kid: string,
): SealedPrivateKey<KeychainKdf> {
  const key = randomBytes(AES_KEY_BYTES);
  const wrapped = protector.encrypt(
    Buffer.from(canonicalJson({ kid, key: key.toString('base64url') }), 'utf8'),
  );
  const kdf: KeychainKdf = {
    name: 'os-keychain',
    wrappedKey: wrapped.toString('base64url'),
    keyLength: AES_KEY_BYTES,
  };
  return sealWithKey(pkcs8, key, kid, kdf);
}

function unwrapKey(kdf: KeychainKdf, protector: KeyProtector, kid: string, file: string): Buffer {
  let inner: unknown;
  try {
    const opened = protector.decrypt(Buffer.from(kdf.wrappedKey, 'base64url'));
    inner = JSON.parse(opened.toString('utf8'));
  } catch {
    // Another keychain either refuses outright or yields noise that is not our JSON.
    throw new KeychainMismatchError(file);
  }
  const { kid: sealedFor, key } = (inner ?? {}) as { kid?: unknown; key?: unknown };
  if (typeof key !== 'string') throw new KeychainMismatchError(file);
  if (sealedFor !== kid) throw new KeyFileDamagedError(file);
  const bytes = Buffer.from(key, 'base64url');
  if (bytes.length !== AES_KEY_BYTES) throw new KeyFileDamagedError(file);
  return bytes;
}

export function openWithProtector(
  sealed: SealedPrivateKey,
  protector: KeyProtector | undefined,
  kid: string,
  file: string,
): Buffer {
  const kdf = sealed?.kdf;
  if (
    kdf?.name !== 'os-keychain' ||
    typeof kdf.wrappedKey !== 'string' ||
    sealed?.cipher?.name !== 'aes-256-gcm'
  )
    throw new ServiceError(
      'validation_failed',
      `${file}: unknown key protection (want os-keychain + aes-256-gcm)`,
    );
  if (!protector) throw new KeychainUnavailableError(file);
  const der = openWithKey(sealed, unwrapKey(kdf, protector, kid, file), kid);
  if (der === null) throw new KeyFileDamagedError(file);
  return der;
}

import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * The workspace key: 32 random bytes made once, when the workspace is made, and never shown.
 * Nothing is encrypted with it directly: each use gets its own key derived from it (HKDF), so
 * a key that leaks from one use (say, the evidence cipher) tells nothing about the others.
 * The key file (key-file.ts) keeps it wrapped by a passphrase, a recovery code and, where
 * real, the OS keychain.
 */
export type WorkspaceKey = Buffer;

export const WORKSPACE_KEY_BYTES = 32;

export type KeyUse = 'database' | 'evidence' | 'evidence-names' | 'backup';

export function newWorkspaceKey(): WorkspaceKey {
  return randomBytes(WORKSPACE_KEY_BYTES);
}

export function derivedKey(key: WorkspaceKey, use: KeyUse): Buffer {
  if (key.length !== WORKSPACE_KEY_BYTES) throw new RangeError('a workspace key is 32 bytes');
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `review-desk ${use}`, 32));
}

/**
 * The pragma that opens the database with its key. The `x'…'` form hands SQLite3 Multiple
 * Ciphers the raw 256-bit key, skipping its own passphrase stretching (the key is random, so
 * stretching adds nothing but about 20 ms per connection).
 */
export function databaseKeyPragma(key: WorkspaceKey): string {
  return `key = "x'${derivedKey(key, 'database').toString('hex')}'"`;
}

/** The pragma that encrypts an unencrypted database under the key (in a rollback-journal mode). */
export function databaseRekeyPragma(key: WorkspaceKey): string {
  return `rekey = "x'${derivedKey(key, 'database').toString('hex')}'"`;
}

/** Overwrites the key's bytes: what locking leaves of it in this process. */
export function forgetKey(key: WorkspaceKey): void {
  key.fill(0);
}

import { safeStorage } from 'electron';
import type { KeyProtector } from '../services/identity';
import { onFirstUse } from './on-first-use';

/**
 * Electron's safeStorage as a KeyProtector: the OS keychain (macOS Keychain, Windows DPAPI,
 * the Linux secret service) seals the bytes for this machine and user account. Call after the
 * app is ready. Null where there is no real keychain: on Linux without a secret service,
 * Electron falls back to a fixed, publicly known password ("basic_text"), which protects
 * nothing, so a person there uses a passphrase instead.
 */
export function osKeychainProtector(): KeyProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return null;
  }
  // safeStorage seals strings; base64 carries the bytes through unchanged.
  return {
    kind: 'os-keychain',
    encrypt: (bytes) => safeStorage.encryptString(bytes.toString('base64')),
    decrypt: (bytes) => Buffer.from(safeStorage.decryptString(bytes), 'base64'),
  };
}

/**
 * The Platform's keyProtector: the keychain is probed when a key is first made or opened (on
 * Linux the probe may talk to the secret service, which can prompt or wait), not while the
 * app starts; the answer is remembered for the rest of the run.
 */
export function lazyOsKeychainProtector(): () => KeyProtector | undefined {
  return onFirstUse(() => osKeychainProtector() ?? undefined);
}

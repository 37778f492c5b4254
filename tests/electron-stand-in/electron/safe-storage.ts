import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { app } from './app';
import { runtime } from './runtime';

/**
 * safeStorage. What the OS keychain would do is not modelled: the "keychain" here is an
 * AES-256-GCM key derived from this user-data folder, so a sealed value opens again after a
 * restart of the same workspace and not elsewhere. The backend name comes from the launcher:
 * 'basic_text' is a Linux machine with no keyring, as Electron reports it. Each question main
 * asks about availability is counted, so a test can see when the keychain is probed.
 */
function key(): Buffer {
  return createHash('sha256')
    .update(`stand-in keychain:${app.getPath('userData')}`)
    .digest();
}

export const safeStorage = {
  isEncryptionAvailable(): boolean {
    runtime.keychainProbes += 1;
    return app.isReady();
  },
  getSelectedStorageBackend(): string {
    runtime.keychainProbes += 1;
    return process.platform === 'linux' ? runtime.options.keychainBackend : 'unknown';
  },
  encryptString(text: string): Buffer {
    if (!app.isReady()) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key(), iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  decryptString(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', key(), sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  },
};

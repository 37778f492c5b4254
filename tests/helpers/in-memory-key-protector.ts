import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyProtector } from '../../src/main/services/identity';

/**
 * A real KeyProtector for tests, standing in for the OS keychain: AES-256-GCM under a random
 * key that lives only in this object. Two instances are two machines: one cannot open what the
 * other sealed, exactly as another computer's keychain cannot.
 */
export class InMemoryKeyProtector implements KeyProtector {
  readonly kind = 'os-keychain';
  private readonly key = randomBytes(32);

  encrypt(bytes: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
  }

  decrypt(bytes: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  }
}

import { calculateJwkThumbprint } from 'jose';
import { createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  generateIdentity,
  readKeyFile,
  readPublicKeyFile,
  unlockIdentity,
  WrongPassphraseError,
} from '../../../src/main/services/identity';
import { formatFingerprint, sameFingerprint } from '../../../src/shared/domain/signing/fingerprint';
import { makeTempDir } from '../../helpers/temp-workspace';
import { PASSPHRASE, TEST_SCRYPT } from '../decision-file/council';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
function tempDir() {
  const { dir, cleanup } = makeTempDir('review-desk-keys-');
  cleanups.push(cleanup);
  return dir;
}
const make = (dir: string, passphrase = PASSPHRASE) =>
  generateIdentity({ name: '김민준', role: 'member' }, passphrase, { dir, scrypt: TEST_SCRYPT });

describe('identity', () => {
  it('writes a sealed key file (0600) and a public key file whose kid is the RFC 7638 thumbprint', async () => {
    const made = make(tempDir());
    expect(made.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    const pub = readPublicKeyFile(made.publicKeyFile);
    expect(pub).toMatchObject({ name: '김민준', role: 'member', kid: made.kid });
    expect(Object.keys(pub.jwk).sort()).toEqual(['crv', 'kty', 'x']);
    expect(made.kid).toBe(await calculateJwkThumbprint(pub.jwk, 'sha256'));
    expect(formatFingerprint(Buffer.from(made.kid, 'base64url').toString('hex'))).toBe(
      made.fingerprint,
    );
    if (process.platform !== 'win32') expect(statSync(made.keyFile).mode & 0o777).toBe(0o600);
    const keyFile = readKeyFile(made.keyFile);
    expect(keyFile.privateKey.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 14, r: 8, p: 1 });
    expect(keyFile.privateKey.cipher.name).toBe('aes-256-gcm');
    expect(readFileSync(made.keyFile, 'utf8')).not.toMatch(/"d"/);
  });

  it('unlocks with the passphrase to a key that signs for the public key', () => {
    const made = make(tempDir());
    const unlocked = unlockIdentity(made.keyFile, PASSPHRASE);
    const signature = sign(null, Buffer.from('회의록'), unlocked.privateKey);
    const publicKey = createPublicKey({ key: { ...unlocked.jwk }, format: 'jwk' });
    expect(verify(null, Buffer.from('회의록'), publicKey, signature)).toBe(true);
  });

  it('a wrong passphrase is a typed error, not a crash', () => {
    const made = make(tempDir());
    expect(() => unlockIdentity(made.keyFile, 'not the passphrase')).toThrow(WrongPassphraseError);
  });

  it('a key file whose public part was swapped does not unlock', () => {
    const dir = tempDir();
    const a = make(dir);
    const b = generateIdentity({ name: '최지우', role: 'member' }, PASSPHRASE, {
      dir,
      scrypt: TEST_SCRYPT,
    });
    const file = JSON.parse(readFileSync(a.keyFile, 'utf8'));
    const other = JSON.parse(readFileSync(b.keyFile, 'utf8'));
    writeFileSync(
      a.keyFile,
      JSON.stringify({ ...file, jwk: other.jwk, kid: other.kid, fingerprint: other.fingerprint }),
    );
    expect(() => unlockIdentity(a.keyFile, PASSPHRASE)).toThrow(WrongPassphraseError);
  });

  it('refuses a short passphrase and an unknown role', () => {
    const dir = tempDir();
    expect(() => make(dir, 'short')).toThrow(/at least 8/);
    expect(() =>
      generateIdentity({ name: 'x', role: 'king' as never }, PASSPHRASE, {
        dir,
        scrypt: TEST_SCRYPT,
      }),
    ).toThrow(/role/);
  });

  it('refuses a public key file that claims another key’s kid', () => {
    const dir = tempDir();
    const made = make(dir);
    const pub = JSON.parse(readFileSync(made.publicKeyFile, 'utf8'));
    writeFileSync(made.publicKeyFile, JSON.stringify({ ...pub, kid: 'A'.repeat(43) }));
    expect(() => readPublicKeyFile(made.publicKeyFile)).toThrow(/kid or fingerprint/);
  });

  it('compares fingerprints the way people type them', () => {
    expect(sameFingerprint('3f9a 2c1b-77d0 e4a8', '3F9A-2C1B-77D0-E4A8')).toBe(true);
    expect(() => formatFingerprint('abc')).toThrow();
  });
});

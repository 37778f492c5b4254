import { createPublicKey, sign, verify } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createIdentity,
  inspectKeyFile,
  KeychainMismatchError,
  KeychainUnavailableError,
  KeyFileDamagedError,
  publicKeyPathBeside,
  readKeyFile,
  readPublicKeyFile,
  unlockIdentity,
  unlockKeyFile,
  WrongPassphraseError,
} from '../../../src/main/services/identity';
import { ServiceError } from '../../../src/main/services/errors';
import { InMemoryKeyProtector } from '../../helpers/in-memory-key-protector';
import { makeTempDir } from '../../helpers/temp-workspace';
import { PASSPHRASE, TEST_SCRYPT } from '../decision-file/council';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
function tempDir() {
  const { dir, cleanup } = makeTempDir('review-desk-keychain-');
  cleanups.push(cleanup);
  return dir;
}

const SECRETARY = { name: '박서연', role: 'secretary' } as const;

function sealedByKeychain(dir: string, protector: InMemoryKeyProtector, name = '박서연') {
  return createIdentity({ ...SECRETARY, name }, { protector }, join(dir, `${name}-key.json`));
}

/** The parts of a key file the tampering below touches. */
interface KeyFileJson {
  protection?: string;
  privateKey: { cipher: unknown; ciphertext: string };
}

function rewrite(file: string, change: (json: KeyFileJson) => void) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  change(json);
  writeFileSync(file, JSON.stringify(json));
}

describe('a key sealed by the OS keychain', () => {
  it('says so in the file, keeps the public part, and opens with the same keychain to a key that signs', () => {
    const dir = tempDir();
    const protector = new InMemoryKeyProtector();
    const made = sealedByKeychain(dir, protector);
    expect(made.publicKeyFile).toBe(join(dir, '박서연-public-key.json'));
    if (process.platform !== 'win32') expect(statSync(made.keyFile).mode & 0o777).toBe(0o600);

    const file = readKeyFile(made.keyFile);
    expect(file.protection).toBe('os-keychain');
    expect(file.privateKey.kdf).toEqual({
      name: 'os-keychain',
      wrappedKey: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      keyLength: 32,
    });
    expect(readFileSync(made.keyFile, 'utf8')).not.toMatch(/"d"|scrypt|salt/);
    expect(readPublicKeyFile(made.publicKeyFile)).toMatchObject({ ...SECRETARY, kid: made.kid });
    expect(inspectKeyFile(made.keyFile)).toMatchObject({
      file: 'key',
      protection: 'os-keychain',
      fingerprint: made.fingerprint,
    });

    const unlocked = unlockKeyFile(made.keyFile, { protector });
    expect(unlocked).toMatchObject({ ...SECRETARY, kid: made.kid });
    const signature = sign(null, Buffer.from('명부 v1'), unlocked.privateKey);
    const publicKey = createPublicKey({ key: { ...unlocked.jwk }, format: 'jwk' });
    expect(verify(null, Buffer.from('명부 v1'), publicKey, signature)).toBe(true);
  });

  it('another machine’s keychain does not open it, and says so', () => {
    const made = sealedByKeychain(tempDir(), new InMemoryKeyProtector());
    const elsewhere = new InMemoryKeyProtector();
    expect(() => unlockKeyFile(made.keyFile, { protector: elsewhere })).toThrow(
      KeychainMismatchError,
    );
    expect(() => unlockKeyFile(made.keyFile, { protector: elsewhere })).toThrow(
      /sealed on another machine or user account; open it in the desktop app there/,
    );
  });

  it('without a keychain (the CLI) it is refused with where to open it, passphrase or not', () => {
    const made = sealedByKeychain(tempDir(), new InMemoryKeyProtector());
    const where = `${made.keyFile} is sealed by the OS keychain of the machine that made it; open it in the desktop app there`;
    expect(() => unlockKeyFile(made.keyFile, {})).toThrow(KeychainUnavailableError);
    expect(() => unlockIdentity(made.keyFile, PASSPHRASE)).toThrow(where);
  });

  it('a sealed part pasted from another key file of the same machine does not open', () => {
    const dir = tempDir();
    const protector = new InMemoryKeyProtector();
    const a = sealedByKeychain(dir, protector, '박서연');
    const b = sealedByKeychain(dir, protector, '김민준');
    const other = JSON.parse(readFileSync(b.keyFile, 'utf8'));

    // The ciphertext alone: this file's AES key does not open the other's ciphertext.
    rewrite(a.keyFile, (json) => {
      json.privateKey.cipher = other.privateKey.cipher;
      json.privateKey.ciphertext = other.privateKey.ciphertext;
    });
    expect(() => unlockKeyFile(a.keyFile, { protector })).toThrow(KeyFileDamagedError);

    // The whole sealed part, wrapped key included: the keychain opens it, but for another kid.
    rewrite(a.keyFile, (json) => {
      json.privateKey = other.privateKey;
    });
    expect(() => unlockKeyFile(a.keyFile, { protector })).toThrow(
      /the sealed private key is damaged or belongs to another key file/,
    );
  });

  it('a flipped byte, a changed protection or an unknown one is refused naming the file', () => {
    const dir = tempDir();
    const protector = new InMemoryKeyProtector();
    const made = sealedByKeychain(dir, protector);
    const original = readFileSync(made.keyFile, 'utf8');

    rewrite(made.keyFile, (json) => {
      const bytes = Buffer.from(json.privateKey.ciphertext, 'base64url');
      bytes[5] = bytes[5]! ^ 1;
      json.privateKey.ciphertext = bytes.toString('base64url');
    });
    expect(() => unlockKeyFile(made.keyFile, { protector })).toThrow(KeyFileDamagedError);

    writeFileSync(made.keyFile, original);
    rewrite(made.keyFile, (json) => {
      json.protection = 'passphrase';
    });
    expect(() => unlockKeyFile(made.keyFile, { passphrase: PASSPHRASE })).toThrow(
      `${made.keyFile}: the file says it is sealed by passphrase, but its private key is sealed by os-keychain`,
    );

    writeFileSync(made.keyFile, original);
    rewrite(made.keyFile, (json) => {
      json.protection = 'usb-token';
    });
    expect(() => readKeyFile(made.keyFile)).toThrow(
      `${made.keyFile}: unknown key protection "usb-token" (want passphrase or os-keychain)`,
    );

    writeFileSync(made.keyFile, original);
    expect(unlockKeyFile(made.keyFile, { protector }).kid).toBe(made.kid);
  });
});

describe('unlockKeyFile with a passphrase file', () => {
  const passphraseKey = (dir: string) =>
    createIdentity(
      { name: '김민준', role: 'member' },
      { passphrase: PASSPHRASE, scrypt: TEST_SCRYPT },
      join(dir, 'mine.key.json'),
    );

  it('opens with the passphrase (a protector alongside changes nothing) and asks for one without', () => {
    const made = passphraseKey(tempDir());
    expect(made.publicKeyFile).toMatch(/mine-public-key\.json$/);
    expect(readKeyFile(made.keyFile).protection).toBe('passphrase');
    const protector = new InMemoryKeyProtector();
    expect(unlockKeyFile(made.keyFile, { passphrase: PASSPHRASE, protector }).kid).toBe(made.kid);
    expect(() => unlockKeyFile(made.keyFile, { protector })).toThrow(
      `${made.keyFile} is sealed with a passphrase: give its passphrase`,
    );
    expect(() => unlockKeyFile(made.keyFile, { passphrase: 'not it at all' })).toThrow(
      WrongPassphraseError,
    );
  });

  it('still opens a file written before the protection field existed', () => {
    const made = passphraseKey(tempDir());
    rewrite(made.keyFile, (json) => {
      delete json.protection;
    });
    expect(unlockIdentity(made.keyFile, PASSPHRASE).kid).toBe(made.kid);
  });

  it('never writes over a file: the key or its public key file already there is a conflict', () => {
    const dir = tempDir();
    const made = passphraseKey(dir);
    expect(() => passphraseKey(dir)).toThrow(`${made.keyFile} already exists`);
    const fresh = join(dir, 'fresh-key.json');
    writeFileSync(publicKeyPathBeside(fresh), 'someone else’s');
    expect(() =>
      createIdentity({ name: '최지우', role: 'member' }, { passphrase: PASSPHRASE }, fresh),
    ).toThrow(/fresh-public-key\.json already exists; a key file is never overwritten/);
    expect(existsSync(fresh)).toBe(false);
  });

  it('writes the pair where chosen, the key 0600; a taken name is a typed refusal that touches nothing', () => {
    const dir = tempDir();
    const made = passphraseKey(dir);
    expect(readKeyFile(made.keyFile).kid).toBe(made.kid);
    expect(readPublicKeyFile(made.publicKeyFile).kid).toBe(made.kid);
    if (process.platform === 'win32')
      console.info('0600 not checked: Windows has no POSIX modes (the key file keeps its ACLs)');
    else expect(statSync(made.keyFile).mode & 0o777).toBe(0o600);

    const before = {
      key: readFileSync(made.keyFile, 'utf8'),
      pub: readFileSync(made.publicKeyFile, 'utf8'),
    };
    let refusal: unknown;
    try {
      passphraseKey(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ServiceError);
    expect(refusal).toMatchObject({ code: 'conflict', issues: [{ code: 'file_exists' }] });
    expect(readFileSync(made.keyFile, 'utf8')).toBe(before.key);
    expect(readFileSync(made.publicKeyFile, 'utf8')).toBe(before.pub);
    expect(readdirSync(dir).sort()).toEqual(['mine-public-key.json', 'mine.key.json']);
  });

  it('puts the public key file beside the key file under a readable name', () => {
    expect(publicKeyPathBeside('/k/박서연-key.json')).toBe('/k/박서연-public-key.json');
    expect(publicKeyPathBeside('/k/a.key.json')).toBe('/k/a-public-key.json');
    expect(publicKeyPathBeside('/k/mykey')).toBe('/k/mykey-public-key.json');
    expect(publicKeyPathBeside('/k/key.json')).toBe('/k/key-public-key.json');
  });
});

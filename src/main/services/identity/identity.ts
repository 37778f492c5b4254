import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { controlCharacterIn, controlCharacterMessage } from '../../../shared/domain/person-name';
import { PERSON_ROLES, type PersonRole } from '../../../shared/ipc/review-schemas';
import {
  KEY_PROTECTIONS,
  MIN_PASSPHRASE_LENGTH,
  type KeyProtectionKind,
} from '../../../shared/ipc/signing-schemas';
import { ServiceError } from '../errors';
import { refuseIfTaken, writeNewFile } from '../new-file';
import {
  keyIdentityOf,
  parsePublicJwk,
  publicJwkOf,
  type Ed25519PublicJwk,
  type KeyIdentity,
} from '../signing/keys';
import {
  DEFAULT_SCRYPT,
  openSealedKey,
  sealPrivateKey,
  type ScryptParams,
  type SealedPrivateKey,
} from './key-file';
import { openWithProtector, sealWithProtector, type KeyProtector } from './key-protector';

export const KEY_FILE_FORMAT = 'review-desk-key/1';
export const PUBLIC_KEY_FILE_FORMAT = 'review-desk-public-key/1';

export interface Profile {
  name: string;
  role: PersonRole;
}

/** What a key file holds besides the sealed private key: readable without the passphrase. */
export interface KeyFile extends Profile {
  format: typeof KEY_FILE_FORMAT;
  /** Files written before this field existed were all sealed with a passphrase. */
  protection: KeyProtectionKind;
  createdAt: string;
  jwk: Ed25519PublicJwk;
  kid: string;
  fingerprint: string;
  privateKey: SealedPrivateKey;
}

/** The file a person hands the secretary for the roster. */
export interface PublicKeyFile extends Profile, KeyIdentity {
  format: typeof PUBLIC_KEY_FILE_FORMAT;
}

export interface UnlockedIdentity extends Profile, KeyIdentity {
  privateKey: KeyObject;
}

export interface GeneratedIdentity extends Profile, KeyIdentity {
  keyFile: string;
  publicKeyFile: string;
}

export interface GenerateOptions {
  /** The folder for both files: the CLI's --out, or the demo's keys folder. */
  dir: string;
  scrypt?: ScryptParams;
  now?: () => Date;
}

/** How a new key is sealed: a passphrase (scrypt), or the OS keychain through a protector. */
export type NewKeyProtection =
  { passphrase: string; scrypt?: ScryptParams } | { protector: KeyProtector };

/** What opens a key file: the passphrase for one kind, the protector for the other. */
export interface UnlockSecrets {
  passphrase?: string;
  protector?: KeyProtector;
}

function checkProfile(profile: Profile): Profile {
  const name = profile.name?.trim();
  if (!name) throw new ServiceError('validation_failed', 'a key needs the name of its holder');
  const control = controlCharacterIn(name);
  if (control) throw new ServiceError('validation_failed', controlCharacterMessage(control));
  if (!PERSON_ROLES.includes(profile.role))
    throw new ServiceError('validation_failed', `role must be one of ${PERSON_ROLES.join(', ')}`);
  return { name, role: profile.role };
}

/** Keeps the file name portable: a Korean name stays, path and shell characters go. */
export function safeFileName(name: string): string {
  return name.trim().replace(/[\\/:*?"<>|\s.]+/g, '_') || 'key';
}

function fileStem(profile: Profile, fingerprint: string): string {
  return `${safeFileName(profile.name)}-${profile.role}-${fingerprint.replace(/-/g, '').slice(0, 8)}`;
}

export function publicKeyFileOf(profile: Profile, identity: KeyIdentity): PublicKeyFile {
  return { format: PUBLIC_KEY_FILE_FORMAT, ...profile, ...identity };
}

function sealNewIdentity(
  profile: Profile,
  protection: NewKeyProtection,
  now: () => Date = () => new Date(),
): KeyFile {
  const holder = checkProfile(profile);
  if ('passphrase' in protection && protection.passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new ServiceError(
      'validation_failed',
      `the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const identity = keyIdentityOf(publicJwkOf(publicKey));
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  return {
    format: KEY_FILE_FORMAT,
    protection: 'protector' in protection ? 'os-keychain' : 'passphrase',
    ...holder,
    createdAt: now().toISOString(),
    jwk: identity.jwk,
    kid: identity.kid,
    fingerprint: identity.fingerprint,
    privateKey:
      'protector' in protection
        ? sealWithProtector(pkcs8, protection.protector, identity.kid)
        : sealPrivateKey(
            pkcs8,
            protection.passphrase,
            identity.kid,
            protection.scrypt ?? DEFAULT_SCRYPT,
          ),
  };
}

const KEY_FILE_RULE = 'a key file is never overwritten';

function refuseExisting(paths: { keyFile: string; publicKeyFile: string }): void {
  for (const path of [paths.keyFile, paths.publicKeyFile]) refuseIfTaken(path, KEY_FILE_RULE);
}

/**
 * Writes the sealed key (0600 from its first byte on disk) and the public key file, durably.
 * Never overwrites: either file already there is a conflict naming it, and a half-written pair
 * is removed, so a key is never left without its public key file.
 */
function writeIdentityFiles(
  keyFile: KeyFile,
  paths: { keyFile: string; publicKeyFile: string },
): GeneratedIdentity {
  refuseExisting(paths);
  const [profile, identity] = splitProfile(keyFile);
  writeNewFile(paths.keyFile, `${JSON.stringify(keyFile, null, 2)}\n`, KEY_FILE_RULE, {
    mode: 0o600,
  });
  try {
    writeNewFile(
      paths.publicKeyFile,
      `${JSON.stringify(publicKeyFileOf(profile, identity), null, 2)}\n`,
      KEY_FILE_RULE,
    );
  } catch (error) {
    rmSync(paths.keyFile, { force: true });
    throw error;
  }
  return { ...profile, ...identity, ...paths };
}

/**
 * Makes an Ed25519 key pair on this machine and writes the sealed private key (0600) and the
 * public key file beside it, named after the holder, role and fingerprint.
 */
export function generateIdentity(
  profile: Profile,
  passphrase: string,
  options: GenerateOptions,
): GeneratedIdentity {
  const keyFile = sealNewIdentity(profile, { passphrase, scrypt: options.scrypt }, options.now);
  mkdirSync(options.dir, { recursive: true });
  const stem = join(options.dir, fileStem(keyFile, keyFile.fingerprint));
  return writeIdentityFiles(keyFile, {
    keyFile: `${stem}.key.json`,
    publicKeyFile: `${stem}.pub.json`,
  });
}

/** "박서연-key.json" -> "박서연-public-key.json": the file the holder hands the secretary. */
export function publicKeyPathBeside(keyFile: string): string {
  const stem = basename(keyFile)
    .replace(/\.json$/i, '')
    .replace(/[-.]key$/i, '');
  return join(dirname(keyFile), `${stem || 'key'}-public-key.json`);
}

/** The app's way: the key file where the person chose to save it, the public key beside it. */
export function createIdentity(
  profile: Profile,
  protection: NewKeyProtection,
  keyFile: string,
  options: { now?: () => Date } = {},
): GeneratedIdentity {
  const paths = { keyFile, publicKeyFile: publicKeyPathBeside(keyFile) };
  // Before the key is made: scrypt is slow, and a refusal should come at once.
  refuseExisting(paths);
  return writeIdentityFiles(sealNewIdentity(profile, protection, options.now), paths);
}

function readJson(file: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not JSON';
    throw new ServiceError('validation_failed', `${what} ${file}: ${reason}`);
  }
  if (typeof value !== 'object' || value === null)
    throw new ServiceError('validation_failed', `${what} ${file}: not a JSON object`);
  return value as Record<string, unknown>;
}

/** The stated kid and fingerprint must be the key's own: a file cannot claim another key's. */
function checkedIdentity(raw: Record<string, unknown>, file: string): Profile & KeyIdentity {
  const identity = keyIdentityOf(parsePublicJwk(raw['jwk'], `${file} "jwk"`));
  if (raw['kid'] !== identity.kid || raw['fingerprint'] !== identity.fingerprint)
    throw new ServiceError(
      'validation_failed',
      `${file}: kid or fingerprint is not that of its key`,
    );
  return { ...checkProfile(raw as unknown as Profile), ...identity };
}

/** Which protection the file says it has, and that its sealed part agrees. */
function protectionOf(raw: Record<string, unknown>, file: string): KeyProtectionKind {
  const stated = raw['protection'] ?? 'passphrase';
  if (!(KEY_PROTECTIONS as readonly unknown[]).includes(stated))
    throw new ServiceError(
      'validation_failed',
      `${file}: unknown key protection "${String(stated)}" (want ${KEY_PROTECTIONS.join(' or ')})`,
    );
  const kdf = (raw['privateKey'] as { kdf?: { name?: unknown } } | undefined)?.kdf?.name;
  const want = stated === 'os-keychain' ? 'os-keychain' : 'scrypt';
  if (kdf !== want)
    throw new ServiceError(
      'validation_failed',
      `${file}: the file says it is sealed by ${String(stated)}, but its private key is sealed by ${String(kdf ?? 'nothing')}`,
    );
  return stated as KeyProtectionKind;
}

export function readKeyFile(file: string): KeyFile {
  const raw = readJson(file, 'key file');
  if (raw['format'] !== KEY_FILE_FORMAT)
    throw new ServiceError('validation_failed', `${file} is not a ${KEY_FILE_FORMAT} key file`);
  const protection = protectionOf(raw, file);
  return { ...(raw as unknown as KeyFile), protection, ...checkedIdentity(raw, file) };
}

export function readPublicKeyFile(file: string): PublicKeyFile {
  const raw = readJson(file, 'public key file');
  if (raw['format'] !== PUBLIC_KEY_FILE_FORMAT)
    throw new ServiceError('validation_failed', `${file} is not a ${PUBLIC_KEY_FILE_FORMAT} file`);
  return publicKeyFileOf(...splitProfile(checkedIdentity(raw, file)));
}

function splitProfile(value: Profile & KeyIdentity): [Profile, KeyIdentity] {
  const { name, role, jwk, kid, fingerprint } = value;
  return [
    { name, role },
    { jwk, kid, fingerprint },
  ];
}

/**
 * Opens the private key of either kind of key file: a passphrase file with secrets.passphrase
 * (wrong: WrongPassphraseError), an OS keychain file with secrets.protector (none here:
 * KeychainUnavailableError; another machine's: KeychainMismatchError). A sealed part that does
 * not fit its file is KeyFileDamagedError (or, under a passphrase, indistinguishable from a
 * wrong one).
 */
export function unlockKeyFile(file: string, secrets: UnlockSecrets): UnlockedIdentity {
  const keyFile = readKeyFile(file);
  let der: Buffer;
  if (keyFile.protection === 'os-keychain') {
    der = openWithProtector(keyFile.privateKey, secrets.protector, keyFile.kid, file);
  } else {
    if (secrets.passphrase === undefined)
      throw new ServiceError(
        'validation_failed',
        `${file} is sealed with a passphrase: give its passphrase`,
      );
    der = openSealedKey(keyFile.privateKey, secrets.passphrase, keyFile.kid, file);
  }
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  // The sealed key must be the one the file names, or signatures would carry a wrong kid.
  if (publicJwkOf(privateKey).x !== keyFile.jwk.x)
    throw new ServiceError(
      'validation_failed',
      `${file}: the sealed key is not the file's public key`,
    );
  const [profile, identity] = splitProfile(keyFile);
  return { ...profile, ...identity, privateKey };
}

/** The CLI's way: a passphrase file only; an OS keychain file is refused with the reason. */
export function unlockIdentity(file: string, passphrase: string): UnlockedIdentity {
  return unlockKeyFile(file, { passphrase });
}

import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSON_ROLES, type PersonRole } from '../../../shared/ipc/review-schemas';
import { ServiceError } from '../errors';
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

export const KEY_FILE_FORMAT = 'review-desk-key/1';
export const PUBLIC_KEY_FILE_FORMAT = 'review-desk-public-key/1';
const MIN_PASSPHRASE_LENGTH = 8;

export interface Profile {
  name: string;
  role: PersonRole;
}

/** What a key file holds besides the sealed private key: readable without the passphrase. */
export interface KeyFile extends Profile {
  format: typeof KEY_FILE_FORMAT;
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
  /** The folder for both files: the app's userData/keys, or the CLI's --out. */
  dir: string;
  scrypt?: ScryptParams;
  now?: () => Date;
}

function checkProfile(profile: Profile): Profile {
  const name = profile.name?.trim();
  if (!name) throw new ServiceError('validation_failed', 'a key needs the name of its holder');
  if (!PERSON_ROLES.includes(profile.role))
    throw new ServiceError('validation_failed', `role must be one of ${PERSON_ROLES.join(', ')}`);
  return { name, role: profile.role };
}

/** Keeps the file name portable: a Korean name stays, path and shell characters go. */
function fileStem(profile: Profile, fingerprint: string): string {
  const safeName = profile.name.replace(/[\\/:*?"<>|\s.]+/g, '_');
  return `${safeName}-${profile.role}-${fingerprint.replace(/-/g, '').slice(0, 8)}`;
}

export function publicKeyFileOf(profile: Profile, identity: KeyIdentity): PublicKeyFile {
  return { format: PUBLIC_KEY_FILE_FORMAT, ...profile, ...identity };
}

/**
 * Makes an Ed25519 key pair on this machine and writes the sealed private key (0600) and the
 * public key file beside it. Never overwrites: an existing file with the same name is an error.
 */
export function generateIdentity(
  profile: Profile,
  passphrase: string,
  options: GenerateOptions,
): GeneratedIdentity {
  const holder = checkProfile(profile);
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new ServiceError(
      'validation_failed',
      `the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const identity = keyIdentityOf(publicJwkOf(publicKey));
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const keyFile: KeyFile = {
    format: KEY_FILE_FORMAT,
    ...holder,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    jwk: identity.jwk,
    kid: identity.kid,
    fingerprint: identity.fingerprint,
    privateKey: sealPrivateKey(pkcs8, passphrase, identity.kid, options.scrypt ?? DEFAULT_SCRYPT),
  };
  mkdirSync(options.dir, { recursive: true });
  const stem = join(options.dir, fileStem(holder, identity.fingerprint));
  const files = { keyFile: `${stem}.key.json`, publicKeyFile: `${stem}.pub.json` };
  writeFileSync(files.keyFile, `${JSON.stringify(keyFile, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  writeFileSync(
    files.publicKeyFile,
    `${JSON.stringify(publicKeyFileOf(holder, identity), null, 2)}\n`,
    { flag: 'wx' },
  );
  return { ...holder, ...identity, ...files };
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

export function readKeyFile(file: string): KeyFile {
  const raw = readJson(file, 'key file');
  if (raw['format'] !== KEY_FILE_FORMAT)
    throw new ServiceError('validation_failed', `${file} is not a ${KEY_FILE_FORMAT} key file`);
  return { ...(raw as unknown as KeyFile), ...checkedIdentity(raw, file) };
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

/** Opens the private key; a wrong passphrase throws WrongPassphraseError. */
export function unlockIdentity(file: string, passphrase: string): UnlockedIdentity {
  const keyFile = readKeyFile(file);
  const der = openSealedKey(keyFile.privateKey, passphrase, keyFile.kid, file);
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

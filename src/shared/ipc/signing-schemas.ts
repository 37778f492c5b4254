import { z } from 'zod';
import { PERSON_ROLES, personName } from './review-schemas';

/**
 * Schemas of keys, the roster and signed exports in the app: one entry per channel of the
 * "keys" and "roster" areas. A passphrase travels in a request only: no response carries one.
 */

export const MIN_PASSPHRASE_LENGTH = 8;
const MAX_PASSPHRASE_LENGTH = 1024;

/** How a private key is kept at rest: a passphrase (scrypt), or the OS keychain (safeStorage). */
export const KEY_PROTECTIONS = ['passphrase', 'os-keychain'] as const;
export type KeyProtectionKind = (typeof KEY_PROTECTIONS)[number];

const path = z.string().min(1).max(4096);
const role = z.enum(PERSON_ROLES);
const kid = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const fingerprint = z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const version = z.number().int().positive();

const newKeyProtection = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('passphrase'),
    passphrase: z
      .string()
      .min(
        MIN_PASSPHRASE_LENGTH,
        `the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters`,
      )
      .max(MAX_PASSPHRASE_LENGTH),
  }),
  z.strictObject({ kind: z.literal('os-keychain') }),
]);

/** What opens a key to sign with; the length rule applies when a key is made, not here. */
export const keyUnlock = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('passphrase'),
    passphrase: z.string().min(1).max(MAX_PASSPHRASE_LENGTH),
  }),
  z.strictObject({ kind: z.literal('os-keychain') }),
]);

export const createdKey = z.object({
  name: z.string(),
  role,
  kid,
  fingerprint,
  protection: z.enum(KEY_PROTECTIONS),
  keyFile: path,
  publicKeyFile: path,
});

/** A key or public key file as anyone may see it: never private material. */
export const keyInspection = z.object({
  path,
  file: z.enum(['key', 'public-key']),
  name: z.string(),
  role,
  kid,
  fingerprint,
  /** null for a public key file, which has nothing sealed. */
  protection: z.enum(KEY_PROTECTIONS).nullable(),
  createdAt: z.string().nullable(),
  /** The entry with this key on the workspace's latest roster, if any. */
  onRoster: z.object({ version, name: z.string(), role }).nullable(),
});

export const rosterMemberView = z.object({ name: z.string(), role, kid, fingerprint });

export const rosterView = z.object({
  version,
  council: z.string(),
  validFrom: z.string(),
  fingerprint,
  sha256,
  previousSha256: sha256.nullable(),
  importedAt: z.string(),
  importedBy: z.string(),
  signers: z.array(z.object({ name: z.string(), role: z.string() })),
  members: z.array(rosterMemberView),
});

export const rosterBuildRequest = z.strictObject({
  council: z.string().trim().min(1).max(200),
  validFrom: z.iso.date(),
  /** Public key files, each chosen through roster:chooseMembers. */
  memberFiles: z.array(path).max(500),
  /** Members of the current roster kept as they are, by kid: no need to find their files again. */
  keepFromCurrent: z.array(kid).max(500).default([]),
  /** The signing secretary's own key file, chosen through keys:inspect. */
  signingKey: path,
  unlock: keyUnlock,
});

export const signingContract = {
  'keys:capabilities': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({
      /** Whether this machine can seal a key with its OS keychain (desktop app only). */
      osKeychain: z.boolean(),
      minPassphraseLength: z.number().int().positive(),
    }),
  },
  /** Makes a key pair here; created is null when the save dialog was closed. */
  'keys:create': {
    lock: 'none',
    request: z.strictObject({ name: personName, role, protection: newKeyProtection }),
    response: z.object({ created: createdKey.nullable() }),
  },
  /** Opens a dialog for a key or public key file and shows who it names; key null: closed. */
  'keys:inspect': {
    lock: 'none',
    request: z.strictObject({ kind: z.enum(['key-file', 'public-key-file']) }),
    response: z.object({ key: keyInspection.nullable() }),
  },
  'roster:current': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ roster: rosterView.nullable() }),
  },
  /** Opens a dialog for a roster file and imports it; a roster that does not verify is refused. */
  'roster:import': {
    lock: 'write',
    request: z.undefined(),
    response: z.object({
      imported: z.object({ path, version, fingerprint, alreadyImported: z.boolean() }).nullable(),
    }),
  },
  /** Opens a dialog for members' public key files (several at once) and reads each. */
  'roster:chooseMembers': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({
      members: z.array(rosterMemberView.extend({ path })),
    }),
  },
  /** Secretary: the next roster version, signed, saved where chosen and imported. */
  'roster:build': {
    lock: 'write',
    paths: ['memberFiles[]', 'signingKey'],
    request: rosterBuildRequest,
    response: z.object({
      built: z
        .object({ path, version, fingerprint, members: z.number().int().positive() })
        .nullable(),
    }),
  },
} as const;

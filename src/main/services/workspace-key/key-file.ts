import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { ServiceError } from '../errors';
import { DEFAULT_SCRYPT, type ScryptParams } from '../identity';
import { stretch } from '../identity/key-file';
import type { KeyProtector } from '../identity';
import { syncFolder, writeNewFile } from '../new-file';
import { dirname } from 'node:path';
import { normalizeRecoveryCode } from './recovery-code';
import { WORKSPACE_KEY_BYTES, type WorkspaceKey } from './workspace-key';

/**
 * The workspace key at rest, beside the database (`review-desk.db.keys.json`): the same key
 * sealed (AES-256-GCM) several times, once per way of opening it. Every parameter is written
 * in, so a later build with other defaults still opens it. The authenticated data binds each
 * seal to this workspace's id and to how it is opened, so a seal pasted from another
 * workspace's file fails as a wrong passphrase would. The file holds no personal data and
 * nothing that opens without a secret: copying it with the database gives nothing away.
 */
const sealed = z.object({ iv: z.string(), tag: z.string(), ciphertext: z.string() });
const scryptKdf = z.object({
  name: z.literal('scrypt'),
  salt: z.string(),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
});
const wrap = z.discriminatedUnion('by', [
  z.object({ by: z.literal('passphrase'), kdf: scryptKdf, sealed }),
  z.object({
    by: z.literal('recovery-code'),
    kdf: z.object({ name: z.literal('hkdf-sha256'), salt: z.string() }),
    sealed,
  }),
  z.object({
    by: z.literal('os-keychain'),
    /** base64url of the random AES key as the keychain sealed it. */
    kdf: z.object({ name: z.literal('os-keychain'), wrappedKey: z.string() }),
    sealed,
  }),
]);
const keyFile = z.object({
  format: z.literal('review-desk workspace key'),
  version: z.literal(1),
  workspaceId: z.string().uuid(),
  createdAt: z.string(),
  database: z.object({ cipher: z.literal('chacha20') }),
  wraps: z.array(wrap).min(1),
});

export type WorkspaceKeyFile = z.infer<typeof keyFile>;
export type KeyWrap = z.infer<typeof wrap>;
export type UnlockMeans = KeyWrap['by'];

export const KEY_FILE_SUFFIX = '.keys.json';

export function keyFilePathFor(databaseFile: string): string {
  return `${databaseFile}${KEY_FILE_SUFFIX}`;
}

export class KeyFileUnreadableError extends ServiceError {
  constructor(file: string, why: string) {
    super('validation_failed', `the workspace key file ${file} cannot be used: ${why}`, [
      { path: 'keyFile', code: 'key_file_unreadable', message: why },
    ]);
    this.name = 'KeyFileUnreadableError';
  }
}

export function readKeyFile(file: string): WorkspaceKeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KeyFileUnreadableError(file, (error as Error).message);
  }
  return parseKeyFile(raw, file);
}

/** Checks parsed JSON is a key file; `file` names where it came from in the refusal. */
export function parseKeyFile(raw: unknown, file: string): WorkspaceKeyFile {
  const parsed = keyFile.safeParse(raw);
  if (!parsed.success)
    throw new KeyFileUnreadableError(
      file,
      `not a workspace key file (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
    );
  return parsed.data;
}

/** Writes a new key file; never over an existing one (that would orphan a database). */
export function writeNewKeyFile(file: string, contents: WorkspaceKeyFile): void {
  writeNewFile(
    file,
    `${JSON.stringify(contents, null, 2)}\n`,
    'a workspace key file is never overwritten',
    {
      mode: 0o600,
    },
  );
}

/**
 * Replaces the key file with one holding more (or other) wraps of the same key: written whole
 * beside it and renamed over it, so a crash leaves the old file or the new one, both working.
 */
export function replaceKeyFile(file: string, contents: WorkspaceKeyFile): void {
  const temp = `${file}.${randomBytes(6).toString('hex')}.partial`;
  try {
    writeFileSync(temp, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600, flush: true });
    renameSync(temp, file);
    syncFolder(dirname(file));
  } finally {
    rmSync(temp, { force: true });
  }
}

export function newKeyFile(now: Date): WorkspaceKeyFile {
  return {
    format: 'review-desk workspace key',
    version: 1,
    workspaceId: randomUUID(),
    createdAt: now.toISOString(),
    database: { cipher: 'chacha20' },
    wraps: [],
  };
}

function associatedData(workspaceId: string, by: UnlockMeans, kdf: unknown): Buffer {
  return Buffer.from(canonicalJson({ workspaceId, by, kdf }), 'utf8');
}

function seal(key: WorkspaceKey, wrappingKey: Buffer, aad: Buffer) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
  };
}

/** The key, or null when the wrapping key (or anything bound in) does not fit. */
function open(wrapped: KeyWrap, wrappingKey: Buffer, workspaceId: string): WorkspaceKey | null {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      wrappingKey,
      Buffer.from(wrapped.sealed.iv, 'base64url'),
    );
    decipher.setAAD(associatedData(workspaceId, wrapped.by, wrapped.kdf));
    decipher.setAuthTag(Buffer.from(wrapped.sealed.tag, 'base64url'));
    const key = Buffer.concat([
      decipher.update(Buffer.from(wrapped.sealed.ciphertext, 'base64url')),
      decipher.final(),
    ]);
    return key.length === WORKSPACE_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

export function wrapByPassphrase(
  key: WorkspaceKey,
  workspaceId: string,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): KeyWrap {
  const salt = randomBytes(16);
  const kdf = { name: 'scrypt' as const, salt: salt.toString('base64url'), ...params };
  const aad = associatedData(workspaceId, 'passphrase', kdf);
  return { by: 'passphrase', kdf, sealed: seal(key, stretch(passphrase, salt, params), aad) };
}

export function openByPassphrase(
  wrapped: Extract<KeyWrap, { by: 'passphrase' }>,
  workspaceId: string,
  passphrase: string,
): WorkspaceKey | null {
  const { salt, N, r, p } = wrapped.kdf;
  return open(
    wrapped,
    stretch(passphrase, Buffer.from(salt, 'base64url'), { N, r, p }),
    workspaceId,
  );
}

function recoveryWrappingKey(code: string, salt: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', normalizeRecoveryCode(code), salt, 'review-desk recovery code', 32),
  );
}

export function wrapByRecoveryCode(key: WorkspaceKey, workspaceId: string, code: string): KeyWrap {
  const salt = randomBytes(16);
  const kdf = { name: 'hkdf-sha256' as const, salt: salt.toString('base64url') };
  const aad = associatedData(workspaceId, 'recovery-code', kdf);
  return { by: 'recovery-code', kdf, sealed: seal(key, recoveryWrappingKey(code, salt), aad) };
}

export function openByRecoveryCode(
  wrapped: Extract<KeyWrap, { by: 'recovery-code' }>,
  workspaceId: string,
  code: string,
): WorkspaceKey | null {
  return open(
    wrapped,
    recoveryWrappingKey(code, Buffer.from(wrapped.kdf.salt, 'base64url')),
    workspaceId,
  );
}

/**
 * The keychain seals a random AES key (safeStorage cannot bind extra data), and that key seals
 * the workspace key with the workspace id bound in.
 */
export function wrapByKeychain(
  key: WorkspaceKey,
  workspaceId: string,
  protector: KeyProtector,
): KeyWrap {
  const wrappingKey = randomBytes(32);
  const kdf = {
    name: 'os-keychain' as const,
    wrappedKey: protector.encrypt(wrappingKey).toString('base64url'),
  };
  const aad = associatedData(workspaceId, 'os-keychain', kdf);
  return { by: 'os-keychain', kdf, sealed: seal(key, wrappingKey, aad) };
}

/** Null when this keychain did not seal it (another machine or account) or it was altered. */
export function openByKeychain(
  wrapped: Extract<KeyWrap, { by: 'os-keychain' }>,
  workspaceId: string,
  protector: KeyProtector,
): WorkspaceKey | null {
  let wrappingKey: Buffer;
  try {
    wrappingKey = protector.decrypt(Buffer.from(wrapped.kdf.wrappedKey, 'base64url'));
  } catch {
    return null;
  }
  return wrappingKey.length === 32 ? open(wrapped, wrappingKey, workspaceId) : null;
}

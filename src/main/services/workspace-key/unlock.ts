import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { ServiceError } from '../errors';
import type { KeyProtector, ScryptParams } from '../identity';
import {
  keyFilePathFor,
  newKeyFile,
  openByKeychain,
  openByPassphrase,
  openByRecoveryCode,
  readKeyFile,
  replaceKeyFile,
  wrapByKeychain,
  wrapByPassphrase,
  wrapByRecoveryCode,
  writeNewKeyFile,
  type KeyWrap,
  type UnlockMeans,
  type WorkspaceKeyFile,
} from './key-file';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { newWorkspaceKey, type WorkspaceKey } from './workspace-key';

/** How a person opens the workspace: what they typed, or this machine's keychain. */
export type Unlock =
  { passphrase: string } | { recoveryCode: string } | { keychain: KeyProtector | undefined };

export interface UnlockedKey {
  key: WorkspaceKey;
  means: UnlockMeans;
  keyFile: WorkspaceKeyFile;
}

function refusal(code: string, path: string, message: string): ServiceError {
  return new ServiceError('forbidden', message, [{ path, code, message }]);
}

export const MIN_PASSPHRASE_LENGTH = 8;

function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    const message = `a workspace passphrase has at least ${MIN_PASSPHRASE_LENGTH} characters`;
    throw new ServiceError('validation_failed', message, [
      { path: 'passphrase', code: 'passphrase_too_short', message },
    ]);
  }
}

/**
 * Makes the key of a new workspace and its key file: sealed by the passphrase, by a new
 * recovery code (returned here, and nowhere else, ever) and, where one is given, by the OS
 * keychain. Refuses when a key file is already there.
 */
export function createWorkspaceKey(
  databaseFile: string,
  options: { passphrase: string; protector?: KeyProtector; scrypt?: ScryptParams; now: Date },
): UnlockedKey & { recoveryCode: string } {
  checkNewPassphrase(options.passphrase);
  const key = newWorkspaceKey();
  const recoveryCode = newRecoveryCode();
  const file = newKeyFile(options.now);
  file.wraps.push(
    wrapByPassphrase(key, file.workspaceId, options.passphrase, options.scrypt),
    wrapByRecoveryCode(key, file.workspaceId, recoveryCode),
  );
  if (options.protector) file.wraps.push(wrapByKeychain(key, file.workspaceId, options.protector));
  writeNewKeyFile(keyFilePathFor(databaseFile), file);
  return { key, means: 'passphrase', keyFile: file, recoveryCode };
}

export type WorkspaceState = 'none' | 'encrypted' | 'plain' | 'key-file-missing';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is at a database path: nothing yet, an encrypted workspace (its key file beside it), a
 * workspace from before encryption (a plain SQLite file), or an encrypted file whose key file
 * is gone.
 */
export function workspaceStateOf(databaseFile: string): WorkspaceState {
  const hasKeyFile = existsSync(keyFilePathFor(databaseFile));
  if (!existsSync(databaseFile)) return hasKeyFile ? 'encrypted' : 'none';
  if (hasKeyFile) return 'encrypted';
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(databaseFile, 'r');
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    // A file SQLite made but never wrote to is empty: nothing in it to protect.
    if (read === 0) return 'none';
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_HEADER) ? 'plain' : 'key-file-missing';
}

function wrapsBy<M extends UnlockMeans>(file: WorkspaceKeyFile, by: M) {
  return file.wraps.filter((w): w is Extract<KeyWrap, { by: M }> => w.by === by);
}

/** Opens the workspace key with one means; every refusal says what failed and what to try. */
export function unlockWorkspaceKey(databaseFile: string, unlock: Unlock): UnlockedKey {
  const path = keyFilePathFor(databaseFile);
  if (!existsSync(path)) throw keyFileMissing(databaseFile);
  return openKeyFile(readKeyFile(path), unlock, `the workspace ${databaseFile}`);
}

/**
 * Opens a key file's contents (beside a database, or inside a backup) with one means; `what`
 * names it in the refusals ("the workspace …", "the backup …").
 */
export function openKeyFile(file: WorkspaceKeyFile, unlock: Unlock, what: string): UnlockedKey {
  const id = file.workspaceId;
  if ('passphrase' in unlock) {
    for (const wrapped of wrapsBy(file, 'passphrase')) {
      const key = openByPassphrase(wrapped, id, unlock.passphrase);
      if (key) return { key, means: 'passphrase', keyFile: file };
    }
    throw refusal(
      'wrong_passphrase',
      'passphrase',
      `this passphrase does not open ${what}: type it again, or open it with the recovery code`,
    );
  }
  if ('recoveryCode' in unlock) {
    const code = normalizeRecoveryCode(unlock.recoveryCode);
    for (const wrapped of wrapsBy(file, 'recovery-code')) {
      const key = openByRecoveryCode(wrapped, id, code);
      if (key) return { key, means: 'recovery-code', keyFile: file };
    }
    throw refusal(
      'wrong_recovery_code',
      'recoveryCode',
      `this recovery code does not open ${what}: check it against the printed code`,
    );
  }
  const wraps = wrapsBy(file, 'os-keychain');
  if (unlock.keychain && wraps.length > 0)
    for (const wrapped of wraps) {
      const key = openByKeychain(wrapped, id, unlock.keychain);
      if (key) return { key, means: 'os-keychain', keyFile: file };
    }
  throw refusal(
    'keychain_unavailable',
    'keychain',
    unlock.keychain
      ? `this computer's keychain does not hold the key of ${what} (it was sealed on another computer or account, or never here): open it with the passphrase or the recovery code`
      : `there is no OS keychain to open ${what} with here: open it with the passphrase or the recovery code`,
  );
}

function keyFileMissing(databaseFile: string): ServiceError {
  const message = `the key file ${keyFilePathFor(databaseFile)} of the encrypted workspace ${databaseFile} is missing: put it back from where the workspace was copied, or restore the workspace from a backup`;
  return new ServiceError('not_found', message, [
    { path: 'keyFile', code: 'key_file_missing', message },
  ]);
}

/** Seals the key by this machine's keychain too (once), so the app opens without asking. */
export function addKeychainWrap(
  databaseFile: string,
  unlocked: UnlockedKey,
  protector: KeyProtector,
): void {
  const file = unlocked.keyFile;
  const others = file.wraps.filter((w) => w.by !== 'os-keychain');
  const mine = wrapsBy(file, 'os-keychain').filter((w) =>
    openByKeychain(w, file.workspaceId, protector),
  );
  if (mine.length > 0) return;
  const next = {
    ...file,
    wraps: [
      ...others,
      ...wrapsBy(file, 'os-keychain'),
      wrapByKeychain(unlocked.key, file.workspaceId, protector),
    ],
  };
  replaceKeyFile(keyFilePathFor(databaseFile), next);
  unlocked.keyFile = next;
}

/**
 * A new passphrase (after opening with the recovery code, say): the passphrase seal is
 * replaced; the recovery code and keychain seals stay.
 */
export function changeWorkspacePassphrase(
  databaseFile: string,
  unlocked: UnlockedKey,
  passphrase: string,
  scrypt?: ScryptParams,
): void {
  checkNewPassphrase(passphrase);
  const file = unlocked.keyFile;
  const next = {
    ...file,
    wraps: [
      wrapByPassphrase(unlocked.key, file.workspaceId, passphrase, scrypt),
      ...file.wraps.filter((w) => w.by !== 'passphrase'),
    ],
  };
  replaceKeyFile(keyFilePathFor(databaseFile), next);
  unlocked.keyFile = next;
}

export { normalizeRecoveryCode };

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stopBackgroundCheckpoints } from '../db/background-checkpoint';
import type { ServiceContext } from './context';
import { finishInterruptedConversion } from './convert-plain-workspace';
import { ServiceError } from './errors';
import type { KeyProtector, ScryptParams } from './identity';
import { DATABASE_FILE_NAME, openWorkspace, type OpenWorkspaceOptions } from './open-workspace';
import {
  addKeychainWrap,
  createWorkspaceKey,
  forgetKey,
  unlockWorkspaceKey,
  workspaceStateOf,
  type Unlock,
  type UnlockedKey,
  type UnlockMeans,
} from './workspace-key';

/**
 * How a person gets at a workspace: make one (a new key, sealed three ways, and its recovery
 * code shown once), or unlock one with what they know. The low-level openWorkspace takes the
 * key itself; only this file turns secrets into it.
 */
type Options = Omit<OpenWorkspaceOptions, 'key'> & { scrypt?: ScryptParams };

function databaseFile(dataDir: string, options: Options): string {
  return join(dataDir, options.fileName ?? DATABASE_FILE_NAME);
}

/** Makes a new encrypted workspace; refuses where one (encrypted or plain) already is. */
export function createWorkspace(
  dataDir: string,
  options: Options & { passphrase: string; protector?: KeyProtector },
): { ctx: ServiceContext; recoveryCode: string; unlocked: UnlockedKey } {
  mkdirSync(dataDir, { recursive: true });
  const file = databaseFile(dataDir, options);
  if (workspaceStateOf(file) !== 'none')
    throw new ServiceError('conflict', `there is already a workspace at ${file}`);
  // The key file's time is the computer's, not the workspace clock's (a test's or the demo's
  // story clock would lose a tick that its audit entries expect).
  const created = createWorkspaceKey(file, {
    passphrase: options.passphrase,
    protector: options.protector,
    scrypt: options.scrypt,
    now: new Date(),
  });
  const ctx = openWorkspace(dataDir, { ...options, key: created.key });
  return { ctx, recoveryCode: created.recoveryCode, unlocked: created };
}

/**
 * Opens an existing encrypted workspace with a passphrase, the recovery code or this machine's
 * keychain. Opened another way than the keychain, on a machine whose keychain is real, the key
 * is sealed by the keychain too, so the next start needs no typing.
 */
export function unlockWorkspace(
  dataDir: string,
  unlock: Unlock,
  options: Options & { protector?: KeyProtector } = {},
): ServiceContext & { unlockedBy: UnlockMeans } {
  const file = databaseFile(dataDir, options);
  finishInterruptedConversion(file);
  const state = workspaceStateOf(file);
  if (state === 'none') throw new ServiceError('not_found', `there is no workspace at ${file}`);
  if (state === 'plain')
    throw new ServiceError(
      'conflict',
      `${file} is a workspace from before encryption: it is encrypted (after a backup) when first opened with a new passphrase`,
      [{ path: 'workspace', code: 'plain_workspace', message: 'workspace from before encryption' }],
    );
  const unlocked = unlockWorkspaceKey(file, unlock);
  if (options.protector && unlocked.means !== 'os-keychain')
    addKeychainWrap(file, unlocked, options.protector);
  try {
    return {
      ...openWorkspace(dataDir, { ...options, key: unlocked.key }),
      unlockedBy: unlocked.means,
    };
  } catch (error) {
    forgetKey(unlocked.key);
    throw error;
  }
}

/**
 * Closes the database and overwrites the key in memory: what locking does. A checkpoint still
 * running on a worker holds a copy of the key, so it is stopped too (the WAL it leaves is
 * copied at the next open).
 */
export function lockWorkspace(ctx: ServiceContext): void {
  try {
    void stopBackgroundCheckpoints(ctx.db.name);
    ctx.db.close();
  } finally {
    forgetKey(ctx.workspaceKey);
  }
}

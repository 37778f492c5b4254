import { join } from 'node:path';
import { UNIDENTIFIED_OPERATOR } from '../../../shared/domain/acts';
import type { RestoreReport } from '../../../shared/ipc/backup-schemas';
import type { LockReason, VaultStatus } from '../../../shared/ipc/vault-schemas';
import { DatabaseTooNewError } from '../../db/errors';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { KeyProtector, ScryptParams } from '../identity';
import { DATABASE_FILE_NAME } from '../open-workspace';
import { readWorkspaceSettings, updateWorkspaceSettings } from '../workspace-settings';
import { createWorkspace, lockWorkspace, unlockWorkspace } from '../unlock-workspace';
import { forgetKey, workspaceStateOf, type Unlock, type UnlockMeans } from '../workspace-key';
import { restoreBackup } from '../backup/restore-backup';
import { convertPlainWorkspace, finishInterruptedConversion } from '../convert-plain-workspace';
import type { OnBackupProgress } from '../backup/write-backup';

export interface SessionOptions {
  dataDir: string;
  nativeBinding?: string;
  /** This machine's keychain (Electron's safeStorage), or undefined where there is none. */
  keyProtector: () => KeyProtector | undefined;
  now?: () => Date;
  /** The passphrase's scrypt cost for a new workspace (tests lower it); the default otherwise. */
  scrypt?: ScryptParams;
  /** Called when the workspace locked (for any reason), after the key is gone. */
  onLocked?: (reason: LockReason) => void;
}

/** Minutes without input before the workspace locks, unless the person chose otherwise. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

/** How long after a recovery code is shown the idle lock waits (see recoveryCodeRecentlyShown). */
export const RECOVERY_CODE_GRACE_MS = 30 * 60 * 1000;

/**
 * The app's one workspace, open or locked. `ctx` is the same object for the whole run (the
 * IPC handlers hold it): opening fills in its database and key, locking closes the database,
 * overwrites the key and forgets who was acting. While locked the router answers only the
 * vault's channels, so no service ever sees a closed database.
 */
export class WorkspaceSession {
  readonly ctx: ServiceContext;
  #open = false;
  #unlockedBy: UnlockMeans | null = null;
  #lockedBecause: LockReason | null = null;
  #recoveryCodeShownAt: number | null = null;
  readonly #options: SessionOptions;
  readonly #databaseFile: string;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
    this.ctx = {
      dataDir: options.dataDir,
      now: options.now ?? (() => new Date()),
      actor: UNIDENTIFIED_OPERATOR,
      acting: null,
      nativeBinding: options.nativeBinding,
    } as ServiceContext;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  status(): VaultStatus {
    finishInterruptedConversion(this.#databaseFile);
    const state = this.#open ? 'open' : workspaceStateOf(this.#databaseFile);
    return {
      state: state === 'encrypted' ? 'locked' : state,
      dataDir: this.#options.dataDir,
      keychainAvailable: this.#options.keyProtector() !== undefined,
      unlockedBy: this.#unlockedBy,
      lockedBecause: this.#open ? null : this.#lockedBecause,
      idleLockMinutes: this.idleLockMinutes,
    };
  }

  /**
   * Whether the idle lock should wait: a recovery code was shown in the last half hour. It is
   * shown once and copied by hand, and a person copying it does not touch the computer; the
   * idle lock would take it off the screen for good. (The OS locking or sleeping still locks.)
   */
  recoveryCodeRecentlyShown(now = Date.now()): boolean {
    return (
      this.#recoveryCodeShownAt !== null && now - this.#recoveryCodeShownAt < RECOVERY_CODE_GRACE_MS
    );
  }

  get databaseFile(): string {
    return this.#databaseFile;
  }

  get idleLockMinutes(): number {
    const { idleLockMinutes } = readWorkspaceSettings(this.#databaseFile);
    return Number.isSafeInteger(idleLockMinutes) ? idleLockMinutes! : DEFAULT_IDLE_LOCK_MINUTES;
  }

  setIdleLockMinutes(minutes: number): void {
    updateWorkspaceSettings(this.#databaseFile, { idleLockMinutes: minutes });
  }

  /** Makes the workspace (first start); the recovery code is returned this once. */
  create(passphrase: string): string {
    const made = opening(() =>
      createWorkspace(this.#options.dataDir, {
        passphrase,
        protector: this.#options.keyProtector(),
        scrypt: this.#options.scrypt,
        now: this.ctx.now,
        nativeBinding: this.#options.nativeBinding,
      }),
    );
    this.#opened(made.ctx, 'passphrase');
    this.#recoveryCodeShownAt = Date.now();
    return made.recoveryCode;
  }

  /** Converts a workspace from before encryption; its recovery code is returned this once. */
  async convert(passphrase: string): Promise<{ recoveryCode: string; backupFile: string }> {
    const converted = await convertPlainWorkspace(this.#options.dataDir, {
      passphrase,
      protector: this.#options.keyProtector(),
      scrypt: this.#options.scrypt,
      nativeBinding: this.#options.nativeBinding,
      now: this.ctx.now,
    });
    this.#opened(converted.ctx, 'passphrase');
    this.#recoveryCodeShownAt = Date.now();
    return { recoveryCode: converted.recoveryCode, backupFile: converted.backupFile };
  }

  unlock(unlock: Unlock): void {
    if (this.#open) return;
    const opened = opening(() =>
      unlockWorkspace(this.#options.dataDir, unlock, {
        protector: this.#options.keyProtector(),
        now: this.ctx.now,
        nativeBinding: this.#options.nativeBinding,
      }),
    );
    this.#opened(opened, opened.unlockedBy);
  }

  /**
   * Restores a backup where this computer has no workspace yet (a new laptop, or after a loss),
   * then opens it with the same code or passphrase (sealing it by the keychain here too).
   */
  async restore(
    file: string,
    unlock: { recoveryCode: string } | { passphrase: string },
    onProgress?: OnBackupProgress,
  ): Promise<RestoreReport> {
    if (this.#open || workspaceStateOf(this.#databaseFile) !== 'none')
      throw new ServiceError(
        'conflict',
        `there is already a workspace in ${this.#options.dataDir}: a backup is restored only where there is none`,
        [
          {
            path: 'workspace',
            code: 'workspace_not_empty',
            message: 'a workspace is already here',
          },
        ],
      );
    const { report, key } = await restoreBackup(file, this.#options.dataDir, unlock, {
      nativeBinding: this.#options.nativeBinding,
      onProgress,
    });
    forgetKey(key);
    this.unlock(unlock);
    return report;
  }

  /**
   * At start, where the keychain is real and holds this workspace's key: open without asking.
   * Any failure just leaves the workspace locked for the person to open another way.
   */
  tryKeychain(): boolean {
    const keychain = this.#options.keyProtector();
    if (!keychain || this.status().state !== 'locked') return false;
    try {
      this.unlock({ keychain });
      return true;
    } catch {
      return false;
    }
  }

  lock(reason: LockReason): void {
    if (!this.#open) return;
    this.#open = false;
    this.#unlockedBy = null;
    this.#lockedBecause = reason;
    try {
      lockWorkspace(this.ctx);
    } finally {
      this.ctx.acting = null;
      this.ctx.actor = UNIDENTIFIED_OPERATOR;
      this.#options.onLocked?.(reason);
    }
  }

  #opened(opened: ServiceContext, means: UnlockMeans): void {
    this.ctx.db = opened.db;
    this.ctx.workspaceKey = opened.workspaceKey;
    this.ctx.acting = null;
    this.ctx.actor = UNIDENTIFIED_OPERATOR;
    this.#open = true;
    this.#unlockedBy = means;
    this.#lockedBecause = null;
  }
}

/**
 * The database opens only once the key is had, so what used to stop the app at start (a
 * database from a newer version, one another program holds) now answers the unlock, worded
 * for the person at the unlock screen.
 */
function opening<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (error instanceof DatabaseTooNewError)
      throw new ServiceError('conflict', error.message, [
        { path: 'workspace', code: 'database_too_new', message: error.message },
      ]);
    if (/^SQLITE_(BUSY|LOCKED)(_|$)/.test(String((error as { code?: unknown }).code ?? ''))) {
      const message =
        'Another program is using the workspace database, so it could not be opened (a running review-desk command, Review Desk under another user account, a backup or sync tool): try again once it has finished';
      throw new ServiceError('conflict', message, [
        { path: 'workspace', code: 'database_busy', message },
      ]);
    }
    throw error;
  }
}

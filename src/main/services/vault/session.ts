import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNIDENTIFIED_OPERATOR } from '../../../shared/domain/acts';
import type { LockReason, VaultStatus } from '../../../shared/ipc/vault-schemas';
import { DatabaseTooNewError } from '../../db/errors';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { KeyProtector } from '../identity';
import { DATABASE_FILE_NAME } from '../open-workspace';
import { createWorkspace, lockWorkspace, unlockWorkspace } from '../unlock-workspace';
import { workspaceStateOf, type Unlock, type UnlockMeans } from '../workspace-key';

export interface SessionOptions {
  dataDir: string;
  nativeBinding?: string;
  /** This machine's keychain (Electron's safeStorage), or undefined where there is none. */
  keyProtector: () => KeyProtector | undefined;
  now?: () => Date;
  /** Called when the workspace locked (for any reason), after the key is gone. */
  onLocked?: (reason: LockReason) => void;
}

/** Minutes without input before the workspace locks, unless the person chose otherwise. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

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
  readonly #options: SessionOptions;
  readonly #settingsFile: string;
  readonly #databaseFile: string;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
    // Not personal data, and needed before the database opens: a small plain file beside it.
    this.#settingsFile = `${this.#databaseFile}.lock-settings.json`;
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

  get idleLockMinutes(): number {
    try {
      const saved = JSON.parse(readFileSync(this.#settingsFile, 'utf8')) as {
        idleLockMinutes?: unknown;
      };
      if (Number.isSafeInteger(saved.idleLockMinutes)) return saved.idleLockMinutes as number;
    } catch {
      // Never saved: the default.
    }
    return DEFAULT_IDLE_LOCK_MINUTES;
  }

  setIdleLockMinutes(minutes: number): void {
    writeFileSync(this.#settingsFile, `${JSON.stringify({ idleLockMinutes: minutes })}\n`);
  }

  /** Makes the workspace (first start); the recovery code is returned this once. */
  create(passphrase: string): string {
    const made = opening(() =>
      createWorkspace(this.#options.dataDir, {
        passphrase,
        protector: this.#options.keyProtector(),
        now: this.ctx.now,
        nativeBinding: this.#options.nativeBinding,
      }),
    );
    this.#opened(made.ctx, 'passphrase');
    return made.recoveryCode;
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

import { z } from 'zod';

/**
 * The vault area: the workspace's encryption at rest as the person meets it. The workspace is
 * locked until someone opens it (made with a passphrase the first time; then by this computer's
 * keychain where it is real, the passphrase, or the recovery code); it locks again on request,
 * after the idle time, and when the computer locks or sleeps. These channels alone answer while
 * the workspace is locked (`whileLocked`); the router refuses every other one with `locked`.
 */
export const MIN_WORKSPACE_PASSPHRASE_LENGTH = 8;

export const vaultState = z.enum(['none', 'locked', 'open', 'plain', 'key-file-missing']);
export type VaultState = z.infer<typeof vaultState>;

export const unlockMeans = z.enum(['passphrase', 'recovery-code', 'os-keychain']);
export type UnlockMeans = z.infer<typeof unlockMeans>;

export const lockReason = z.enum(['person', 'idle', 'os-lock', 'suspend']);
export type LockReason = z.infer<typeof lockReason>;

export const vaultStatus = z.object({
  state: vaultState,
  /** The workspace folder, so the person knows which workspace asks. */
  dataDir: z.string(),
  /** This computer has a real keychain: the workspace opens without typing at start. */
  keychainAvailable: z.boolean(),
  /** How the open workspace was opened; null while locked. */
  unlockedBy: unlockMeans.nullable(),
  /** Why it last locked, while locked after having been open in this run. */
  lockedBecause: lockReason.nullable(),
  /** Minutes without input before it locks; 0 never. */
  idleLockMinutes: z.number().int(),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

const passphrase = z.string().min(1).max(1024);

export const vaultContract = {
  'vault:status': {
    lock: 'none',
    whileLocked: true,
    request: z.undefined(),
    response: vaultStatus,
  },
  'vault:create': {
    lock: 'none',
    whileLocked: true,
    request: z.object({ passphrase: passphrase.min(MIN_WORKSPACE_PASSPHRASE_LENGTH) }),
    /** The recovery code, this once and never again. */
    response: z.object({ recoveryCode: z.string(), status: vaultStatus }),
  },
  'vault:unlock': {
    lock: 'none',
    whileLocked: true,
    request: z.discriminatedUnion('means', [
      z.object({ means: z.literal('passphrase'), passphrase }),
      z.object({ means: z.literal('recovery-code'), recoveryCode: z.string().min(1).max(200) }),
      z.object({ means: z.literal('os-keychain') }),
    ]),
    response: vaultStatus,
  },
  /**
   * A workspace from before encryption (state `plain`), converted: encrypted under a new key
   * sealed by this passphrase, after a backup of it is written into the workspace folder.
   */
  'vault:convert': {
    lock: 'none',
    whileLocked: true,
    request: z.object({ passphrase: passphrase.min(MIN_WORKSPACE_PASSPHRASE_LENGTH) }),
    response: z.object({ recoveryCode: z.string(), backupFile: z.string(), status: vaultStatus }),
  },
  'vault:lock': {
    lock: 'none',
    whileLocked: true,
    request: z.undefined(),
    response: vaultStatus,
  },
  'vault:setIdleLock': {
    lock: 'none',
    request: z.object({
      minutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
    }),
    response: vaultStatus,
  },
} as const;

/** Pushed when the workspace locks by itself (idle, the computer locking or sleeping). */
export const vaultLocked = z.object({ reason: lockReason });

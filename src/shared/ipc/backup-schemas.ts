import { z } from 'zod';

/**
 * The backup area: one encrypted file holding a consistent copy of the workspace (database,
 * evidence, a manifest of hashes), made by hand (Settings, the File menu) or automatically into
 * a chosen folder (when the app closes, and daily, keeping the last N); and restoring one into
 * an empty workspace, on this computer or another, with the recovery code or the passphrase.
 */
export const DEFAULT_BACKUPS_KEPT = 7;

export const backupCounts = z.object({
  claims: z.number().int(),
  decisions: z.number().int(),
  meetings: z.number().int(),
  evidenceFiles: z.number().int(),
});

export const backupMade = z.object({
  file: z.string(),
  sizeBytes: z.number().int(),
  /** When the copy was taken (ISO). */
  takenAt: z.string(),
  counts: backupCounts,
});
export type BackupMade = z.infer<typeof backupMade>;

export const backupSettings = z.object({
  /** The folder automatic backups go to; null: none are made. */
  folder: z.string().nullable(),
  /** How many automatic backups the folder keeps (the oldest go once a newer one is good). */
  keep: z.number().int(),
  lastBackup: backupMade.nullable(),
  /** The last automatic backup's failure, if the last attempt failed. */
  lastError: z.string().nullable(),
});
export type BackupSettings = z.infer<typeof backupSettings>;

/**
 * One check a restore ran, with the number it counted where it counts one (entries, audit
 * entries, evidence files): screens and the CLI say it in their own words.
 */
export const restoreCheck = z.object({
  check: z.enum([
    'fileWhole',
    'manifestAuthentic',
    'entryHashes',
    'integrity',
    'auditChain',
    'evidenceDecrypts',
    'evidenceMissing',
  ]),
  count: z.number().int().nonnegative().nullable(),
});
export type RestoreCheck = z.infer<typeof restoreCheck>;

export const restoreReport = z.object({
  workspaceDir: z.string(),
  /** When the backup was taken: what the workspace now holds is as of then. */
  takenAt: z.string(),
  counts: backupCounts,
  /** Each check run before the workspace was put in place, in order. */
  checks: z.array(restoreCheck),
});
export type RestoreReport = z.infer<typeof restoreReport>;

export const backupProgress = z.object({
  phase: z.enum(['database', 'evidence', 'checking', 'restoring', 'verifying', 'finishing']),
  doneBytes: z.number(),
  totalBytes: z.number(),
});
export type BackupProgress = z.infer<typeof backupProgress>;

/**
 * Which run a progress event is about: a backup a person started (Settings, File menu), an
 * automatic one (on close, daily), or a restore. Each screen shows only its own.
 */
export const backupRun = z.enum(['backup', 'automatic-backup', 'restore']);
export type BackupRun = z.infer<typeof backupRun>;
export const backupProgressEvent = backupProgress.extend({ run: backupRun });
export type BackupProgressEvent = z.infer<typeof backupProgressEvent>;

const unlockForRestore = z.discriminatedUnion('means', [
  z.object({ means: z.literal('recovery-code'), recoveryCode: z.string().min(1).max(200) }),
  z.object({ means: z.literal('passphrase'), passphrase: z.string().min(1).max(1024) }),
]);

export const backupContract = {
  /** Asks where to save (main's dialog), then writes the backup there. */
  'backup:create': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ made: backupMade.nullable() }),
  },
  'backup:settings': {
    lock: 'none',
    request: z.undefined(),
    response: backupSettings,
  },
  /** Main's folder dialog; null folder in the answer when the person closed it. */
  'backup:chooseFolder': {
    lock: 'none',
    request: z.undefined(),
    response: backupSettings,
  },
  'backup:setKeep': {
    lock: 'none',
    request: z.object({ keep: z.number().int().min(1).max(365) }),
    response: backupSettings,
  },
  /** While the workspace is empty: main's open dialog for a backup file. */
  'backup:chooseFile': {
    lock: 'none',
    whileLocked: true,
    request: z.undefined(),
    response: z.object({ file: z.string().nullable() }),
  },
  /**
   * Restores the chosen backup into this app's workspace folder, which must hold no workspace;
   * checked whole first (nothing written for a cut or altered file), then opened.
   */
  'backup:restore': {
    lock: 'none',
    whileLocked: true,
    paths: ['file'],
    request: z.object({ file: z.string().min(1), unlock: unlockForRestore }),
    response: restoreReport,
  },
} as const;

/** The File menu's "Back up now…": the window opens its backup panel and starts it. */
export const backupRequested = z.object({});

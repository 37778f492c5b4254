import { DEFAULT_BACKUPS_KEPT } from '../../shared/ipc/backup-schemas';
import { backUpInto, dailyBackupDue } from '../services/backup/auto-backup';
import { progressTo } from '../services/backup/channels';
import type { WorkspaceSession } from '../services/vault/session';
import { readWorkspaceSettings, updateWorkspaceSettings } from '../services/workspace-settings';

/** How often the app looks whether a day has passed since the last automatic backup. */
const DAILY_CHECK_MS = 60 * 60 * 1000;

/**
 * Automatic backups into the folder chosen in Settings: once a day while the workspace is
 * open, and when the app closes. A failure is kept for Settings to show (and the previous
 * backups stay: see backUpInto); it never stops the app from closing.
 */
export function scheduleAutomaticBackups(vault: WorkspaceSession): {
  backUpNow: () => Promise<void>;
  stop: () => void;
} {
  let running: Promise<void> | null = null;
  const backUpNow = (): Promise<void> => {
    const settings = readWorkspaceSettings(vault.databaseFile);
    if (!vault.isOpen || !settings.backupFolder) return Promise.resolve();
    running ??= backUpInto(
      vault.ctx,
      settings.backupFolder,
      settings.backupsKept ?? DEFAULT_BACKUPS_KEPT,
      progressTo(vault.ctx, 'automatic-backup'),
    )
      .then((made) => {
        updateWorkspaceSettings(vault.databaseFile, { lastBackup: made, lastBackupError: null });
      })
      .catch((error: unknown) => {
        updateWorkspaceSettings(vault.databaseFile, {
          lastBackupError: `${new Date().toISOString()}: ${(error as Error).message}`,
        });
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    const { lastBackup } = readWorkspaceSettings(vault.databaseFile);
    if (dailyBackupDue(lastBackup?.takenAt, new Date())) void backUpNow();
  }, DAILY_CHECK_MS);
  timer.unref();
  return { backUpNow, stop: () => clearInterval(timer) };
}

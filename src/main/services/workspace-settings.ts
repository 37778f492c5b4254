import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BackupMade } from '../../shared/ipc/backup-schemas';

/**
 * The few settings needed before the database opens, or about the workspace as a whole (when to
 * lock, where automatic backups go): a small plain JSON file beside the database,
 * `review-desk.db.settings.json`. Nothing in it is personal data.
 */
export interface WorkspaceSettings {
  idleLockMinutes?: number;
  backupFolder?: string | null;
  backupsKept?: number;
  lastBackup?: BackupMade | null;
  lastBackupError?: string | null;
}

export function settingsFileFor(databaseFile: string): string {
  return `${databaseFile}.settings.json`;
}

export function readWorkspaceSettings(databaseFile: string): WorkspaceSettings {
  try {
    const saved = JSON.parse(readFileSync(settingsFileFor(databaseFile), 'utf8')) as unknown;
    return saved !== null && typeof saved === 'object' ? (saved as WorkspaceSettings) : {};
  } catch {
    // Never saved, or unreadable: the defaults.
    return {};
  }
}

export function updateWorkspaceSettings(
  databaseFile: string,
  change: Partial<WorkspaceSettings>,
): WorkspaceSettings {
  const next = { ...readWorkspaceSettings(databaseFile), ...change };
  const file = settingsFileFor(databaseFile);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(temp, file);
  return next;
}

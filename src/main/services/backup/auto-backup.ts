import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupMade } from '../../../shared/ipc/backup-schemas';
import type { ServiceContext } from '../context';
import { removeLeftoverTempFiles } from '../new-file';
import { BACKUP_EXTENSION } from './format';
import { writeBackup, type OnBackupProgress } from './write-backup';

/** `review-desk-20221220-093000.rdbackup`: sorts by time, one per second at most. */
const AUTOMATIC_NAME = /^review-desk-\d{8}-\d{6}\.rdbackup$/;

export function automaticBackupName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `review-desk-${stamp}${BACKUP_EXTENSION}`;
}

/**
 * One automatic backup into `folder`, then the oldest automatic ones beyond `keep` removed.
 * Removal comes only after the new file is complete under its name, so a failed or killed
 * backup never costs the previous good one; files with other names are never touched.
 */
export async function backUpInto(
  ctx: ServiceContext,
  folder: string,
  keep: number,
  onProgress?: OnBackupProgress,
): Promise<BackupMade> {
  // What a killed run left here is litter once old enough that no one can still be writing it.
  removeLeftoverTempFiles(folder);
  const made = await writeBackup(ctx, join(folder, automaticBackupName(new Date())), onProgress);
  // The new file always stays, whatever the names say (a clock set back sorts it first).
  const others = readdirSync(folder)
    .filter((name) => AUTOMATIC_NAME.test(name) && join(folder, name) !== made.file)
    .sort();
  for (const name of others.slice(0, Math.max(0, others.length - (keep - 1))))
    rmSync(join(folder, name), { force: true });
  return made;
}

/** Whether a day has passed since the last backup (or there never was one). */
export function dailyBackupDue(lastTakenAt: string | null | undefined, now: Date): boolean {
  if (!lastTakenAt) return true;
  return now.getTime() - Date.parse(lastTakenAt) >= 24 * 60 * 60 * 1000;
}

import {
  DEFAULT_BACKUPS_KEPT,
  type BackupRun,
  type BackupSettings,
} from '../../../shared/ipc/backup-schemas';
import type { ServiceContext } from '../context';
import type { ChannelIo, Serve } from '../channel';
import { ServiceError } from '../errors';
import { readWorkspaceSettings, updateWorkspaceSettings } from '../workspace-settings';
import { automaticBackupName } from './auto-backup';
import { writeBackup, type OnBackupProgress } from './write-backup';

/** backup:* — one encrypted file of the workspace; restoring one (see format.ts). */

function settingsOf(ctx: ServiceContext): BackupSettings {
  const saved = readWorkspaceSettings(ctx.db.name);
  return {
    folder: saved.backupFolder ?? null,
    keep: saved.backupsKept ?? DEFAULT_BACKUPS_KEPT,
    lastBackup: saved.lastBackup ?? null,
    lastError: saved.lastBackupError ?? null,
  };
}

/** Progress of one run, sent to the window as 'backup:progress' saying which run it is. */
export function progressTo(ctx: ServiceContext, run: BackupRun): OnBackupProgress {
  return (progress) => ctx.emit?.('backup:progress', { ...progress, run });
}

export const create: Serve<'backup:create'> = async (ctx, _request, { platform }) => {
  const out = await platform.chooseSavePath(automaticBackupName(new Date()));
  if (out === null) return { made: null };
  const made = await writeBackup(ctx, out, progressTo(ctx, 'backup'));
  updateWorkspaceSettings(ctx.db.name, { lastBackup: made });
  return { made };
};

export const settings: Serve<'backup:settings'> = (ctx) => settingsOf(ctx);

export const chooseFolder: Serve<'backup:chooseFolder'> = async (ctx, _request, io) => {
  const folder = await io.chooseFile('backup-folder');
  if (folder !== null) updateWorkspaceSettings(ctx.db.name, { backupFolder: folder });
  return settingsOf(ctx);
};

export const setKeep: Serve<'backup:setKeep'> = (ctx, { keep }) => {
  updateWorkspaceSettings(ctx.db.name, { backupsKept: keep });
  return settingsOf(ctx);
};

export const chooseFile: Serve<'backup:chooseFile'> = async (_ctx, _request, io) => ({
  file: await io.chooseFile('backup'),
});

export const restore: Serve<'backup:restore'> = async (ctx, { file, unlock }, io: ChannelIo) => {
  if (!io.vault) throw new ServiceError('conflict', 'restoring needs the app’s workspace session');
  const secret =
    unlock.means === 'recovery-code'
      ? { recoveryCode: unlock.recoveryCode }
      : { passphrase: unlock.passphrase };
  return io.vault.restore(file, secret, progressTo(ctx, 'restore'));
};

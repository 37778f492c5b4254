import { statSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { BackupMade, BackupProgress } from '../../../shared/ipc/backup-schemas';
import {
  emptyWalIfIdle,
  inReadSnapshot,
  storedEvidenceFiles,
  workspaceCounts,
} from '../../db/queries/backup';
import type { ServiceContext } from '../context';
import { EvidenceStore } from '../evidence/store';
import { crashPoint, publishTempFile, refuseIfTaken, tempNameFor } from '../new-file';
import { forgetKey, keyFilePathFor, readKeyFile } from '../workspace-key';
import { BackupWriter } from './backup-writer';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  ENTRY,
  evidenceEntryName,
  manifestMac,
  type BackupManifest,
} from './format';
import { pacer } from './pace';

export type OnBackupProgress = (progress: BackupProgress) => void;

const RULE = 'a backup is never written over';

/**
 * Writes a backup of the open workspace to `out` (format.ts), which must not exist yet. The
 * file appears under its name only when complete and synced: a failure or a kill leaves at
 * most dot-named `.partial` files beside it, never a cut backup under a backup's name.
 */
export async function writeBackup(
  ctx: ServiceContext,
  out: string,
  onProgress: OnBackupProgress = () => {},
): Promise<BackupMade> {
  refuseIfTaken(out, RULE);
  const takenAt = new Date().toISOString();
  const temp = tempNameFor(out);
  // The workspace may lock while the file is written (the key then zeroed in place): this run
  // keeps its own copy of the key, overwritten when it ends.
  const key = Buffer.from(ctx.workspaceKey);
  let writer: BackupWriter | null = null;
  try {
    onProgress({ phase: 'database', doneBytes: 0, totalBytes: 1 });
    const keyFile = readKeyFile(keyFilePathFor(ctx.db.name));
    const keys = Buffer.from(
      JSON.stringify({ ...keyFile, wraps: keyFile.wraps.filter((w) => w.by !== 'os-keychain') }),
    );
    // Most often nobody writes: the WAL folds into the database file and the backup holds one.
    emptyWalIfIdle(ctx.db);
    writer = new BackupWriter(temp);
    const open = writer;
    writer.addBytesNow(ENTRY.keys, keys);
    // One snapshot for the database's files and what the manifest says they hold.
    const { counts, evidence } = inReadSnapshot(ctx.db, () => {
      open.addFileNow(ENTRY.database, ctx.db.name);
      const wal = `${ctx.db.name}-wal`;
      if ((statSync(wal, { throwIfNoEntry: false })?.size ?? 0) > 0)
        open.addFileNow(ENTRY.databaseWal, wal);
      return { counts: workspaceCounts(ctx.db), evidence: storedEvidenceFiles(ctx.db) };
    });
    crashPoint('backup:database-copied');
    const store = new EvidenceStore(ctx.dataDir, key);
    const files = evidence
      .map((e) => ({ ...e, path: store.pathFor(e.sha256) }))
      // In the store's own order: on a cold disk, neighbours are read together.
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const totalBytes =
      writer.entries.reduce((sum, e) => sum + e.size, 0) +
      files.reduce((sum, e) => sum + EvidenceStore.storedSize(e.sizeBytes), 0);
    const pace = pacer(onProgress, totalBytes);
    await pace.done(
      'database',
      writer.entries.reduce((sum, e) => sum + e.size, 0),
    );
    // Files are only ever added to the store, so each is there unless it was lost before this
    // backup: those are listed as missing, not invented.
    const missingEvidence: string[] = [];
    for (const file of files) {
      const name = evidenceEntryName(basename(dirname(file.path)), basename(file.path));
      const added = await writer.addFile(name, file.path);
      if (added === null) missingEvidence.push(file.sha256);
      await pace.done('evidence', added?.size ?? 0);
    }
    crashPoint('backup:entries-written');
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      workspaceId: keyFile.workspaceId,
      takenAt,
      counts,
      missingEvidence: missingEvidence.sort(),
      entries: writer.entries,
    };
    await writer.finish({ manifest, mac: manifestMac(key, manifest) });
    writer = null;
    onProgress({ phase: 'finishing', doneBytes: totalBytes, totalBytes });
    publishTempFile(temp, out, RULE);
    return { file: out, sizeBytes: statSync(out).size, takenAt, counts };
  } finally {
    forgetKey(key);
    await writer?.close();
    rmSync(temp, { force: true });
  }
}

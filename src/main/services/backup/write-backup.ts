import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { BackupMade, BackupProgress } from '../../../shared/ipc/backup-schemas';
import { openDatabase } from '../../db/connection';
import { copyDatabaseInto, storedEvidenceHashes, workspaceCounts } from '../../db/queries/backup';
import type { ServiceContext } from '../context';
import { EvidenceStore } from '../evidence/store';
import { crashPoint, publishTempFile, refuseIfTaken, tempNameFor } from '../new-file';
import { forgetKey, keyFilePathFor, readKeyFile, type WorkspaceKey } from '../workspace-key';
import {
  BACKUP_FORMAT,
  ENTRY,
  evidenceEntryName,
  manifestMac,
  type BackupManifest,
} from './format';

export type OnBackupProgress = (progress: BackupProgress) => void;

const RULE = 'a backup is never written over';

interface Source {
  name: string;
  size: number;
  open: () => Readable;
}

/**
 * Writes a backup of the open workspace to `out` (format.ts), which must not exist yet. The
 * file appears under its name only when complete and synced: a failure or a kill leaves at
 * most a dot-named `.partial` file beside it, never a cut backup under a backup's name.
 */
export async function writeBackup(
  ctx: ServiceContext,
  out: string,
  onProgress: OnBackupProgress = () => {},
): Promise<BackupMade> {
  refuseIfTaken(out, RULE);
  const takenAt = new Date().toISOString();
  const copy = tempNameFor(`${out}.database`);
  const temp = tempNameFor(out);
  // The workspace may lock while the zip is written (the key then zeroed in place): this run
  // keeps its own copy of the key, overwritten when it ends.
  const key = Buffer.from(ctx.workspaceKey);
  try {
    onProgress({ phase: 'database', doneBytes: 0, totalBytes: 1 });
    copyDatabaseInto(ctx.db, copy);
    crashPoint('backup:database-copied');
    // Counted in the copy: the same snapshot the backup holds, whatever was written since.
    const { counts, hashes } = readCopy(copy, key, ctx.nativeBinding);
    const keyFile = readKeyFile(keyFilePathFor(ctx.db.name));
    const keys = Buffer.from(
      JSON.stringify({ ...keyFile, wraps: keyFile.wraps.filter((w) => w.by !== 'os-keychain') }),
    );
    // The evidence the copy names, as the store keeps it (files are only ever added, so each is
    // there unless it was lost before this backup: those are listed, not invented).
    const store = new EvidenceStore(ctx.dataDir, key);
    const missingEvidence = hashes.filter((sha256) => !existsSync(store.pathFor(sha256)));
    const evidence = hashes
      .filter((sha256) => !missingEvidence.includes(sha256))
      .map((sha256) => {
        const path = store.pathFor(sha256);
        return {
          path,
          name: basename(path),
          shard: basename(dirname(path)),
          sizeBytes: statSync(path).size,
        };
      });
    const sources: Source[] = [
      { name: ENTRY.keys, size: keys.length, open: () => readableOf(keys) },
      { name: ENTRY.database, size: statSync(copy).size, open: () => createReadStream(copy) },
      ...evidence.map((file) => ({
        name: evidenceEntryName(file.shard, file.name),
        size: file.sizeBytes,
        open: () => createReadStream(file.path),
      })),
    ];
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      workspaceId: keyFile.workspaceId,
      takenAt,
      counts,
      missingEvidence,
      entries: [],
    };
    await zipInto(temp, sources, manifest, key, onProgress);
    rmSync(copy, { force: true });
    onProgress({ phase: 'finishing', doneBytes: 1, totalBytes: 1 });
    publishTempFile(temp, out, RULE);
    return { file: out, sizeBytes: statSync(out).size, takenAt, counts };
  } finally {
    forgetKey(key);
    rmSync(copy, { force: true });
    rmSync(temp, { force: true });
  }
}

function readCopy(copy: string, key: WorkspaceKey, nativeBinding: string | undefined) {
  const db = openDatabase(copy, { key, nativeBinding, migrate: false });
  try {
    return { counts: workspaceCounts(db), hashes: storedEvidenceHashes(db) };
  } finally {
    db.close();
  }
}

function readableOf(bytes: Buffer): Readable {
  const stream = new PassThrough();
  stream.end(bytes);
  return stream;
}

/** Streams every source into the zip, hashing each as it passes; the manifest goes last. */
async function zipInto(
  file: string,
  sources: Source[],
  manifest: BackupManifest,
  key: WorkspaceKey,
  onProgress: OnBackupProgress,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const totalBytes = sources.reduce((sum, s) => sum + s.size, 0);
  let doneBytes = 0;
  let lastReport = 0;
  const output = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const written = pipeline(zip.outputStream, output);
  const options = { compress: false, mtime: new Date(manifest.takenAt), forceZip64Format: false };
  for (const source of sources)
    zip.addReadStreamLazy(source.name, { ...options, size: source.size }, (callback) => {
      const hash = createHash('sha256');
      let size = 0;
      const counting = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          doneBytes += chunk.length;
          if (doneBytes - lastReport > 4 * 1024 * 1024 || doneBytes === totalBytes) {
            lastReport = doneBytes;
            const phase = source.name.startsWith(ENTRY.evidencePrefix) ? 'evidence' : 'database';
            onProgress({ phase, doneBytes, totalBytes });
          }
          done(null, chunk);
        },
        flush(done) {
          manifest.entries.push({ name: source.name, size, sha256: hash.digest('hex') });
          done();
        },
      });
      const input = source.open();
      input.on('error', (error) => counting.destroy(error));
      callback(null, input.pipe(counting));
    });
  // yazl asks for this stream only after every entry before it is written, so every hash is in.
  zip.addReadStreamLazy(ENTRY.manifest, options, (callback) => {
    crashPoint('backup:entries-written');
    const sealed = { manifest, mac: manifestMac(key, manifest) };
    callback(null, readableOf(Buffer.from(JSON.stringify(sealed, null, 1))));
  });
  zip.end();
  await written;
}

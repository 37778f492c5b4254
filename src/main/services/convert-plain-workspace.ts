import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openDatabase } from '../db/connection';
import { encryptInPlace, leaveWalMode, storedEvidenceHashes } from '../db/queries/backup';
import { writeBackup } from './backup/write-backup';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';
import { EvidenceStore } from './evidence/store';
import { sha256Hex } from './hashing';
import type { KeyProtector, ScryptParams } from './identity';
import { syncFolder } from './new-file';
import { DATABASE_FILE_NAME, openWorkspace } from './open-workspace';
import {
  createWorkspaceKey,
  databaseRekeyPragma,
  forgetKey,
  keyFilePathFor,
  workspaceStateOf,
} from './workspace-key';

/**
 * A workspace from before encryption, converted on its first open by this version:
 * 1. its database is migrated and folded out of WAL mode, then copied beside it
 *    (`.review-desk.db.converting`) and the copy encrypted in place under a new workspace key,
 *    whose key file waits beside the copy;
 * 2. each evidence file is stored again, encrypted, under its new name (the old plain files
 *    stay for now);
 * 3. a backup of the converted workspace is written into the workspace folder
 *    (`before-encryption-<time>.rdbackup`, restorable with the recovery code);
 * 4. only then the encrypted copy replaces the plain database, the key file takes its place,
 *    and the plain evidence files are removed.
 * Until step 4 the original is untouched, so a failure or a kill before it leaves the plain
 * workspace as it was (its leftovers are cleared on the next try); during step 4 the renames
 * are each atomic and a next open finishes them (finishInterruptedConversion).
 */
export async function convertPlainWorkspace(
  dataDir: string,
  options: {
    passphrase: string;
    protector?: KeyProtector;
    scrypt?: ScryptParams;
    nativeBinding?: string;
    now?: () => Date;
  },
): Promise<{ ctx: ServiceContext; recoveryCode: string; backupFile: string }> {
  const file = join(dataDir, DATABASE_FILE_NAME);
  finishInterruptedConversion(file);
  if (workspaceStateOf(file) !== 'plain')
    throw new ServiceError('conflict', `${file} is not a workspace from before encryption`);
  const copy = convertingCopyOf(file);
  clearLeftovers(copy);

  const plain = openDatabase(file, { key: null, nativeBinding: options.nativeBinding });
  let hashes: string[];
  try {
    hashes = storedEvidenceHashes(plain);
    leaveWalMode(plain);
  } finally {
    plain.close();
  }
  copyFileSync(file, copy);
  const created = createWorkspaceKey(copy, {
    passphrase: options.passphrase,
    protector: options.protector,
    scrypt: options.scrypt,
    now: new Date(),
  });
  try {
    const encrypting = openDatabase(copy, {
      key: null,
      nativeBinding: options.nativeBinding,
      migrate: false,
    });
    try {
      encryptInPlace(encrypting, databaseRekeyPragma(created.key));
    } finally {
      encrypting.close();
    }
    const store = new EvidenceStore(dataDir, created.key);
    for (const sha256 of hashes) {
      const old = oldEvidencePath(dataDir, sha256);
      if (!existsSync(old)) continue;
      const bytes = readFileSync(old);
      // A plain file that no longer matches its name is kept as it is (not re-stored), so the
      // workspace's own check later names it as changed, as it did before conversion.
      if (sha256Hex(bytes) === sha256) store.put(bytes);
    }

    const ctx = openWorkspace(dataDir, {
      key: created.key,
      fileName: basename(copy),
      nativeBinding: options.nativeBinding,
    });
    let backupFile: string;
    try {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
      backupFile = join(dataDir, `before-encryption-${stamp}.rdbackup`);
      await writeBackup(ctx, backupFile);
    } finally {
      ctx.db.close();
    }

    // Step 4: the encrypted copy and its key file take the plain database's place.
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    renameSync(copy, file);
    renameSync(keyFilePathFor(copy), keyFilePathFor(file));
    syncFolder(dataDir);
    for (const sha256 of hashes) rmSync(oldEvidencePath(dataDir, sha256), { force: true });

    const opened = openWorkspace(dataDir, {
      key: created.key,
      nativeBinding: options.nativeBinding,
      now: options.now,
    });
    return { ctx: opened, recoveryCode: created.recoveryCode, backupFile };
  } catch (error) {
    forgetKey(created.key);
    clearLeftovers(copy);
    throw error;
  }
}

function convertingCopyOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.converting`);
}

/** Where the store kept a file before encryption: named by its content's SHA-256. */
function oldEvidencePath(dataDir: string, sha256: string): string {
  return join(dataDir, 'evidence', sha256.slice(0, 2), sha256);
}

function clearLeftovers(copy: string): void {
  for (const path of [copy, `${copy}-wal`, `${copy}-shm`, keyFilePathFor(copy)])
    rmSync(path, { force: true });
}

/**
 * A conversion killed between its two renames left the encrypted database in place and its key
 * file under the waiting name: put the key file where it belongs.
 */
export function finishInterruptedConversion(file: string): void {
  const waiting = keyFilePathFor(convertingCopyOf(file));
  if (
    existsSync(waiting) &&
    !existsSync(convertingCopyOf(file)) &&
    !existsSync(keyFilePathFor(file))
  )
    renameSync(waiting, keyFilePathFor(file));
}

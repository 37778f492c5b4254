import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RestoreCheck, RestoreReport } from '../../../shared/ipc/backup-schemas';
import { openDatabase } from '../../db/connection';
import { DatabaseTooNewError } from '../../db/errors';
import { integrityProblems, storedEvidenceHashes, workspaceCounts } from '../../db/queries/backup';
import { verifyAuditLog } from '../audit-log/verify-acts';
import { ServiceError } from '../errors';
import { EvidenceStore } from '../evidence/store';
import { sha256Hex } from '../hashing';
import { DATABASE_FILE_NAME } from '../open-workspace';
import {
  forgetKey,
  keyFilePathFor,
  openKeyFile,
  parseKeyFile,
  type Unlock,
  type WorkspaceKey,
} from '../workspace-key';
import { BackupReader, refused } from './backup-reader';
import {
  ENTRY,
  evidenceEntryName,
  evidenceEntryParts,
  manifestMac,
  type BackupManifest,
  type ManifestEntry,
} from './format';
import { pacer } from './pace';
import type { OnBackupProgress } from './write-backup';

type Pace = ReturnType<typeof pacer>;

const KEY_FILE_MAX_BYTES = 1024 * 1024;

/**
 * Restores a backup into `to`, a folder that must hold nothing yet. In order: the file's layout
 * (a cut file has no closing record), the key opened with what the person gave, the manifest's
 * HMAC, and every entry's SHA-256 against it: all before anything is written. Then the entries
 * go to a staging folder beside `to` (hashed again as they are written), the database there is
 * checked (integrity_check, the audit chain, every evidence file decrypting to its hash), and
 * only then does the staged workspace move into `to`. Any refusal leaves `to` as it was.
 */
export async function restoreBackup(
  file: string,
  to: string,
  unlock: Exclude<Unlock, { keychain: unknown }>,
  options: { nativeBinding?: string; onProgress?: OnBackupProgress } = {},
): Promise<{ report: RestoreReport; key: WorkspaceKey }> {
  refuseNonEmpty(to);
  const backup = BackupReader.open(file);
  try {
    const { manifest } = backup.sealed;
    const keysWhat = `${file} (${ENTRY.keys})`;
    const keysEntry = backup.entry(ENTRY.keys);
    // Read before anything is trusted: a key file is a few KB, never what a crafted size says.
    if (keysEntry.size > KEY_FILE_MAX_BYTES)
      throw refused(
        'backup_altered',
        `${keysWhat} is ${keysEntry.size} bytes: the file was altered`,
      );
    const keyFile = parseKeyFile(jsonOf(backup.bytesOf(keysEntry), keysWhat), keysWhat);
    const { key } = openKeyFile(keyFile, unlock, `the backup ${file}`);
    try {
      checkMac(backup, key);
      const entryBytes = manifest.entries.reduce((sum, e) => sum + e.size, 0);
      const evidenceBytes = manifest.entries
        .filter((e) => evidenceEntryParts(e.name))
        .reduce((sum, e) => sum + e.size, 0);
      const totalBytes = 2 * entryBytes + evidenceBytes;
      const pace = pacer(options.onProgress ?? (() => {}), totalBytes);
      for (const entry of manifest.entries) await copyEntry(backup, entry, null, pace);
      const staging = join(
        dirname(to),
        `.${basename(to)}.restoring-${randomBytes(6).toString('hex')}`,
      );
      try {
        await extract(backup, staging, pace);
        const checks: RestoreCheck[] = [
          { check: 'fileWhole', count: manifest.entries.length },
          { check: 'manifestAuthentic', count: null },
          { check: 'entryHashes', count: manifest.entries.length },
        ];
        const counts = await checkWorkspace(
          staging,
          key,
          options.nativeBinding,
          checks,
          manifest,
          pace,
        );
        options.onProgress?.({ phase: 'finishing', doneBytes: totalBytes, totalBytes });
        moveInto(staging, to);
        const report = { workspaceDir: to, takenAt: manifest.takenAt, counts, checks };
        return { report, key };
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
    } catch (error) {
      forgetKey(key);
      throw error;
    }
  } finally {
    backup.close();
  }
}

/** What makes a workspace, in a folder that may hold other things (the app's user-data). */
const WORKSPACE_PARTS = [
  DATABASE_FILE_NAME,
  // Folded into the database when the checks close it; moved too should any be left.
  `${DATABASE_FILE_NAME}-wal`,
  keyFilePathFor(DATABASE_FILE_NAME),
  'evidence',
];

function refuseNonEmpty(to: string): void {
  if (!existsSync(to)) return;
  let names: string[];
  try {
    names = readdirSync(to);
  } catch {
    throw refused('restore_target_not_folder', `${to} is not a folder to restore into`);
  }
  const taken = names.filter(
    (name) =>
      name.startsWith(DATABASE_FILE_NAME) ||
      (name === 'evidence' && readdirSync(join(to, name)).length > 0),
  );
  if (taken.length > 0)
    throw refused(
      'workspace_not_empty',
      `${to} already holds a workspace (${taken.join(', ')}): a backup is restored only where there is none, never over one`,
    );
}

/** The staged workspace's parts, renamed into `to` (made if need be) one by one. */
function moveInto(staging: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of WORKSPACE_PARTS) {
    const from = join(staging, name);
    if (!existsSync(from)) continue;
    const target = join(to, name);
    if (name === 'evidence' && existsSync(target)) rmdirSync(target);
    renameSync(from, target);
  }
}

function jsonOf(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refused('backup_altered', `${what} is not readable JSON: the file was altered`);
  }
}

function checkMac(backup: BackupReader, key: WorkspaceKey): void {
  const expected = Buffer.from(manifestMac(key, backup.sealed.manifest), 'hex');
  const given = Buffer.from(backup.sealed.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw refused(
      'backup_altered',
      `${backup.file}: its manifest does not match the workspace key: the file was altered`,
    );
}

/** Reads one entry, checking its SHA-256; into a new file at `target` when given. */
async function copyEntry(
  backup: BackupReader,
  entry: ManifestEntry,
  target: string | null,
  pace: Pace,
): Promise<void> {
  const hash = createHash('sha256');
  const fd = target === null ? null : openSync(target, 'wx', 0o600);
  try {
    await backup.eachChunk(entry, async (bytes) => {
      hash.update(bytes);
      if (fd !== null) for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      await pace.done(target === null ? 'checking' : 'restoring', bytes.length);
    });
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (hash.digest('hex') !== entry.sha256)
    throw refused(
      'backup_altered',
      `${backup.file}: ${entry.name} does not match its SHA-256 in the manifest: the file was altered`,
    );
}

async function extract(backup: BackupReader, staging: string, pace: Pace): Promise<void> {
  mkdirSync(staging, { recursive: true });
  const database = join(staging, DATABASE_FILE_NAME);
  const shards = new Set<string>();
  for (const entry of backup.sealed.manifest.entries) {
    const parts = evidenceEntryParts(entry.name);
    let target: string;
    if (entry.name === ENTRY.database) target = database;
    else if (entry.name === ENTRY.databaseWal) target = `${database}-wal`;
    else if (entry.name === ENTRY.keys) target = keyFilePathFor(database);
    else {
      const shard = join(staging, 'evidence', parts!.shard);
      if (!shards.has(shard)) mkdirSync(shard, { recursive: true });
      shards.add(shard);
      target = join(shard, parts!.name);
    }
    await copyEntry(backup, entry, target, pace);
    if (parts) chmodSync(target, 0o444);
  }
}

/**
 * The backed-up database does not open or read whole (its hashes matched, so it was damaged
 * before the backup was taken): said as such, not as a wrong key or an internal error.
 */
function damaged(error: unknown): ServiceError {
  if (error instanceof ServiceError && error.code === 'validation_failed') return error;
  if (error instanceof DatabaseTooNewError)
    return refused('backup_too_new', `${error.message.replace(/^\S+ /, 'the backup ')}`);
  const why =
    (error as { code?: string }).code === 'SQLITE_CORRUPT' ||
    (error as { code?: string }).code === 'SQLITE_NOTADB' ||
    error instanceof ServiceError
      ? 'its pages do not read whole'
      : (error as Error).message;
  return refused(
    'backup_damaged',
    `the database in the backup was already damaged when the backup was taken (${why}): restore an earlier backup`,
  );
}

/** Opens the staged database: SQLite's check, the audit chain, every evidence file. */
async function checkWorkspace(
  staging: string,
  key: WorkspaceKey,
  nativeBinding: string | undefined,
  checks: RestoreCheck[],
  manifest: BackupManifest,
  pace: Pace,
) {
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(join(staging, DATABASE_FILE_NAME), { key, nativeBinding });
  } catch (error) {
    throw damaged(error);
  }
  try {
    let problems: string[];
    try {
      problems = integrityProblems(db);
    } catch (error) {
      throw damaged(error);
    }
    if (problems.length > 0)
      throw refused(
        'backup_damaged',
        `the backed-up database fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`,
      );
    checks.push({ check: 'integrity', count: null });
    const audit = verifyAuditLog(db);
    if (!audit.ok || audit.actProblems.length > 0)
      throw refused(
        'backup_damaged',
        `the backed-up audit log does not verify (${audit.problem ?? audit.actProblems[0]?.problem} at entry ${audit.firstBadSeq ?? audit.actProblems[0]?.seq})`,
      );
    checks.push({ check: 'auditChain', count: audit.entries });
    const store = new EvidenceStore(staging, key);
    const sizes = new Map(manifest.entries.map((e) => [e.name, e.size]));
    const missing = new Set(manifest.missingEvidence);
    const hashes = storedEvidenceHashes(db).filter((sha256) => !missing.has(sha256));
    for (const sha256 of hashes) {
      let ok = false;
      try {
        ok = sha256Hex(store.read(sha256)) === sha256;
      } catch {
        ok = false;
      }
      const path = store.pathFor(sha256);
      await pace.done(
        'verifying',
        sizes.get(evidenceEntryName(basename(dirname(path)), basename(path))) ?? 0,
      );
      if (!ok)
        throw refused(
          'backup_damaged',
          `the backup's evidence file for SHA-256 ${sha256} is missing or does not decrypt to it`,
        );
    }
    checks.push({ check: 'evidenceDecrypts', count: hashes.length });
    if (missing.size > 0) checks.push({ check: 'evidenceMissing', count: missing.size });
    return workspaceCounts(db);
  } finally {
    db.close();
  }
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { RestoreReport } from '../../../shared/ipc/backup-schemas';
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
import {
  ENTRY,
  evidenceEntryParts,
  manifestMac,
  sealedManifest,
  type BackupManifest,
} from './format';
import type { OnBackupProgress } from './write-backup';

function refused(code: string, message: string): ServiceError {
  return new ServiceError('validation_failed', message, [{ path: 'file', code, message }]);
}

/**
 * Restores a backup into `to`, a folder that must hold nothing yet. In order: the zip is read
 * whole (a cut file has no directory at its end), the key is opened with what the person gave,
 * the manifest's HMAC is checked, and every entry's SHA-256 against it: all before anything is
 * written. Then the files go to a staging folder beside `to`, the database there is checked
 * (integrity_check, the audit chain, every evidence file decrypting to its hash), and only then
 * does the staging folder become `to`. Any refusal leaves `to` as it was.
 */
export async function restoreBackup(
  file: string,
  to: string,
  unlock: Exclude<Unlock, { keychain: unknown }>,
  options: { nativeBinding?: string; onProgress?: OnBackupProgress } = {},
): Promise<{ report: RestoreReport; key: WorkspaceKey }> {
  const onProgress = options.onProgress ?? (() => {});
  refuseNonEmpty(to);
  const zip = await openZip(file);
  try {
    const entries = await entriesOf(zip, file);
    const keyFile = parseKeyFile(
      jsonOf(await readEntry(zip, entries, ENTRY.keys, file), `${file} (${ENTRY.keys})`),
      `${file} (${ENTRY.keys})`,
    );
    const { key } = openKeyFile(keyFile, unlock, `the backup ${file}`);
    try {
      const manifest = checkManifest(
        await readEntry(zip, entries, ENTRY.manifest, file),
        key,
        file,
      );
      checkEntryList(entries, manifest, file);
      const totalBytes = manifest.entries.reduce((sum, e) => sum + e.size, 0);
      let doneBytes = 0;
      for (const expected of manifest.entries) {
        await copyEntry(zip, entries.get(expected.name)!, expected, file, null, (n) => {
          doneBytes += n;
          onProgress({ phase: 'checking', doneBytes, totalBytes });
        });
      }
      const staging = join(
        dirname(to),
        `.${basename(to)}.restoring-${randomBytes(6).toString('hex')}`,
      );
      try {
        await extract(zip, entries, manifest, file, staging);
        const checks = [
          `the backup file is whole (its zip directory reads, ${entries.size} entries)`,
          `its manifest is authentic (HMAC under the workspace key), taken ${manifest.takenAt}`,
          `every entry matches its SHA-256 in the manifest (${manifest.entries.length})`,
        ];
        const counts = checkWorkspace(staging, key, options.nativeBinding, checks, manifest);
        onProgress({ phase: 'finishing', doneBytes: totalBytes, totalBytes });
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
    zip.close();
  }
}

/** What makes a workspace, in a folder that may hold other things (the app's user-data). */
const WORKSPACE_PARTS = [DATABASE_FILE_NAME, keyFilePathFor(DATABASE_FILE_NAME), 'evidence'];

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

async function openZip(file: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw refused(
      'backup_unreadable',
      `${file} is not a whole backup: it is cut short or is not a Review Desk backup (${(error as Error).message})`,
    );
  }
}

async function entriesOf(zip: ZipFile, file: string): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  } catch (error) {
    throw refused(
      'backup_unreadable',
      `${file}: its list of entries is damaged (${(error as Error).message})`,
    );
  }
  for (const name of [ENTRY.keys, ENTRY.database, ENTRY.manifest])
    if (!entries.has(name))
      throw refused(
        'backup_incomplete',
        `${file} lacks its ${name}: it is not a whole Review Desk backup`,
      );
  return entries;
}

async function readEntry(
  zip: ZipFile,
  entries: Map<string, Entry>,
  name: string,
  file: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    const stream = await zip.openReadStreamPromise(entries.get(name)!);
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw refused(
      'backup_altered',
      `${file}: its ${name} cannot be read (${(error as Error).message})`,
    );
  }
  return Buffer.concat(chunks);
}

function checkManifest(bytes: Buffer, key: WorkspaceKey, file: string): BackupManifest {
  let parsed;
  try {
    parsed = sealedManifest.safeParse(JSON.parse(bytes.toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success)
    throw refused('backup_altered', `${file}: its manifest is not readable: the file was altered`);
  const expected = Buffer.from(manifestMac(key, parsed.data.manifest), 'hex');
  const given = Buffer.from(parsed.data.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw refused(
      'backup_altered',
      `${file}: its manifest does not match the workspace key: the file was altered`,
    );
  return parsed.data.manifest;
}

function checkEntryList(entries: Map<string, Entry>, manifest: BackupManifest, file: string): void {
  const listed = new Set(manifest.entries.map((e) => e.name));
  for (const name of entries.keys())
    if (name !== ENTRY.manifest && !listed.has(name))
      throw refused(
        'backup_altered',
        `${file}: ${name} is in the file but not in its manifest: the file was altered`,
      );
  for (const name of listed) {
    if (!entries.has(name))
      throw refused(
        'backup_altered',
        `${file}: ${name} is in its manifest but missing from the file`,
      );
    if (name !== ENTRY.keys && name !== ENTRY.database && !evidenceEntryParts(name))
      throw refused('backup_altered', `${file}: ${name} is not a name a backup holds`);
  }
}

/** Streams one entry, checking its size and SHA-256; into `target` when given. */
async function copyEntry(
  zip: ZipFile,
  entry: Entry,
  expected: { name: string; size: number; sha256: string },
  file: string,
  target: string | null,
  counted: (bytes: number) => void,
): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  const checking = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      counted(chunk.length);
      done(null, chunk);
    },
  });
  const sink = target ? createWriteStream(target, { flags: 'wx', mode: 0o600 }) : discard();
  try {
    const stream: Readable = await zip.openReadStreamPromise(entry);
    await pipeline(stream, checking, sink);
  } catch (error) {
    throw refused(
      'backup_altered',
      `${file}: ${expected.name} cannot be read whole (${(error as Error).message}): the file is damaged`,
    );
  }
  if (size !== expected.size || hash.digest('hex') !== expected.sha256)
    throw refused(
      'backup_altered',
      `${file}: ${expected.name} does not match its SHA-256 in the manifest: the file was altered`,
    );
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

async function extract(
  zip: ZipFile,
  entries: Map<string, Entry>,
  manifest: BackupManifest,
  file: string,
  staging: string,
): Promise<void> {
  mkdirSync(staging, { recursive: true });
  const database = join(staging, DATABASE_FILE_NAME);
  for (const expected of manifest.entries) {
    const parts = evidenceEntryParts(expected.name);
    let target: string;
    if (expected.name === ENTRY.database) target = database;
    else if (expected.name === ENTRY.keys) target = keyFilePathFor(database);
    else {
      mkdirSync(join(staging, 'evidence', parts!.shard), { recursive: true });
      target = join(staging, 'evidence', parts!.shard, parts!.name);
    }
    await copyEntry(zip, entries.get(expected.name)!, expected, file, target, () => {});
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
function checkWorkspace(
  staging: string,
  key: WorkspaceKey,
  nativeBinding: string | undefined,
  checks: string[],
  manifest: BackupManifest,
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
    checks.push('PRAGMA integrity_check: ok');
    const audit = verifyAuditLog(db);
    if (!audit.ok || audit.actProblems.length > 0)
      throw refused(
        'backup_damaged',
        `the backed-up audit log does not verify (${audit.problem ?? audit.actProblems[0]?.problem} at entry ${audit.firstBadSeq ?? audit.actProblems[0]?.seq})`,
      );
    checks.push(`the audit chain verifies (${audit.entries} entries)`);
    const store = new EvidenceStore(staging, key);
    const missing = new Set(manifest.missingEvidence);
    const hashes = storedEvidenceHashes(db).filter((sha256) => !missing.has(sha256));
    for (const sha256 of hashes) {
      let ok = false;
      try {
        ok = sha256Hex(store.read(sha256)) === sha256;
      } catch {
        ok = false;
      }
      if (!ok)
        throw refused(
          'backup_damaged',
          `the backup's evidence file for SHA-256 ${sha256} is missing or does not decrypt to it`,
        );
    }
    checks.push(`every evidence file decrypts to its SHA-256 (${hashes.length})`);
    if (missing.size > 0)
      checks.push(
        `${missing.size} evidence files were already missing from the workspace when the backup was taken`,
      );
    return workspaceCounts(db);
  } finally {
    db.close();
  }
}

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ServiceError } from './errors';

/**
 * Writes a file under a name that must not exist yet. What the app hands out (signed files,
 * minutes, payout ledgers, rosters) must never change under a name someone already has, and an
 * older copy must never be lost to a slip of the save dialog. A refusal is a conflict whose
 * issue code (file_exists or write_failed) lets the app say it in the person's language.
 *
 * Durable before acknowledged: when this returns, the whole file is on disk under its name.
 * 1. The bytes go to a new dot-named temp file in the same folder (so the last step stays on
 *    one file system), opened with O_EXCL, and are fsynced.
 * 2. The temp file is hard-linked to the target name. link(2) fails with EEXIST if the name is
 *    taken, atomically, so the never-overwrite rule holds even against a file that appears
 *    meanwhile (rename(2) would silently replace it). Then the temp name is unlinked. (On a
 *    file system without hard links, see NO_HARD_LINKS.)
 * 3. The folder is fsynced, so the new name itself survives a power cut. Windows cannot open a
 *    folder for fsync (EISDIR/EPERM); there NTFS journals the name and the step is skipped.
 * The target therefore either does not exist or holds every byte: never a 0-byte or cut file.
 * On any failure the temp file is removed. A process killed mid-write can leave only the
 * dot-named temp file (`.<name>.<random>.partial`), never a partial file under the name; the
 * next write that puts a file under that name removes it (removeEarlierAttempts), and
 * removeLeftoverTempFiles clears old ones from a folder (the workspace's, at open).
 */
/**
 * `rule` finishes the refusal's sentence: "a signed file is never overwritten". `mode` is the
 * new file's permissions (0o600 for a private key file; default 0o644, less the umask). With
 * `sameBytesIsDone`, a file already holding exactly these bytes is not a refusal but counts as
 * written (it is synced and 'existing' is returned): a retry after a crash that left the file
 * in place but unrecorded. Nothing is ever written over.
 */
export function writeNewFile(
  path: string,
  data: string | Uint8Array,
  rule: string,
  options: { sameBytesIsDone?: boolean; mode?: number } = {},
): 'written' | 'existing' {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const outcome = placeNewFile(path, bytes, rule, options);
  removeEarlierAttempts(path);
  return outcome;
}

function placeNewFile(
  path: string,
  bytes: Uint8Array,
  rule: string,
  options: { sameBytesIsDone?: boolean; mode?: number },
): 'written' | 'existing' {
  try {
    writeDurably(path, bytes, options.mode ?? 0o644);
    return 'written';
  } catch (error) {
    if (
      options.sameBytesIsDone &&
      (error as NodeJS.ErrnoException).code === 'EEXIST' &&
      holdsExactly(path, bytes)
    ) {
      try {
        syncExistingFile(path);
        return 'existing';
      } catch (syncError) {
        throw refusalOf(path, syncError, rule);
      }
    }
    throw refusalOf(path, error, rule);
  }
}

/**
 * Refuses, as writeNewFile would, a name that is already taken: for a caller that should say so
 * before slow or interactive work (scrypt, a passphrase prompt). writeNewFile still refuses a
 * file that appears meanwhile.
 */
export function refuseIfTaken(path: string, rule: string): void {
  if (nameIsTaken(path)) throw nameTakenRefusal(path, rule);
}

/** lstat, not exists: a dangling symlink takes the name too, as link(2) will find. */
function nameIsTaken(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    // A folder we cannot look into: the write itself will say what is wrong.
    return false;
  }
}

function holdsExactly(path: string, bytes: Uint8Array): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size === bytes.length && readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}

/** The refusal writeNewFile throws for `error`; for callers that write in steps. */
export function refusalOf(path: string, error: unknown, rule: string): ServiceError {
  if (error instanceof ServiceError) return error;
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') return nameTakenRefusal(path, rule);
  const message = `could not save ${path}: ${(error as Error).message}`;
  return new ServiceError('conflict', message, [{ path: 'path', code: 'write_failed', message }]);
}

function nameTakenRefusal(path: string, rule: string): ServiceError {
  const message = `${path} already exists; ${rule}: choose another name`;
  return new ServiceError('conflict', message, [{ path: 'path', code: 'file_exists', message }]);
}

/**
 * Test-only crash points (REVIEW_DESK_CRASH_AT=<point>): the process exits at once, as a kill
 * would, without unwinding, closing the database or removing temp files. Inert unless the
 * variable is set; the test suite uses it to prove what a crash at each step leaves behind.
 * Points: `new-file:temp-synced` (temp written and fsynced, not linked), `new-file:linked`
 * (file in place, not yet recorded), and the points callers name with the same helper.
 */
export function crashPoint(point: string): void {
  if (process.env.REVIEW_DESK_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}

/** `.<name>.<12 hex digits>.partial`: the temp files writeDurably makes, and nothing else. */
const TEMP_FILE_NAME = /^\..+\.[0-9a-f]{12}\.partial$/;
const TEMP_FILE_TAIL = /^[0-9a-f]{12}\.partial$/;

function tempFileFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
}

/**
 * Once `path` holds its file, the temp files of earlier attempts at that same name (a killed
 * export, retried) are litter: removed. Another process writing that name at this moment would
 * lose to us anyway (link refuses a taken name); taking its temp file only turns its refusal
 * from file_exists into write_failed. Best effort: the file itself is already in place.
 */
function removeEarlierAttempts(path: string): void {
  const folder = dirname(path);
  const prefix = `.${basename(path)}.`;
  for (const name of namesIn(folder))
    if (name.startsWith(prefix) && TEMP_FILE_TAIL.test(name.slice(prefix.length)))
      removeQuietly(join(folder, name));
}

/**
 * How old a temp file must be before a workspace open removes it. The app and the CLI work in
 * the same folder, so a temp file may be another process's write in progress: its bytes are
 * written, fsynced and linked within seconds of its last change (mtime). An hour is far beyond
 * that; a younger leftover waits for a later open, harmless meanwhile (dot-named, never read).
 */
export const LEFTOVER_TEMP_FILE_AGE_MS = 60 * 60 * 1000;

/**
 * Removes from `folder` the temp files (`.<name>.<12 hex>.partial`) that killed writes left,
 * if older than LEFTOVER_TEMP_FILE_AGE_MS; returns their names. Never fails: a leftover that
 * cannot be removed now is harmless.
 */
export function removeLeftoverTempFiles(folder: string, now = Date.now()): string[] {
  return removeStaleFiles(folder, (name) => TEMP_FILE_NAME.test(name), now);
}

/**
 * The leftovers `isLeftover` names in `folder`, removed once older than
 * LEFTOVER_TEMP_FILE_AGE_MS (see there why). Only plain files: never a folder or a symlink's
 * target. A folder that cannot be read has nothing removed.
 */
export function removeStaleFiles(
  folder: string,
  isLeftover: (name: string) => boolean,
  now = Date.now(),
): string[] {
  const removed: string[] = [];
  for (const name of namesIn(folder)) {
    if (!isLeftover(name)) continue;
    const path = join(folder, name);
    if (!isStaleFile(path, now)) continue;
    if (removeQuietly(path)) removed.push(name);
  }
  return removed;
}

function isStaleFile(path: string, now: number): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isFile() && now - stat.mtimeMs > LEFTOVER_TEMP_FILE_AGE_MS;
  } catch {
    return false;
  }
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function removeQuietly(path: string): boolean {
  try {
    rmSync(path, { force: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A temp name for a file written by a stream (a backup) that publishTempFile then puts under
 * `path`: `.<name>.<12 hex>.partial`, so removeLeftoverTempFiles and removeEarlierAttempts treat
 * what a killed write leaves as the litter it is.
 */
export function tempNameFor(path: string): string {
  return tempFileFor(path);
}

/**
 * Puts a complete temp file (already written and closed) under `path` as writeNewFile puts its
 * bytes: fsynced, hard-linked (never over an existing name), the folder fsynced; the temp name
 * is removed whatever happens. Before this returns nothing exists under `path`; after, all of it.
 */
export function publishTempFile(temp: string, path: string, rule: string): void {
  try {
    syncExistingFileOnly(temp);
    crashPoint('new-file:temp-synced');
    try {
      linkSync(temp, path);
    } catch (error) {
      if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      // A FAT or exFAT stick: rename, which replaces silently, so the name is checked first
      // (the tiny window between is the price of a stick without hard links).
      if (nameIsTaken(path)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      renameSync(temp, path);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw refusalOf(path, error, rule);
  }
  rmSync(temp, { force: true });
  crashPoint('new-file:linked');
  syncFolder(dirname(path));
  removeEarlierAttempts(path);
}

function syncExistingFileOnly(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeDurably(path: string, bytes: Uint8Array, mode: number): void {
  const temp = tempFileFor(path);
  let fd: number | null = openSync(temp, 'wx', mode);
  let noLinks = false;
  try {
    writeAll(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    crashPoint('new-file:temp-synced');
    try {
      linkSync(temp, path);
    } catch (error) {
      if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      noLinks = true;
    }
  } finally {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
  }
  if (noLinks) writeInPlace(path, bytes, mode);
  crashPoint('new-file:linked');
  try {
    syncFolder(dirname(path));
  } catch (error) {
    // The name may not survive a power cut: take back the file we placed and say so.
    rmSync(path, { force: true });
    throw error;
  }
}

/**
 * What link(2) answers on a file system without hard links (FAT32 and exFAT sticks, some
 * network shares). There the file is created under its name with O_EXCL (still never over
 * anything), written, fsynced, and removed again on a failure; only a kill mid-write can then
 * leave a cut file under the name, which the person sees refused by verify.
 */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function writeInPlace(path: string, bytes: Uint8Array, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    writeAll(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * fsyncs a folder so a name created in it is durable. Skipped on Windows, which cannot open a
 * folder as a file; errors other platforms give for a folder that cannot be synced (some
 * network file systems) are ignored too: the file's own bytes were already synced.
 */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR') throw error;
  } finally {
    closeSync(fd);
  }
}

/** fsyncs a file already in place (one an interrupted export left) and its folder. */
export function syncExistingFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncFolder(dirname(path));
}

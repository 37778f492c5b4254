import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ServiceError } from '../errors';
import {
  BACKUP_FORMAT_VERSION,
  ENTRY,
  evidenceEntryParts,
  HEADER_BYTES,
  isWorkspaceFileEntry,
  HEADER_MAGIC,
  sealedManifest,
  TRAILER_BYTES,
  TRAILER_MAGIC,
  type ManifestEntry,
  type SealedManifest,
} from './format';

/** As the writer's (backup-writer.ts says why not more). */
const CHUNK_BYTES = 1024 * 1024;
/** A manifest lists ~150 bytes per entry: 64 MiB is room for some 400,000 evidence files. */
const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function refused(code: string, message: string): ServiceError {
  return new ServiceError('validation_failed', message, [{ path: 'file', code, message }]);
}

/**
 * A backup file opened for reading: its layout checked (header, trailer, a manifest that parses
 * and whose entries tile the file), nothing yet trusted (the MAC needs the key).
 */
export class BackupReader {
  private constructor(
    readonly file: string,
    private readonly fd: number,
    readonly sealed: SealedManifest,
  ) {}

  /** Opens `file`; a cut, foreign or altered layout is refused with what is wrong. */
  static open(file: string): BackupReader {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      throw refused('backup_unreadable', `${file} cannot be opened (${(error as Error).message})`);
    }
    try {
      const size = fstatSync(fd).size;
      const manifestOffset = checkEnds(fd, size, file);
      const manifestLength = size - TRAILER_BYTES - manifestOffset;
      const sealed = parseManifest(readAt(fd, manifestOffset, manifestLength), file);
      checkEntryList(sealed.manifest.entries, manifestOffset, file);
      return new BackupReader(file, fd, sealed);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  entry(name: string): ManifestEntry {
    return this.sealed.manifest.entries.find((e) => e.name === name)!;
  }

  /** A small entry's bytes (the key file). */
  bytesOf(entry: ManifestEntry): Buffer {
    return readAt(this.fd, entry.offset, entry.size);
  }

  /** Each chunk of `entry` in order (one for all but big entries); `onChunk` may yield. */
  async eachChunk(entry: ManifestEntry, onChunk: (bytes: Buffer) => Promise<void> | void) {
    const buffer = Buffer.allocUnsafe(Math.min(entry.size, CHUNK_BYTES));
    for (let at = 0; at < entry.size;) {
      const want = Math.min(CHUNK_BYTES, entry.size - at);
      const read = readSync(this.fd, buffer, 0, want, entry.offset + at);
      // The layout was checked against the file's size on open: a short read now means the
      // file changed under us.
      if (read !== want)
        throw refused('backup_unreadable', `${this.file} changed while it was being read`);
      await onChunk(buffer.subarray(0, read));
      at += read;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let at = 0; at < length;) {
    const read = readSync(fd, bytes, at, length - at, offset + at);
    if (read === 0) break;
    at += read;
  }
  return bytes;
}

/** Header and trailer; returns where the manifest starts. */
function checkEnds(fd: number, size: number, file: string): number {
  const head = readAt(fd, 0, Math.min(size, HEADER_BYTES));
  if (head.subarray(0, 4).equals(ZIP_MAGIC))
    throw refused(
      'backup_unreadable',
      `${file} is a zip, the layout of backups made by development builds before this one: it cannot be restored by this version`,
    );
  if (size < HEADER_BYTES || !head.subarray(0, 8).equals(HEADER_MAGIC))
    throw refused('backup_unreadable', `${file} is not a Review Desk backup (${size} bytes)`);
  const version = head.readUInt32LE(8);
  if (version > BACKUP_FORMAT_VERSION)
    throw refused(
      'backup_too_new',
      `${file} was made by a newer Review Desk (backup format ${version}; this version reads ${BACKUP_FORMAT_VERSION}): update the app to restore it`,
    );
  if (version !== BACKUP_FORMAT_VERSION)
    throw refused('backup_unreadable', `${file} has an unknown backup format ${version}`);
  const cut = () =>
    refused(
      'backup_unreadable',
      `${file} is not a whole backup: it ends without its closing record (${size} bytes), so it was cut short`,
    );
  if (size < HEADER_BYTES + TRAILER_BYTES) throw cut();
  const trailer = readAt(fd, size - TRAILER_BYTES, TRAILER_BYTES);
  if (!trailer.subarray(16).equals(TRAILER_MAGIC)) throw cut();
  const manifestOffset = Number(trailer.readBigUInt64LE(0));
  const manifestLength = Number(trailer.readBigUInt64LE(8));
  if (
    manifestOffset < HEADER_BYTES ||
    manifestLength > MANIFEST_MAX_BYTES ||
    manifestOffset + manifestLength !== size - TRAILER_BYTES
  )
    throw refused(
      'backup_altered',
      `${file}: its closing record does not point at its manifest: the file was altered`,
    );
  return manifestOffset;
}

function parseManifest(bytes: Buffer, file: string): SealedManifest {
  let parsed;
  try {
    parsed = sealedManifest.safeParse(JSON.parse(bytes.toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success)
    throw refused('backup_altered', `${file}: its manifest is not readable: the file was altered`);
  return parsed.data;
}

/**
 * The entries must be the key file, the database and evidence files only, once each, and tile
 * the bytes between header and manifest exactly: nothing unlisted can hide between them.
 */
function checkEntryList(entries: ManifestEntry[], manifestOffset: number, file: string): void {
  for (const name of [ENTRY.keys, ENTRY.database])
    if (!entries.some((e) => e.name === name))
      throw refused(
        'backup_incomplete',
        `${file} lacks its ${name}: it is not a whole Review Desk backup`,
      );
  const seen = new Set<string>();
  let end = HEADER_BYTES;
  for (const entry of entries) {
    if (!isWorkspaceFileEntry(entry.name) && !evidenceEntryParts(entry.name))
      throw refused('backup_altered', `${file}: ${entry.name} is not a name a backup holds`);
    if (seen.has(entry.name))
      throw refused(
        'backup_altered',
        `${file}: ${entry.name} is listed twice: the file was altered`,
      );
    seen.add(entry.name);
    if (entry.offset !== end)
      throw refused(
        'backup_altered',
        `${file}: ${entry.name} does not start where the entry before it ends (byte ${end}): the file was altered`,
      );
    end = entry.offset + entry.size;
  }
  if (end !== manifestOffset)
    throw refused(
      'backup_altered',
      `${file}: bytes ${end}–${manifestOffset} are in no entry its manifest lists (not in its manifest): the file was altered`,
    );
}

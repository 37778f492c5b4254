import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../hashing';
import { removeStaleFiles } from '../new-file';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const SHARD = /^[0-9a-f]{2}$/;
/** What put() names its temp file: `.tmp-<pid>-<12 hex>`. */
const TEMP_FILE_NAME = /^\.tmp-\d+-[0-9a-f]{12}$/;

export interface StoredEvidence {
  sha256: string;
  sizeBytes: number;
  path: string;
}

/**
 * Evidence bytes named by their SHA-256 under <dataDir>/evidence/<2 hex>/<sha256>. The name
 * is the content, so a stored file is never rewritten and identical uploads share one file.
 */
export class EvidenceStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'evidence');
  }

  /** Throws on anything but a lowercase hex digest: the hash may come from the renderer. */
  pathFor(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return SHA256_HEX.test(sha256) && existsSync(this.pathFor(sha256));
  }

  read(sha256: string): Buffer {
    return readFileSync(this.pathFor(sha256));
  }

  put(bytes: Uint8Array): StoredEvidence {
    const sha256 = sha256Hex(bytes);
    const path = this.pathFor(sha256);
    const stored = { sha256, sizeBytes: bytes.byteLength, path };
    if (existsSync(path)) return stored;

    const dir = join(this.root, sha256.slice(0, 2));
    mkdirSync(dir, { recursive: true });
    // Temp names start with a dot and never match a digest, so a crash leaves only litter
    // that pathFor can never return (and removeLeftoverTempFiles clears at workspace open).
    const temp = join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      const fd = openSync(temp, 'wx', 0o600);
      try {
        let written = 0;
        while (written < bytes.byteLength) {
          written += writeSync(fd, bytes, written, bytes.byteLength - written);
        }
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      chmodSync(temp, 0o444);
      try {
        renameSync(temp, path);
      } catch (error) {
        // Another writer got there first; same name means same bytes.
        if (!existsSync(path)) throw error;
      }
    } finally {
      rmSync(temp, { force: true });
    }
    syncDirectory(dir);
    return stored;
  }

  /**
   * Removes the temp files that a put() killed mid-write left in the shards (old enough that no
   * other process can still be writing them: see removeStaleFiles); returns how many.
   */
  removeLeftoverTempFiles(now = Date.now()): number {
    let removed = 0;
    for (const shard of shardsIn(this.root))
      removed += removeStaleFiles(
        join(this.root, shard),
        (name) => TEMP_FILE_NAME.test(name),
        now,
      ).length;
    return removed;
  }
}

function shardsIn(root: string): string[] {
  try {
    return readdirSync(root).filter((name) => SHARD.test(name));
  } catch {
    // No evidence stored yet.
    return [];
  }
}

/** Makes the rename durable on POSIX; Windows cannot open a directory, and needs no fsync. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the file itself is already complete on disk.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

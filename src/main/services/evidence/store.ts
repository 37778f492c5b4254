import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
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
import { dirname, join } from 'node:path';
import { sha256Hex } from '../hashing';
import { removeStaleFiles } from '../new-file';
import { derivedKey, type WorkspaceKey } from '../workspace-key';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const SHARD = /^[0-9a-f]{2}$/;
/** What put() names its temp file: `.tmp-<pid>-<12 hex>`. */
const TEMP_FILE_NAME = /^\.tmp-\d+-[0-9a-f]{12}$/;

export interface StoredEvidence {
  sha256: string;
  sizeBytes: number;
  path: string;
}

/** What every stored file starts with: the format, then the IV and the GCM tag. */
const MAGIC = Buffer.from('RDE1', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES + TAG_BYTES;

/** The stored file does not decrypt: altered on disk, or from another workspace. */
export class StoredEvidenceAlteredError extends Error {
  readonly code = 'EVIDENCE_ALTERED';
  constructor(sha256: string) {
    super(`the stored evidence file for ${sha256} does not decrypt: it was altered on disk`);
    this.name = 'StoredEvidenceAlteredError';
  }
}

/**
 * Evidence bytes, encrypted (AES-256-GCM under a key derived from the workspace key), stored
 * under <dataDir>/evidence/<2 hex>/<name>. The name is an HMAC of the content's SHA-256 under
 * another derived key: still one name per content, so a stored file is never rewritten and
 * identical uploads share one file, yet the folder does not reveal which known file it holds.
 * The content's SHA-256 is bound in as authenticated data, so a file moved to another name
 * does not decrypt.
 */
export class EvidenceStore {
  readonly root: string;
  readonly #cipherKey: Buffer;
  readonly #nameKey: Buffer;

  constructor(dataDir: string, key: WorkspaceKey) {
    this.root = join(dataDir, 'evidence');
    this.#cipherKey = derivedKey(key, 'evidence');
    this.#nameKey = derivedKey(key, 'evidence-names');
  }

  /** The size on disk of a stored file whose content is `sizeBytes` long. */
  static storedSize(sizeBytes: number): number {
    return HEADER_BYTES + sizeBytes;
  }

  /** Throws on anything but a lowercase hex digest: the hash may come from the renderer. */
  pathFor(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    const name = createHmac('sha256', this.#nameKey).update(sha256).digest('hex');
    return join(this.root, name.slice(0, 2), name);
  }

  #encrypt(bytes: Uint8Array, sha256: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#cipherKey, iv);
    cipher.setAAD(Buffer.from(sha256, 'latin1'));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
  }

  #decrypt(stored: Buffer, sha256: string): Buffer {
    if (stored.length < HEADER_BYTES || !stored.subarray(0, MAGIC.length).equals(MAGIC))
      throw new StoredEvidenceAlteredError(sha256);
    try {
      const iv = stored.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', this.#cipherKey, iv);
      decipher.setAAD(Buffer.from(sha256, 'latin1'));
      decipher.setAuthTag(stored.subarray(MAGIC.length + IV_BYTES, HEADER_BYTES));
      return Buffer.concat([decipher.update(stored.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new StoredEvidenceAlteredError(sha256);
    }
  }

  has(sha256: string): boolean {
    return SHA256_HEX.test(sha256) && existsSync(this.pathFor(sha256));
  }

  /** The content as it was put (throws ENOENT when gone, StoredEvidenceAlteredError when changed). */
  read(sha256: string): Buffer {
    return this.#decrypt(readFileSync(this.pathFor(sha256)), sha256);
  }

  put(content: Uint8Array): StoredEvidence {
    const sha256 = sha256Hex(content);
    const path = this.pathFor(sha256);
    const stored = { sha256, sizeBytes: content.byteLength, path };
    if (existsSync(path)) return stored;

    const bytes = this.#encrypt(content, sha256);
    const dir = dirname(path);
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
    return readdirSync(root)
      .filter((name) => SHARD.test(name))
      .sort();
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

import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { headerBytes, trailerBytes, type ManifestEntry, type SealedManifest } from './format';

/**
 * Bytes gathered before one write; also the most read from a source at once. 1 MiB: on this
 * machine's ext4, 376 MB written in 8 MiB writes took 80–830 ms, in 1 MiB writes ~60 ms.
 */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Writes a backup file front to back (format.ts): header, entries, manifest, trailer. Each
 * entry is hashed as it is added and listed with its offset. Synchronous and allocation-free
 * on purpose: every source is read straight into one reused output buffer, hashed there, and
 * written 1 MiB at a time. (A stream per evidence file cost ~0.6 ms each, and reading each
 * file into a fresh buffer ~0.15 ms; this costs ~20 µs.) The caller yields to the event loop
 * between entries.
 */
export class BackupWriter {
  private readonly fd: number;
  private readonly output = Buffer.allocUnsafe(CHUNK_BYTES);
  private buffered = 0;
  private offset = 0;
  readonly entries: ManifestEntry[] = [];

  /** Creates `path` (it must not exist: 'wx'), readable by its owner only. */
  constructor(path: string) {
    this.fd = openSync(path, 'wx', 0o600);
    this.append(headerBytes());
  }

  /** An entry whose bytes are in memory (the key file). */
  addBytes(name: string, bytes: Buffer): ManifestEntry {
    const entry = {
      name,
      offset: this.offset,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    this.append(bytes);
    this.entries.push(entry);
    return entry;
  }

  /**
   * An entry copied from the file at `path`, whatever its size; null (nothing added) when there
   * is no such file. `onChunk` hears how many bytes each read brought.
   */
  addFile(name: string, path: string, onChunk?: (bytes: number) => void): ManifestEntry | null {
    let source: number;
    try {
      source = openSync(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const hash = createHash('sha256');
    const offset = this.offset;
    try {
      // Read straight into the output buffer, hashed where it lies: no copy.
      for (;;) {
        if (this.buffered === CHUNK_BYTES) this.flush();
        const read = readSync(
          source,
          this.output,
          this.buffered,
          CHUNK_BYTES - this.buffered,
          null,
        );
        if (read === 0) break;
        hash.update(this.output.subarray(this.buffered, this.buffered + read));
        this.buffered += read;
        this.offset += read;
        onChunk?.(read);
      }
    } finally {
      closeSync(source);
    }
    const entry = { name, offset, size: this.offset - offset, sha256: hash.digest('hex') };
    this.entries.push(entry);
    return entry;
  }

  /** The sealed manifest and the trailer; then the file is closed (not yet fsynced). */
  finish(sealed: SealedManifest): void {
    const manifest = Buffer.from(JSON.stringify(sealed));
    const manifestOffset = this.offset;
    this.append(manifest);
    this.append(trailerBytes(manifestOffset, manifest.length));
    this.flush();
    this.close();
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Copies `bytes` into the output buffer, writing it out each time it fills. */
  private append(bytes: Buffer): void {
    for (let at = 0; at < bytes.length;) {
      const taken = bytes.copy(this.output, this.buffered, at);
      this.buffered += taken;
      at += taken;
      if (this.buffered === CHUNK_BYTES) this.flush();
    }
    this.offset += bytes.length;
  }

  private flush(): void {
    for (let at = 0; at < this.buffered;)
      at += writeSync(this.fd, this.output, at, this.buffered - at);
    this.buffered = 0;
  }
}

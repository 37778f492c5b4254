import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { Writable } from 'node:stream';

/**
 * Where a ledger's bytes go as the writers make them, hashed on the way for the audit entry:
 * straight into the temp file an export becomes (exportLedger), or into memory when the file's
 * place is not known yet (the app renders before its save dialog). Either way no writer holds
 * the whole file or a model of it.
 */
export interface LedgerSink {
  put(chunk: Uint8Array): void;
  sha256(): string;
}

abstract class HashingSink implements LedgerSink {
  private readonly hash = createHash('sha256');
  put(chunk: Uint8Array): void {
    this.store(chunk);
    this.hash.update(chunk);
  }
  sha256(): string {
    return this.hash.copy().digest('hex');
  }
  protected abstract store(chunk: Uint8Array): void;
}

/** Into an open file, synchronously: a local temp file, a megabyte or two. */
export class FileSink extends HashingSink {
  constructor(private readonly fd: number) {
    super();
  }
  protected store(chunk: Uint8Array): void {
    let written = 0;
    while (written < chunk.length)
      written += writeSync(this.fd, chunk, written, chunk.length - written);
  }
}

export class MemorySink extends HashingSink {
  private readonly chunks: Uint8Array[] = [];
  protected store(chunk: Uint8Array): void {
    this.chunks.push(chunk);
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** The sink as the Node stream exceljs's streaming writer pipes its zip into. */
export function writableOf(sink: LedgerSink): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        sink.put(chunk);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

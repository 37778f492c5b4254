import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ImportRequest } from '../../../shared/ipc/intake-schemas';
import { ServiceError } from '../errors';
import { checkColumns, restoreRoundTrip } from './batch-columns';
import { rowPreparer, type PreparedChunk } from './prepare-rows';
import { openBatchReader, type BatchFormat } from './readers';
import type { TextEncoding } from './readers/encoding';

/** What an import learns of its file as it opens it. */
export interface BatchFileFacts {
  format: BatchFormat;
  encoding: TextEncoding | null;
  totalBytes: number;
}

/** A batch file read and its rows prepared (prepare-rows.ts), chunk by chunk. */
export interface PreparedSource {
  facts: BatchFileFacts;
  chunks(): AsyncGenerator<PreparedChunk>;
}

/**
 * A batch file on its way in, in this thread (prepareInThisThread) or on a worker
 * (prepare-in-worker.ts); the import cannot tell which. First the file's hash, so a file
 * imported before is refused before anything else is said about it; then the opened file.
 */
export interface PreparingBatch {
  contentHash(): Promise<string>;
  /** Opens the file (refusing an unreadable one, or one whose columns do not map). */
  opened(): Promise<PreparedSource>;
  close(): void;
}

export async function hashBatchFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
      hash.update(chunk as Buffer);
  } catch {
    throw new ServiceError('validation_failed', `${file} cannot be read`);
  }
  return hash.digest('hex');
}

/** Opens the file and checks its columns; then prepares its rows as they are read. */
export async function openPrepared(
  request: ImportRequest,
): Promise<PreparedSource & { close(): void }> {
  const reader = await openBatchReader(request.file, { sheet: request.sheet ?? null });
  try {
    // A quarantine export coming back carries the export's formula guard in every cell; it is
    // removed here, where it was added, so the claims get the source's text (issue 12).
    const restore = restoreRoundTrip(reader.headers);
    const prepare = rowPreparer(checkColumns(restore.headers, request), restore);
    return {
      facts: { format: reader.format, encoding: reader.encoding, totalBytes: reader.totalBytes },
      async *chunks() {
        for await (const chunk of reader.chunks()) yield prepare(chunk, reader.bytesRead());
      },
      close: () => reader.close(),
    };
  } catch (error) {
    reader.close();
    throw error;
  }
}

export function prepareInThisThread(request: ImportRequest): PreparingBatch {
  let opening: Promise<PreparedSource & { close(): void }> | null = null;
  let closed = false;
  return {
    contentHash: () => hashBatchFile(request.file),
    opened: () => {
      opening ??= openPrepared(request).then((source) => {
        // Closed while it was opening (a cancel): release the file as soon as it opens.
        if (closed) source.close();
        return source;
      });
      return opening;
    },
    close: () => {
      closed = true;
      opening?.then((source) => source.close()).catch(() => undefined);
    },
  };
}

import { ServiceError } from '../errors';
import { UnreadableBatchError } from './readers';

export class ImportCancelledError extends ServiceError {
  constructor() {
    super('conflict', 'the import was cancelled; nothing was written');
    this.name = 'ImportCancelledError';
  }
}

/**
 * How long a reader may go without handing over data before the import gives up on it. Local
 * files never stall this long; a reader that does is stuck (a damaged file a library cannot get
 * out of), and waiting on it would hold the write lock for ever.
 */
export const READ_STALL_MS = 60_000;

/**
 * Waits for a step of the read (opening the file, the next chunk of rows), but never past a
 * cancel or a stall: the import then ends at once and its caller rolls back and releases the
 * write lock, whatever the reader is still doing. The reader is closed by that caller.
 */
export function readUntilStopped<T>(
  step: Promise<T>,
  stop: { file: string; signal?: AbortSignal; stallMs?: number },
): Promise<T> {
  const stallMs = stop.stallMs ?? READ_STALL_MS;
  if (stop.signal?.aborted) return Promise.reject(new ImportCancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => finish(() => reject(new ImportCancelledError()));
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new UnreadableBatchError(
              stop.file,
              `the reader gave no data for ${Math.round(stallMs / 1000)} seconds; the file may be damaged in a way it cannot get out of, and nothing is imported`,
              'reader_stalled',
            ),
          ),
        ),
      stallMs,
    );
    function finish(settle: () => void) {
      clearTimeout(timer);
      stop.signal?.removeEventListener('abort', onAbort);
      settle();
    }
    stop.signal?.addEventListener('abort', onAbort, { once: true });
    step.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

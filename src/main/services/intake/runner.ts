import type { ImportReport, ImportRequest } from '../../../shared/ipc/intake-schemas';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { importBatch } from './import-batch';

/**
 * The workspace's write lock as the app shares it. An import holds SQLite's write lock until it
 * commits, on a connection of its own, while the app keeps serving; any other write meanwhile
 * would wait on SQLite's busy timeout with the main process blocked, then fail. So:
 * - one import at a time, and none while another write is under way;
 * - no write while an import runs: refused at once with `conflict`.
 * The router applies this to every channel its contract marks `write` or `import`; no handler
 * calls it itself.
 */
export class ImportRunner {
  private current: AbortController | null = null;
  private writesUnderWay = 0;

  get importRunning(): boolean {
    return this.current !== null;
  }

  async run(ctx: ServiceContext, request: ImportRequest): Promise<ImportReport> {
    if (this.current)
      throw new ServiceError('conflict', 'another import is running; wait for it or cancel it');
    if (this.writesUnderWay > 0)
      throw new ServiceError(
        'conflict',
        'a change is being saved; start the import again in a moment',
      );
    const controller = new AbortController();
    this.current = controller;
    try {
      return await importBatch(ctx, request, {
        signal: controller.signal,
        // The app's main thread serves the window: a large import's checkpoint runs elsewhere.
        checkpoint: 'background',
        onProgress: (progress) => ctx.emit?.('intake:progress', progress),
      });
    } finally {
      this.current = null;
    }
  }

  cancel(): boolean {
    if (!this.current) return false;
    this.current.abort();
    return true;
  }

  /** Runs a write (sync or async) unless an import holds the lock; an import waits it out. */
  async write<T>(write: () => T | Promise<T>): Promise<T> {
    if (this.current)
      throw new ServiceError('conflict', 'an import is running; try again when it has finished');
    this.writesUnderWay += 1;
    try {
      return await write();
    } finally {
      this.writesUnderWay -= 1;
    }
  }
}

import type { ImportReport, ImportRequest } from '../../../shared/ipc/import-schemas';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { importBatch } from './import-batch';

/**
 * One import at a time per workspace: the import holds the database's write lock until it
 * commits, so a second import, or any other write, must wait for it to finish.
 */
export class ImportRunner {
  private current: AbortController | null = null;

  get running(): boolean {
    return this.current !== null;
  }

  async run(ctx: ServiceContext, request: ImportRequest): Promise<ImportReport> {
    if (this.current)
      throw new ServiceError('conflict', 'another import is running; wait for it or cancel it');
    const controller = new AbortController();
    this.current = controller;
    try {
      return await importBatch(ctx, request, {
        signal: controller.signal,
        onProgress: (progress) => ctx.emit?.('import:progress', progress),
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

  /** Wraps a writing use case so it fails clearly instead of waiting on the import's lock. */
  guardWrite<T>(write: () => T): T {
    if (this.current)
      throw new ServiceError('conflict', 'an import is running; try again when it has finished');
    return write();
  }
}

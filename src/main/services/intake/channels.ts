import { listBatches } from '../../db/repositories/batches';
import { listQuarantine } from '../../db/repositories/quarantine';
import { demoBatchPaths } from '../../demo/demo-batch-paths';
import type { Serve } from '../channel';
import { inspectBatchFile } from './inspect';
import { discardQuarantineEntry } from './quarantine-discard';
import { exportQuarantineCsv } from './quarantine-export';

/** intake:* — loading claim batches with their evidence, and the rows held back. */
export const batches: Serve<'intake:batches'> = (ctx) => ({ batches: listBatches(ctx.db) });

export const chooseFile: Serve<'intake:chooseFile'> = async (_ctx, request, io) => {
  return { path: await io.chooseFile(request.kind) };
};

export const inspect: Serve<'intake:inspect'> = (_ctx, request) =>
  inspectBatchFile(request.file, request.sheet ?? null);

export const start: Serve<'intake:start'> = (ctx, request, io) => io.imports.run(ctx, request);

export const cancel: Serve<'intake:cancel'> = (_ctx, _request, io) => ({
  cancelled: io.imports.cancel(),
});

export const loadDemo: Serve<'intake:loadDemo'> = (ctx, _request, io) =>
  io.imports.run(ctx, demoBatchPaths(io.platform.resourcesDir));

export const quarantine: Serve<'intake:quarantine'> = (ctx, request) => ({
  entries: listQuarantine(ctx.db, request.batchId).map(
    ({
      sourceRow,
      importFileId: _file,
      existingBatchId: _batch,
      fixesEntryId: _fixes,
      ...entry
    }) => ({
      ...entry,
      row: sourceRow,
    }),
  ),
});

export const discardQuarantineRow: Serve<'intake:discardQuarantineRow'> = (ctx, request) => {
  discardQuarantineEntry(ctx, request);
  return { entryId: request.entryId };
};

export const exportQuarantine: Serve<'intake:exportQuarantine'> = async (ctx, request, io) => {
  const path = await io.platform.chooseSavePath(`quarantine-batch-${request.batchId}.csv`);
  if (path === null) return { path: null, rows: 0 };
  return { path, ...exportQuarantineCsv(ctx, request.batchId, path) };
};

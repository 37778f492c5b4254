// The worker thread of an import (prepare-in-worker.ts starts it): hashes the batch file, then
// reads it and prepares its rows, handing them to the main thread a chunk at a time, never
// more than the chunks the main thread has room for (its "more" messages), so a million-row
// file is never held whole in memory.
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportRequest } from '../../../shared/ipc/intake-schemas';
import { hashBatchFile, openPrepared } from './prepared-source';
import { describeError, type FromPreparer } from './preparer-messages';

const port = parentPort!;
const { request, chunksAhead } = workerData as { request: ImportRequest; chunksAhead: number };
const send = (message: FromPreparer) => port.postMessage(message);

let room = chunksAhead;
let wake: (() => void) | null = null;
port.on('message', () => {
  room += 1;
  wake?.();
});
const waitForRoom = () =>
  new Promise<void>((resolve) => {
    wake = () => {
      wake = null;
      resolve();
    };
  });

try {
  send({ kind: 'hashed', contentHash: await hashBatchFile(request.file) });
  const source = await openPrepared(request);
  send({ kind: 'opened', facts: source.facts });
  for await (const chunk of source.chunks()) {
    while (room === 0) await waitForRoom();
    room -= 1;
    // The cells' bytes are moved to the main thread, not copied.
    port.postMessage({ kind: 'chunk', chunk } satisfies FromPreparer, [
      chunk.cellsJson.buffer as ArrayBuffer,
    ]);
  }
  source.close();
  send({ kind: 'end' });
} catch (error) {
  send({ kind: 'failed', error: describeError(error) });
}
// Nothing keeps the thread alive after this: the "more" listener is the port's only handle.
port.close();

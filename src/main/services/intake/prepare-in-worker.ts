import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { ImportRequest } from '../../../shared/ipc/intake-schemas';
import { startWorker } from '../../lib/worker-entry';
import type { PreparedChunk } from './prepare-rows';
import { detectFormat } from './readers';
import { prepareInThisThread, type PreparedSource, type PreparingBatch } from './prepared-source';
import { errorFrom, type FromPreparer } from './preparer-messages';

/**
 * Chunks the worker may prepare ahead of the one being inserted: enough that the main thread
 * never waits while the worker keeps up, few enough that memory stays flat (a chunk is
 * CHUNK_ROWS rows). Three gave no more speed than two and 25-30 MB more peak at 1M rows.
 */
const CHUNKS_AHEAD = 2;

/**
 * A CSV file streams in chunks bounded in rows and characters (readers/types.ts), so its worker
 * needs little heap; held to that, it collects its garbage early instead of growing (a million
 * rows stay within the import's memory budget, bench import.1m). Workbooks and JSON files are
 * held whole in places (shared strings, the parsed array), so theirs are left unbounded.
 */
const CSV_WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

function limitsFor(file: string): ResourceLimits | undefined {
  try {
    return detectFormat(file) === 'csv' ? CSV_WORKER_LIMITS : undefined;
  } catch {
    return undefined; // the worker refuses a file it cannot open, with the reader's words
  }
}

/** The worker's messages as a queue the import awaits one at a time. */
function inbox(worker: Worker): () => Promise<FromPreparer> {
  const waiting: FromPreparer[] = [];
  let wake: ((message: FromPreparer) => void) | null = null;
  let broken: unknown = null;
  let fail: ((error: unknown) => void) | null = null;
  const deliver = (message: FromPreparer) => {
    if (wake) {
      const resolve = wake;
      wake = fail = null;
      resolve(message);
    } else waiting.push(message);
  };
  const breakDown = (error: unknown) => {
    broken ??= error;
    if (fail) {
      const reject = fail;
      wake = fail = null;
      reject(broken);
    }
  };
  worker.on('message', deliver);
  worker.on('error', breakDown);
  worker.on('exit', (code) =>
    breakDown(new Error(`the worker thread stopped (exit code ${code})`)),
  );
  return () => {
    const next = waiting.shift();
    if (next) return Promise.resolve(next);
    if (broken !== null) return Promise.reject(broken);
    return new Promise((resolve, reject) => {
      wake = resolve;
      fail = reject;
    });
  };
}

/**
 * The batch read and prepared on a worker thread (prepare-worker.ts), so reading, decoding,
 * checking and hashing rows take the second core while the main thread inserts. Its refusals
 * are the in-thread ones, rebuilt from the worker's message. A worker that cannot start at all
 * (a broken build) is not a reason to refuse the file: this thread prepares it instead, slower.
 */
export function prepareInWorker(request: ImportRequest): PreparingBatch {
  let fallback: PreparingBatch | null = null;
  const prepareHere = (cause: unknown) => {
    console.warn(
      `the import's worker thread did not start (${String(cause)}); preparing rows in the main thread`,
    );
    fallback = prepareInThisThread(request);
    return fallback;
  };
  let worker: Worker | null = null;
  let next: () => Promise<FromPreparer> = () => Promise.reject(new Error('no worker'));
  try {
    worker = startWorker(import.meta.url, 'prepare-worker', {
      workerData: { request, chunksAhead: CHUNKS_AHEAD },
      resourceLimits: limitsFor(request.file),
    });
    next = inbox(worker);
  } catch (error) {
    prepareHere(error);
  }
  const expect = async <K extends FromPreparer['kind']>(kind: K) => {
    const message = await next();
    if (message.kind === 'failed') throw errorFrom(message.error);
    if (message.kind !== kind)
      throw new Error(`the import's worker said "${message.kind}", not "${kind}"`);
    return message as Extract<FromPreparer, { kind: K }>;
  };
  return {
    async contentHash() {
      if (fallback) return fallback.contentHash();
      let hashed: FromPreparer;
      try {
        hashed = await next();
      } catch (error) {
        void worker?.terminate();
        return prepareHere(error).contentHash();
      }
      if (hashed.kind === 'failed') throw errorFrom(hashed.error);
      if (hashed.kind !== 'hashed')
        throw new Error(`the import's worker began with "${hashed.kind}"`);
      return hashed.contentHash;
    },
    async opened(): Promise<PreparedSource> {
      if (fallback) return fallback.opened();
      const { facts } = await expect('opened');
      const port = worker!;
      return {
        facts,
        async *chunks(): AsyncGenerator<PreparedChunk> {
          for (;;) {
            const message = await next();
            if (message.kind === 'end') return;
            if (message.kind === 'failed') throw errorFrom(message.error);
            if (message.kind !== 'chunk')
              throw new Error(`the import's worker said "${message.kind}" amid the rows`);
            port.postMessage('more');
            yield message.chunk;
          }
        },
      };
    },
    close() {
      fallback?.close();
      void worker?.terminate();
    },
  };
}

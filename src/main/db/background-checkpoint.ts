import { statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../lib/worker-entry';
import { keyOfConnectionFor, type Db } from './connection';

/**
 * A WAL this large is copied into the database file on a worker thread rather than by the
 * committing connection. SQLite's own automatic checkpoint starts at 1,000 pages (4 MiB).
 */
const BACKGROUND_FROM_BYTES = 4 * 1024 * 1024;

/** The checkpoint workers still running, by database file, with what ends when each exits. */
const running = new Map<string, Map<Worker, Promise<void>>>();

/**
 * After a large write committed on `db` (whose automatic checkpoint was turned off for it):
 * runs the checkpoint on a worker thread, so the caller gets on with its work; at 100k claims
 * it is about half a second of copying and syncing. Resolves with its seconds, or null when
 * the WAL was small enough to leave to SQLite's automatic checkpoint. A checkpoint that fails
 * or is cut short (the process quit, the workspace locked) loses nothing: the WAL stays and is
 * copied later.
 */
export function checkpointInBackground(
  db: Db,
  nativeBinding: string | undefined,
): Promise<number | null> {
  const walBytes = statSync(`${db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (walBytes < BACKGROUND_FROM_BYTES) return Promise.resolve(null);
  const key = keyOfConnectionFor(db);
  const started = performance.now();
  return new Promise((resolve) => {
    const worker = startWorker(import.meta.url, 'checkpoint-worker', {
      // A copy: the worker zeroes its own when done; the workspace's stays where it is.
      workerData: { file: db.name, key: key === null ? null : Buffer.from(key), nativeBinding },
    });
    // The app may quit meanwhile: the checkpoint is no reason to keep the process alive.
    worker.unref();
    const file = resolvePath(db.name);
    const ofFile = running.get(file) ?? new Map<Worker, Promise<void>>();
    running.set(file, ofFile);
    ofFile.set(
      worker,
      new Promise<void>((exited) =>
        worker.once('exit', () => {
          ofFile.delete(worker);
          if (ofFile.size === 0 && running.get(file) === ofFile) running.delete(file);
          exited();
        }),
      ),
    );
    worker.once('message', () => resolve((performance.now() - started) / 1000));
    worker.once('error', (error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      console.warn(`background checkpoint of ${db.name} failed: ${why}`);
      resolve(null);
    });
    // Ended without a word (terminated): nothing was reported, and nothing is waited for.
    worker.once('exit', () => resolve(null));
  });
}

/** Resolves once no checkpoint worker of `file` is running (at once when none is). */
export async function backgroundCheckpointsEnded(file: string): Promise<void> {
  await Promise.all(running.get(resolvePath(file))?.values() ?? []);
}

/**
 * Ends the checkpoint workers of `file` now, and with them their copies of its key: what
 * locking the workspace does. Resolves when they have exited.
 */
export async function stopBackgroundCheckpoints(file: string): Promise<void> {
  const ofFile = running.get(resolvePath(file));
  if (!ofFile) return;
  await Promise.all([...ofFile.keys()].map((worker) => worker.terminate()));
  await backgroundCheckpointsEnded(file);
}

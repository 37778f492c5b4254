// A worker thread that copies the WAL into the database file (a checkpoint) on a connection of
// its own, so a large import's commit returns without waiting for it (background-checkpoint.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './connection';

const { file, key, nativeBinding } = workerData as {
  file: string;
  key: Buffer | null;
  nativeBinding?: string;
};
interface WalCheckpoint {
  busy: number;
  log: number;
  checkpointed: number;
}
const ATTEMPTS = 20;
const PAUSE_MS = 100;
/** Something to block on between tries: this thread has nothing else to do. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

try {
  // Never made anew: a workspace removed meanwhile has nothing left to checkpoint.
  const db = openDatabase(file, { key, nativeBinding, migrate: false, mustExist: true });
  try {
    // PASSIVE: never waits on the app's connections. A read that began before the import
    // committed holds back the frames after it until it ends, so a short-lived one is waited
    // out: a few tries, a moment apart.
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [done] = db.pragma('wal_checkpoint(PASSIVE)') as WalCheckpoint[];
      if (!done || done.checkpointed >= done.log) break;
      Atomics.wait(PAUSE, 0, 0, PAUSE_MS);
    }
  } finally {
    db.close();
  }
  parentPort!.postMessage({ done: true });
} catch (error) {
  // SQLite's own error class crosses to the main thread as a bare { code }: say it in words.
  const { message, code } = error as { message?: string; code?: string };
  throw new Error(code ? `${message} (${code})` : message, { cause: error });
} finally {
  key?.fill(0);
}

import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BackupProgress } from '../../../shared/ipc/backup-schemas';

/** How long synchronous file work runs before the event loop gets a turn (IPC, timers). */
const WORK_SLICE_MS = 25;
/** How often progress is reported, at most (the screen redraws its bar each time). */
const REPORT_EVERY_MS = 100;

/**
 * Counts the bytes a backup or a restore has done, gives the event loop a turn every
 * WORK_SLICE_MS (so the app stays responsive while files are read and written synchronously)
 * and reports progress every REPORT_EVERY_MS and at each change of phase.
 */
export function pacer(
  onProgress: (progress: BackupProgress) => void,
  totalBytes: number,
): { done: (phase: BackupProgress['phase'], bytes: number) => Promise<void> } {
  let doneBytes = 0;
  let lastPhase: BackupProgress['phase'] | null = null;
  let lastReport = 0;
  let sliceStarted = performance.now();
  return {
    async done(phase, bytes) {
      doneBytes += bytes;
      const now = performance.now();
      if (phase !== lastPhase || now - lastReport >= REPORT_EVERY_MS) {
        lastPhase = phase;
        lastReport = now;
        onProgress({ phase, doneBytes, totalBytes });
      }
      if (now - sliceStarted < WORK_SLICE_MS) return;
      await nextTurn();
      sliceStarted = performance.now();
    },
  };
}

import { useCallback, useRef, useState } from 'react';
import { asApiError, api, type ApiError } from '../../../api/client';
import { useImportProgress } from '../../../api/use-import-progress';
import type { ImportProgress, ImportReport } from '../../../../shared/ipc/intake-schemas';

export type ImportJobState =
  | { status: 'idle' }
  | { status: 'running'; cancelling: boolean; cancelError?: ApiError }
  | { status: 'done'; report: ImportReport }
  | { status: 'cancelled' }
  | { status: 'error'; error: ApiError };

export interface ImportJob {
  state: ImportJobState;
  progress: ImportProgress | null;
  /** Runs one import (a file or the demo); ignored while another is running. */
  run: (start: () => Promise<ImportReport>) => Promise<ImportReport | null>;
  cancel: () => Promise<void>;
  dismiss: () => void;
}

/**
 * One import at a time, whichever button started it: main runs a single import, its progress
 * events carry no job id, and intake:cancel stops whatever is running. The job stays
 * "running" until intake:start settles, so nothing new starts while main rolls back.
 */
export function useImportJob(onSettled: () => void): ImportJob {
  const [state, setState] = useState<ImportJobState>({ status: 'idle' });
  const { progress, reset } = useImportProgress();
  const running = useRef(false);
  const cancelRequested = useRef(false);

  const run = useCallback(
    async (start: () => Promise<ImportReport>) => {
      if (running.current) return null;
      running.current = true;
      let report: ImportReport | null = null;
      cancelRequested.current = false;
      reset();
      setState({ status: 'running', cancelling: false });
      try {
        report = await start();
        setState({ status: 'done', report });
      } catch (cause) {
        // Main answers a cancelled intake:start with an error; that is not a failure to show.
        setState(
          cancelRequested.current
            ? { status: 'cancelled' }
            : { status: 'error', error: asApiError(cause) },
        );
      } finally {
        running.current = false;
      }
      onSettled();
      return report;
    },
    [reset, onSettled],
  );

  const cancel = useCallback(async () => {
    if (!running.current) return;
    cancelRequested.current = true;
    setState({ status: 'running', cancelling: true });
    try {
      const { cancelled } = await api.intake.cancel();
      // Too late to cancel (already committing): the import's own answer will arrive.
      if (!cancelled && running.current) {
        cancelRequested.current = false;
        setState({ status: 'running', cancelling: false });
      }
    } catch (cause) {
      cancelRequested.current = false;
      if (running.current)
        setState({ status: 'running', cancelling: false, cancelError: asApiError(cause) });
    }
  }, []);

  const dismiss = useCallback(() => {
    if (running.current) return;
    reset();
    setState({ status: 'idle' });
  }, [reset]);

  return { state, progress, run, cancel, dismiss };
}

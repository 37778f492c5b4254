import { useCallback, useEffect, useState } from 'react';
import type { ImportProgress } from '../../shared/ipc/intake-schemas';
import { subscribe } from './client';

/**
 * The latest 'intake:progress' event from main, or null before the first one (and after
 * reset()). Subscribes on mount and unsubscribes on unmount.
 */
export function useImportProgress(): { progress: ImportProgress | null; reset: () => void } {
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  useEffect(() => subscribe('intake:progress', setProgress), []);

  const reset = useCallback(() => setProgress(null), []);
  return { progress, reset };
}

import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from './client';

export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; value: T };

type Settled<T> = Exclude<Loadable<T>, { status: 'loading' }>;

/**
 * Calls `fetcher(arg)` whenever `arg` changes and on reload(). `fetcher` should be a stable
 * function, such as `api.claims.get` from ./client; `arg` is a small JSON request compared by its
 * text, so callers may pass a fresh object literal on every render.
 *
 * An answer for an older `arg` is dropped and never shown (it would describe another claim);
 * a reload keeps the previous answer on screen until the new one arrives, so nothing flickers
 * after a save.
 */
export function useApi<A, T>(
  fetcher: (arg: A) => Promise<T>,
  arg: A,
  /** Changing it fetches again, like reload(), for a parent that knows the data moved. */
  refresh: number = 0,
): { state: Loadable<T>; reload: () => void } {
  const key = arg === undefined ? '' : JSON.stringify(arg);
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<{ key: string; result: Settled<T> } | null>(null);

  useEffect(() => {
    let current = true;
    // Rebuilt from the key so the effect depends on the request's value, not its identity.
    const request = (key === '' ? undefined : JSON.parse(key)) as A;
    fetcher(request).then(
      (value) => current && setSettled({ key, result: { status: 'ready', value } }),
      (error: unknown) =>
        current && setSettled({ key, result: { status: 'error', error: asApiError(error) } }),
    );
    return () => {
      current = false;
    };
  }, [fetcher, key, generation, refresh]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const state: Loadable<T> =
    settled !== null && settled.key === key ? settled.result : { status: 'loading' };
  return { state, reload };
}

import { useCallback, useState } from 'react';
import { asApiError, type ApiError } from './client';

export interface WriteOptions {
  /**
   * false for a step that must not mark the form busy, such as choosing a file in main's
   * dialog: the buttons stay enabled and keep their label. Default true.
   */
  pending?: boolean;
  /**
   * Stay pending after a success, for a caller that is about to be replaced (the answer
   * navigates or remounts it): a second click in between would act on a stale screen.
   */
  holdOnSuccess?: boolean;
}

export interface Write {
  /**
   * Runs `write` (usually one `api.area.verb(request)` call from ./client). Clears the error
   * first; resolves to the answer, or to undefined after a failure, which it keeps in `error`.
   * It never rejects, so a caller continues after it (reload a list, close a dialog) only when
   * it has an answer. Every channel answers an object, so undefined always means a failure.
   */
  run: <T extends object>(
    write: () => Promise<T>,
    options?: WriteOptions,
  ) => Promise<T | undefined>;
  /** True while a write runs (unless run with `pending: false`): disable the buttons with it. */
  pending: boolean;
  /** The last write's failure, for ErrorNotice, which words it by its code; null otherwise. */
  error: ApiError | null;
  /** Forgets the error, e.g. when the person edits the form again. */
  clearError: () => void;
}

/**
 * A form's writes to main: their pending state and their error, in one place. A component may
 * run several writes through one useWrite; they share its error notice, as they share its form.
 */
export function useWrite(): Write {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async <T extends object>(
      write: () => Promise<T>,
      { pending: marks = true, holdOnSuccess = false }: WriteOptions = {},
    ): Promise<T | undefined> => {
      if (marks) setPending(true);
      setError(null);
      try {
        const answer = await write();
        if (marks && !holdOnSuccess) setPending(false);
        return answer;
      } catch (cause) {
        setError(asApiError(cause));
        if (marks) setPending(false);
        return undefined;
      }
    },
    [],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}

/**
 * A value worked out the first time it is asked for, then remembered: for probes that may be
 * slow or prompt (the OS keychain), which should run when needed rather than at every start.
 * A probe that throws is tried again next time.
 */
export function onFirstUse<T>(probe: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = probe();
      done = true;
    }
    return value;
  };
}

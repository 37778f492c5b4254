import { useEffect, useState } from 'react';

/**
 * Who acts at this machine lives in main (the key unlocked there) and changes only through a
 * few calls of this window: people:unlock, people:lock, and a roster import, which may rename
 * the acting person or stop them acting. The component that made such a call announces it;
 * whatever shows the acting person (the top bar, Settings) reads people:list again. Screens
 * that are not on show read it afresh when they mount, so they need no announcement.
 */
const listeners = new Set<() => void>();

export function announceActingChanged(): void {
  for (const listener of listeners) listener();
}

/** A number that grows at each announcement: pass it as useApi's `refresh`. */
export function useActingChanges(): number {
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const listener = () => setGeneration((g) => g + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return generation;
}

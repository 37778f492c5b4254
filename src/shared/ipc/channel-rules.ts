import type { PersonRole } from './review-schemas';

/**
 * How the router treats a channel, declared in the channel's contract entry beside its schemas,
 * so no handler has to remember it:
 * - `lock`: `write` for a channel that writes the workspace (refused up front with `conflict`
 *   while an import holds the write lock, and an import cannot start while it runs); `import`
 *   for a channel that runs an import; `none` for one that only reads. Every entry says which.
 * - `paths`: the request fields that name files on disk. Each must be a path the person chose
 *   in one of main's dialogs or dropped on the window, or the call is `forbidden`. `a[]` is
 *   every string of the array `a`; `a[].b` the field `b` of each of its objects.
 * - `roles`: the roster roles whose unlocked key may call it (refused `forbidden` otherwise,
 *   before the service runs). Absent or `anyone`: no key needed (reading, loading a batch).
 *   The audit log holds the same rule again for the act itself (shared/domain/acts.ts).
 * - `whileLocked`: the channel answers while the workspace is locked (the vault's own). Every
 *   other channel is refused with `locked` until the workspace is open (vault-schemas.ts).
 */
export type ChannelLock = 'none' | 'write' | 'import';

export interface ChannelRules {
  lock: ChannelLock;
  paths?: readonly string[];
  roles?: 'anyone' | readonly PersonRole[];
  whileLocked?: true;
}

/** The request fields, as `paths` spells them, that hold a string or strings. */
export type PathIn<T> = T extends object
  ? {
      [K in keyof T & string]-?: NonNullable<T[K]> extends string
        ? K
        : NonNullable<T[K]> extends readonly (infer E)[]
          ? NonNullable<E> extends string
            ? `${K}[]`
            : NonNullable<E> extends object
              ? `${K}[].${PathIn<NonNullable<E>> & string}`
              : never
          : never;
    }[keyof T & string]
  : never;

/** Every string a `paths` entry names in a request: absent, null and empty values are none. */
export function valuesAtPath(request: unknown, path: string): string[] {
  let current: unknown[] = [request];
  for (const step of path.split('.')) {
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    const next: unknown[] = [];
    for (const item of current) {
      if (item === null || typeof item !== 'object' || !Object.hasOwn(item, key)) continue;
      const value = (item as Record<string, unknown>)[key];
      if (many && Array.isArray(value)) next.push(...value);
      else if (!many) next.push(value);
    }
    current = next;
  }
  return current.filter((value): value is string => typeof value === 'string' && value !== '');
}

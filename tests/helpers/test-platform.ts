import { join } from 'node:path';
import type { Platform } from '../../src/main/services/platform';
import type { KeyProtector } from '../../src/main/services/identity';

export const RESOURCES_DIR = join(import.meta.dirname, '../../resources');

/**
 * The app's platform hooks without Electron: a path "chosen" in a dialog, to open or to save,
 * is whatever the test queued next.
 */
export function testPlatform(
  chosen: (string | null)[] = [],
  /** An OS keychain stand-in (InMemoryKeyProtector); none, as on a machine without one. */
  keyProtector?: KeyProtector,
): Platform & { chosen: (string | null)[] } {
  return {
    appVersion: '0.0.0-test',
    keyProtector: () => keyProtector,
    resourcesDir: RESOURCES_DIR,
    chosen,
    chooseFile: async () => chosen.shift() ?? null,
    chooseSavePath: async () => chosen.shift() ?? null,
    // Several paths queued as one entry, separated by newlines (a path never holds one here).
    chooseFiles: async () => (chosen.shift() ?? '').split('\n').filter(Boolean),
  };
}

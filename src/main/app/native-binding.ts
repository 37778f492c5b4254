import { join } from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives. scripts/electron-native.mjs writes it
 * to the same place (a test keeps the two in step); Node's own build stays in node_modules,
 * so tests and the app never fight over one file.
 */
export function electronNativeBindingPath(
  appRoot: string,
  electronVersion: string,
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  return join(
    appRoot,
    '.native',
    `electron-${electronVersion}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}

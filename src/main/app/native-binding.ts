import { join } from 'node:path';

/** What decides whether a compiled better-sqlite3 can be loaded by a given Electron. */
export interface NativeBuildTarget {
  betterSqlite3Version: string;
  electronVersion: string;
  /** NODE_MODULE_VERSION of the runtime that loads the addon (process.versions.modules). */
  abi: string;
  platform: string;
  arch: string;
}

/**
 * Where the Electron-ABI build of better-sqlite3 lives in a checkout (not when packaged: see
 * packagedNativeBindingPath). scripts/electron-native.mjs writes it to the same place (a test
 * keeps the two in step); Node's own build stays in node_modules, so tests and the app never
 * fight over one file. The folder names everything that makes two builds incompatible, so an
 * upgrade of either package, or an arm64 Electron under an x64 Node, never reuses a stale one.
 */
export function electronNativeBindingPath(appRoot: string, target: NativeBuildTarget): string {
  const folder = [
    `better-sqlite3-${target.betterSqlite3Version}`,
    `electron-${target.electronVersion}`,
    `abi${target.abi}`,
    target.platform,
    target.arch,
  ].join('-');
  return join(appRoot, '.native', folder, 'better_sqlite3.node');
}

/**
 * In an installed app, electron-builder has rebuilt better-sqlite3 for Electron and left it
 * outside the asar archive (a .node file cannot be loaded from inside one).
 */
export function packagedNativeBindingPath(resourcesPath: string): string {
  return join(
    resourcesPath,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3-multiple-ciphers',
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

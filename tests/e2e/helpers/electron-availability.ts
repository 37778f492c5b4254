import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronNativeBindingPath } from '../../../src/main/app/native-binding';
// @ts-expect-error: a plain .mjs script without type declarations
import { nativeBuildTarget } from '../../../scripts/electron-native.mjs';

const ROOT = join(import.meta.dirname, '../../..');

export type ElectronAvailability = { ok: true; executable: string } | { ok: false; reason: string };

/** Whether the real app can be launched here: the Electron binary and its SQLite build must exist. */
export function electronAvailability(): ElectronAvailability {
  const electronDir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      ok: false,
      reason:
        'no Electron binary installed on this machine (it is fetched by npm start where a network exists)',
    };
  }
  const executable = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable))
    return { ok: false, reason: `the Electron binary named in path.txt is missing: ${executable}` };
  // The same versions, ABI and arch that scripts/electron-native.mjs builds for.
  if (!existsSync(electronNativeBindingPath(ROOT, nativeBuildTarget(ROOT)))) {
    return {
      ok: false,
      reason: 'better-sqlite3 has not been rebuilt for Electron yet (run npm start once)',
    };
  }
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js')))
    return { ok: false, reason: 'the app is not built (npm run build)' };
  return { ok: true, executable };
}

/** The app's folder: Electron reads package.json's main (out/main/index.js) from it. */
export const APP_ROOT = ROOT;

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../services/data-dir';
import { DATABASE_FILE_NAME } from '../services/open-workspace';
import {
  electronNativeBindingPath,
  packagedNativeBindingPath,
  type NativeBuildTarget,
} from './native-binding';
import { MissingNativeBindingError, WorkspaceNotFoundError } from './startup-failure';

/**
 * The paths main decides while starting, without Electron: index.ts hands in what Electron says
 * (app.isPackaged, process.resourcesPath, app.getAppPath()) and calls these.
 */
export interface AppLocation {
  packaged: boolean;
  /** process.resourcesPath: where an installed app's resources and unpacked files are. */
  resourcesPath: string;
  /** app.getAppPath(): the checkout when unpackaged. */
  appPath: string;
}

/**
 * Electron's userData: the CLI's default workspace folder, so the app and `review-desk` open the
 * same workspace whatever the app's productName. REVIEW_DESK_USER_DATA overrides it (the
 * Electron end-to-end specs run against throwaway folders).
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const override = env['REVIEW_DESK_USER_DATA'];
  return override ? resolve(override) : defaultDataDir(platform, env);
}

/**
 * Another workspace folder than userData (the one `review-desk demo` writes, a copy from
 * another laptop): --workspace=<dir> or REVIEW_DESK_WORKSPACE=<dir>, the switch first. It must
 * already hold a workspace, so a mistyped path stops with a message instead of starting an
 * empty workspace. Null when neither is given.
 */
export function chosenWorkspaceDir(
  switchValue: string,
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): string | null {
  const fromEnv = env['REVIEW_DESK_WORKSPACE'] ?? '';
  const source = switchValue ? '--workspace' : 'REVIEW_DESK_WORKSPACE';
  const chosen = switchValue || fromEnv;
  if (!chosen) return null;
  const dir = resolve(chosen);
  if (!exists(join(dir, DATABASE_FILE_NAME))) throw new WorkspaceNotFoundError(dir, source);
  return dir;
}

/**
 * The app's resources (demo batch, sample claims): the installer puts them straight under
 * process.resourcesPath (resources/demo at <resourcesPath>/demo); a checkout has them in
 * resources/.
 */
export function resourcesDir(location: AppLocation): string {
  return location.packaged ? location.resourcesPath : join(location.appPath, 'resources');
}

/**
 * The better-sqlite3 addon built for this Electron: unpacked from the asar when installed, the
 * copy npm start makes under .native/ in a checkout. A missing file is a typed error naming
 * the path looked at, which the startup failure message shows.
 */
export function nativeBindingFile(
  location: AppLocation,
  target: () => NativeBuildTarget,
  exists: (file: string) => boolean = existsSync,
): string {
  const file = location.packaged
    ? packagedNativeBindingPath(location.resourcesPath)
    : electronNativeBindingPath(location.appPath, target());
  if (!exists(file)) throw new MissingNativeBindingError(file, location.packaged);
  return file;
}

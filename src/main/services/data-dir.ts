import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder name under the OS's per-user application data folder. */
export const DATA_DIR_NAME = 'review-desk';

/**
 * Where the desktop app keeps its workspace and the CLI looks for it by default. The app sets
 * Electron's userData to this explicitly (src/main/index.ts), so neither depends on the app's
 * name or productName ("Review Desk" in the installers).
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), DATA_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_DIR_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), DATA_DIR_NAME);
}

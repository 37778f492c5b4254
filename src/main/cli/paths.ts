import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the desktop app keeps its workspace (Electron's userData for an app named review-desk). */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env = process.env,
): string {
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'review-desk');
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'review-desk');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'review-desk');
}

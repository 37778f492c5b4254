import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type OpenDatabaseOptions } from '../db/connection';
import { getSetting } from '../db/repositories/settings';
import type { ServiceContext } from './context';

export const DATABASE_FILE_NAME = 'review-desk.db';

/** Opens the workspace in a data directory (the app's user-data folder, a test's temp dir, the CLI's --db). */
export function openWorkspace(
  dataDir: string,
  options: OpenDatabaseOptions & { actor: string; now?: () => Date; fileName?: string },
): ServiceContext {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, options.fileName ?? DATABASE_FILE_NAME), options);
  // The person chosen at this machine (Settings) acts from then on; before that, the OS user.
  const actor = getSetting(db, 'current_person') ?? options.actor;
  return { db, dataDir, actor, now: options.now ?? (() => new Date()) };
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type OpenDatabaseOptions } from '../db/connection';
import type { ServiceContext } from './context';

export const DATABASE_FILE_NAME = 'review-desk.db';

/** Opens the workspace in a data directory (the app's user-data folder, a test's temp dir, the CLI's --db). */
export function openWorkspace(
  dataDir: string,
  options: OpenDatabaseOptions & { actor: string; now?: () => Date; fileName?: string },
): ServiceContext {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, options.fileName ?? DATABASE_FILE_NAME), options);
  return { db, dataDir, actor: options.actor, now: options.now ?? (() => new Date()) };
}

import Database from 'better-sqlite3';
import { migrate } from './migrate';

export interface OpenDatabaseOptions {
  /**
   * Path of a better-sqlite3 addon built for the running runtime. The Electron app passes its
   * Electron-ABI copy; tests and the CLI leave it out and get Node's build.
   */
  nativeBinding?: string;
  /** Skip migrations (tests that set a schema version up by hand). */
  migrate?: boolean;
}

export type Db = Database.Database;

/** Opens (creating if needed) a workspace database with our pragmas, then migrates it. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const db = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable in WAL mode except on power loss mid-checkpoint, and much faster.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // 32 MiB of page cache: imports touch several indexes per row, and two connections
    // (the app's and an import's) must stay well inside a laptop's memory.
    db.pragma('cache_size = -32768');
    if (options.migrate !== false) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

import { mkdirSync } from 'node:fs';
import { UNIDENTIFIED_OPERATOR } from '../../shared/domain/acts';
import { join } from 'node:path';
import {
  openAnotherConnection,
  openDatabase,
  type Db,
  type OpenDatabaseOptions,
} from '../db/connection';
import { hasAnyClaim } from '../db/repositories/claims';
import { hasAnySupport } from '../db/repositories/claim-support';
import type { ServiceContext } from './context';
import { refreshDerivedData } from './derived-data';
import { EvidenceStore } from './evidence/store';
import { removeLeftoverTempFiles } from './new-file';
import type { WorkspaceKey } from './workspace-key';

export const DATABASE_FILE_NAME = 'review-desk.db';

export type OpenWorkspaceOptions = Omit<OpenDatabaseOptions, 'key'> & {
  key: WorkspaceKey;
  now?: () => Date;
  fileName?: string;
};

/**
 * Opens the workspace in a data directory (the app's user-data folder, a test's temp dir, the
 * CLI's --db) with its key, already unlocked (see unlock-workspace.ts for how a person does).
 */
export function openWorkspace(dataDir: string, options: OpenWorkspaceOptions): ServiceContext {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, options.fileName ?? DATABASE_FILE_NAME), options);
  if (options.migrate !== false) fillMissingDerivedData(db);
  removeLeftoversOfKilledWrites(dataDir, options.key);
  // Nobody acts until someone unlocks their key (identity/acting.ts): a key is never kept open
  // across runs.
  return {
    db,
    dataDir,
    workspaceKey: options.key,
    actor: UNIDENTIFIED_OPERATOR,
    acting: null,
    now: options.now ?? (() => new Date()),
    nativeBinding: options.nativeBinding,
  };
}

/**
 * A process killed mid-write leaves dot-named temp files: the evidence store's in its shards,
 * writeNewFile's wherever it wrote (in the workspace folder itself when someone saved a file
 * there). Nothing else in the workspace is written by the app: SQLite keeps its own journal.
 */
function removeLeftoversOfKilledWrites(dataDir: string, key: WorkspaceKey): void {
  removeLeftoverTempFiles(dataDir);
  new EvidenceStore(dataDir, key).removeLeftoverTempFiles();
}

/**
 * Another connection to the workspace's database (an import writes on its own), opened with the
 * same native addon as the first, already migrated.
 */
export function openWorkspaceConnection(ctx: Pick<ServiceContext, 'db' | 'nativeBinding'>): Db {
  return openAnotherConnection(ctx.db, { nativeBinding: ctx.nativeBinding, migrate: false });
}

/**
 * A workspace whose claims came in before flags and calculated support existed (schema 4 or 5)
 * gets them computed once, so its grid shows them without a new import.
 */
function fillMissingDerivedData(db: ServiceContext['db']): void {
  if (!hasAnyClaim(db) || hasAnySupport(db)) return;
  refreshDerivedData(db);
}

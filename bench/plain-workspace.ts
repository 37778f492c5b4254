import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UNIDENTIFIED_OPERATOR } from '../src/shared/domain/acts';
import { openDatabase, type Db } from '../src/main/db/connection';
import type { ServiceContext } from '../src/main/services/context';
import { DATABASE_FILE_NAME } from '../src/main/services/open-workspace';

/**
 * The reference for the encryption figures: a workspace whose database is NOT encrypted
 * (openDatabase with key null, which exists only for these benchmarks), built the way
 * openWorkspace builds a context. Its workspaceKey is random: it only keys the evidence store.
 */
export function openPlainWorkspace(dataDir: string): ServiceContext {
  mkdirSync(dataDir, { recursive: true });
  return plainContext(openDatabase(join(dataDir, DATABASE_FILE_NAME), { key: null }), dataDir);
}

/** A context around an already opened plain database (the page query only reads ctx.db). */
export function plainContext(db: Db, dataDir: string): ServiceContext {
  return {
    db,
    dataDir,
    workspaceKey: randomBytes(32),
    actor: UNIDENTIFIED_OPERATOR,
    acting: null,
    now: () => new Date(),
    nativeBinding: undefined,
  };
}

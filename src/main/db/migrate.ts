import type Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseTooNewError, MigrationError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to `target` (the latest by default) in one transaction: either every
 * pending migration applies, or the file is left exactly as it was.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = migrations.length,
): { from: number; to: number } {
  const from = schemaVersionOf(db);
  if (from > migrations.length) throw new DatabaseTooNewError(db.name, from, migrations.length);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending) {
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(migration.version, migration.name, error);
      }
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to: schemaVersionOf(db) };
}

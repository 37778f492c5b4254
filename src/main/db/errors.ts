/** A database file written by a newer Review Desk: opening it could corrupt what it holds. */
export class DatabaseTooNewError extends Error {
  readonly code = 'database_too_new';
  constructor(
    readonly file: string,
    readonly foundVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `${file} was written by a newer Review Desk (schema ${foundVersion}; this version knows up to ${supportedVersion}). Update Review Desk to open it.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationError extends Error {
  readonly code = 'migration_failed';
  constructor(
    readonly version: number,
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(`migration ${version} (${migrationName}) failed: ${String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/** The audit log and decisions are append-only; the triggers raise this text. */
export const APPEND_ONLY_MESSAGE = 'append-only';

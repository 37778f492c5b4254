import type { PersonRole } from '../../shared/ipc/review-schemas';

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

/**
 * An act with authority attempted by nobody (no key unlocked) or by someone whose roster role
 * may not perform it. Raised by the audit log itself, so no path of writing can skip the rule;
 * the router and the CLI report it as `forbidden`.
 */
export class ActNotPermittedError extends Error {
  readonly code = 'forbidden';
  constructor(
    readonly action: string,
    readonly roles: readonly PersonRole[],
    readonly by: { name: string; role: string } | null,
  ) {
    const who =
      by === null
        ? 'nobody has unlocked their key at this machine'
        : `${by.name} is the ${by.role}`;
    super(`${action} needs the key of a ${roles.join(' or ')} on the roster; ${who}`);
    this.name = 'ActNotPermittedError';
  }
}

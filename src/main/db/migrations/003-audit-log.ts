import type { Migration } from './types';

/**
 * The audit log: every write, whatever path it came through. Each entry carries the hash of
 * the one before, so removing or changing an entry breaks the chain (see verifyAuditChain).
 */
export const migration003: Migration = {
  version: 3,
  name: 'audit-log',
  sql: `
    CREATE TABLE audit_log (
      seq           INTEGER PRIMARY KEY,
      at            TEXT NOT NULL,
      actor         TEXT NOT NULL,
      action        TEXT NOT NULL,
      subject_type  TEXT NOT NULL,
      subject_id    TEXT NOT NULL,
      details       TEXT NOT NULL,
      prev_hash     TEXT NOT NULL,
      hash          TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX audit_by_subject ON audit_log(subject_type, subject_id, seq);

    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  `,
};

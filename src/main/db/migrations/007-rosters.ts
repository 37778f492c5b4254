import type { Migration } from './types';

/**
 * Signed committee rosters as imported: the file text exactly as signed, so it can be
 * re-verified and handed on. Append-only like the audit log: a changed roster is a new
 * version whose previous hash is the latest one's; the triggers hold that even against a
 * write that skips the service.
 */
export const migration007: Migration = {
  version: 7,
  name: 'rosters',
  sql: `
    CREATE TABLE rosters (
      version          INTEGER PRIMARY KEY CHECK (version >= 1),
      council          TEXT NOT NULL,
      valid_from       TEXT NOT NULL,
      sha256           TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
      fingerprint      TEXT NOT NULL,
      previous_sha256  TEXT,
      file_text        TEXT NOT NULL,
      imported_at      TEXT NOT NULL,
      imported_by      TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER rosters_follow_latest BEFORE INSERT ON rosters
      WHEN NEW.version <= coalesce((SELECT max(version) FROM rosters), 0)
        OR NEW.previous_sha256 IS NOT (SELECT sha256 FROM rosters ORDER BY version DESC LIMIT 1)
      BEGIN SELECT RAISE(ABORT, 'a roster must follow the latest one'); END;
    CREATE TRIGGER rosters_no_update BEFORE UPDATE ON rosters
      BEGIN SELECT RAISE(ABORT, 'rosters are append-only'); END;
    CREATE TRIGGER rosters_no_delete BEFORE DELETE ON rosters
      BEGIN SELECT RAISE(ABORT, 'rosters are append-only'); END;
  `,
};

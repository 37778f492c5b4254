import type { Migration } from './types';

/**
 * Every signed decision file this workspace exported, with its exact text. Append-only, and a
 * chain like the rosters: each file names the payload hash of the one exported before it (null
 * for the first), and the trigger holds that even against a write that skips the service, so
 * the next export always knows what to point at and a gap in the chain cannot be written.
 */
export const migration009: Migration = {
  version: 9,
  name: 'decision files',
  sql: `
    CREATE TABLE decision_files (
      id                       INTEGER PRIMARY KEY,
      meeting_id               INTEGER NOT NULL REFERENCES meetings(id),
      file_sha256              TEXT NOT NULL CHECK (length(file_sha256) = 64),
      payload_sha256           TEXT NOT NULL UNIQUE CHECK (length(payload_sha256) = 64),
      previous_payload_sha256  TEXT CHECK (previous_payload_sha256 IS NULL OR length(previous_payload_sha256) = 64),
      exported_at              TEXT NOT NULL,
      exported_by              TEXT NOT NULL,
      file_text                TEXT NOT NULL
    ) STRICT;
    CREATE INDEX decision_files_by_meeting ON decision_files(meeting_id, id);

    CREATE TRIGGER decision_files_follow_latest BEFORE INSERT ON decision_files
      WHEN NEW.previous_payload_sha256 IS NOT
           (SELECT payload_sha256 FROM decision_files ORDER BY id DESC LIMIT 1)
      BEGIN SELECT RAISE(ABORT, 'a decision file must follow the latest one'); END;
    CREATE TRIGGER decision_files_no_update BEFORE UPDATE ON decision_files
      BEGIN SELECT RAISE(ABORT, 'decision files are append-only'); END;
    CREATE TRIGGER decision_files_no_delete BEFORE DELETE ON decision_files
      BEGIN SELECT RAISE(ABORT, 'decision files are append-only'); END;
  `,
};

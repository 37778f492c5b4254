import type { Migration } from './types';

/**
 * Members' signed recommendation files as the secretary imported them, with their exact text,
 * and one row per recommended claim. Both are append-only: a member who changes their mind
 * sends a newer file, which supersedes the older one for comparison (by the payload's
 * created_at, then import order) while both stay on record. A file is stored once (sha256).
 */
export const migration010: Migration = {
  version: 10,
  name: 'recommendations',
  sql: `
    CREATE TABLE recommendation_files (
      id           INTEGER PRIMARY KEY,
      file_sha256  TEXT NOT NULL UNIQUE CHECK (length(file_sha256) = 64),
      member       TEXT NOT NULL,
      kid          TEXT NOT NULL,
      batch_id     INTEGER NOT NULL REFERENCES batches(id),
      created_at   TEXT NOT NULL,
      imported_at  TEXT NOT NULL,
      imported_by  TEXT NOT NULL,
      file_text    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX recommendation_files_by_member ON recommendation_files(batch_id, member, id);

    CREATE TABLE recommendations (
      id            INTEGER PRIMARY KEY,
      file_id       INTEGER NOT NULL REFERENCES recommendation_files(id),
      claim_id      TEXT NOT NULL REFERENCES claims(claim_id),
      outcome       TEXT NOT NULL CHECK (outcome IN ('approve','partial','reject','request_evidence','defer')),
      amount        INTEGER CHECK (amount IS NULL OR amount > 0),
      reason_codes  TEXT NOT NULL DEFAULT '[]',
      note          TEXT NOT NULL DEFAULT '',
      UNIQUE (file_id, claim_id),
      CHECK ((outcome IN ('approve','partial')) = (amount IS NOT NULL))
    ) STRICT;
    CREATE INDEX recommendations_by_claim ON recommendations(claim_id);

    CREATE TRIGGER recommendation_files_no_update BEFORE UPDATE ON recommendation_files
      BEGIN SELECT RAISE(ABORT, 'recommendation files are append-only'); END;
    CREATE TRIGGER recommendation_files_no_delete BEFORE DELETE ON recommendation_files
      BEGIN SELECT RAISE(ABORT, 'recommendation files are append-only'); END;
    CREATE TRIGGER recommendations_no_update BEFORE UPDATE ON recommendations
      BEGIN SELECT RAISE(ABORT, 'recommendations are append-only'); END;
    CREATE TRIGGER recommendations_no_delete BEFORE DELETE ON recommendations
      BEGIN SELECT RAISE(ABORT, 'recommendations are append-only'); END;
  `,
};

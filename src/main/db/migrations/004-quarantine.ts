import type { Migration } from './types';

/**
 * Intake bookkeeping. Every imported file (the batch's first file, and later files of fixed
 * quarantine rows) is recorded by content hash, so the same content is never imported twice.
 * Rows that could not become claims are kept whole in quarantine with every reason; a fixed
 * row that later imports is linked by a resolution row, never by editing the quarantine row.
 */
export const migration004: Migration = {
  version: 4,
  name: 'quarantine',
  sql: `
    CREATE TABLE import_files (
      id            INTEGER PRIMARY KEY,
      batch_id      INTEGER NOT NULL REFERENCES batches(id),
      kind          TEXT NOT NULL CHECK (kind IN ('original', 'fix')),
      content_hash  TEXT NOT NULL UNIQUE,
      source_file   TEXT NOT NULL,
      format        TEXT NOT NULL,
      encoding      TEXT,
      imported_at   TEXT NOT NULL,
      imported_by   TEXT NOT NULL,
      row_count     INTEGER NOT NULL
    ) STRICT;
    INSERT INTO import_files (batch_id, kind, content_hash, source_file, format, imported_at, imported_by, row_count)
      SELECT id, 'original', content_hash, source_file, 'json', imported_at, imported_by, row_count FROM batches;

    CREATE TABLE quarantine (
      id                 INTEGER PRIMARY KEY,
      batch_id           INTEGER NOT NULL REFERENCES batches(id),
      import_file_id     INTEGER NOT NULL REFERENCES import_files(id),
      source_row         INTEGER NOT NULL,
      kind               TEXT NOT NULL CHECK (kind IN ('invalid', 'duplicate')),
      claim_id           TEXT,
      raw                TEXT NOT NULL,
      reasons            TEXT NOT NULL,
      existing_batch_id  INTEGER
    ) STRICT;
    CREATE INDEX quarantine_by_batch ON quarantine(batch_id, claim_id);

    CREATE TABLE quarantine_resolutions (
      quarantine_id  INTEGER PRIMARY KEY REFERENCES quarantine(id),
      claim_id       TEXT NOT NULL REFERENCES claims(claim_id),
      import_file_id INTEGER NOT NULL REFERENCES import_files(id),
      resolved_at    TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER quarantine_no_update BEFORE UPDATE ON quarantine
      BEGIN SELECT RAISE(ABORT, 'quarantine is append-only'); END;
    CREATE TRIGGER quarantine_no_delete BEFORE DELETE ON quarantine
      BEGIN SELECT RAISE(ABORT, 'quarantine is append-only'); END;
  `,
};

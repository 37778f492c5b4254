import type { Migration } from './types';

/**
 * Every quarantined row reaches an end (issue 16). A row ends when:
 * - a fixed copy became a claim (quarantine_resolutions, as before);
 * - someone discarded it with a reason (quarantine_discards: who, when, why; it stays listed);
 * - a fixed copy came back and was set aside again: the new entry names the one it replaces
 *   (fixes_entry_id), so the batch keeps one open entry per row, never one more per round.
 * quarantine_status is the one place that says which end a row reached; counts, lists and the
 * export all read it. Nothing here is updated or deleted in place.
 */
export const migration015: Migration = {
  version: 15,
  name: 'quarantine-ends',
  sql: `
    ALTER TABLE quarantine ADD COLUMN fixes_entry_id INTEGER REFERENCES quarantine(id);
    CREATE UNIQUE INDEX quarantine_by_fixed_entry ON quarantine(fixes_entry_id)
      WHERE fixes_entry_id IS NOT NULL;

    CREATE TABLE quarantine_discards (
      quarantine_id  INTEGER PRIMARY KEY REFERENCES quarantine(id),
      reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      discarded_by   TEXT NOT NULL,
      discarded_at   TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER quarantine_discards_no_update BEFORE UPDATE ON quarantine_discards
      BEGIN SELECT RAISE(ABORT, 'quarantine discards are append-only'); END;
    CREATE TRIGGER quarantine_discards_no_delete BEFORE DELETE ON quarantine_discards
      BEGIN SELECT RAISE(ABORT, 'quarantine discards are append-only'); END;
    CREATE TRIGGER quarantine_resolutions_no_update BEFORE UPDATE ON quarantine_resolutions
      BEGIN SELECT RAISE(ABORT, 'quarantine resolutions are append-only'); END;
    CREATE TRIGGER quarantine_resolutions_no_delete BEFORE DELETE ON quarantine_resolutions
      BEGIN SELECT RAISE(ABORT, 'quarantine resolutions are append-only'); END;

    CREATE VIEW quarantine_status AS
      SELECT q.*,
        r.claim_id AS resolved_by,
        d.reason AS discard_reason, d.discarded_by, d.discarded_at,
        later.id AS superseded_by,
        CASE
          WHEN r.quarantine_id IS NOT NULL THEN 'resolved'
          WHEN d.quarantine_id IS NOT NULL THEN 'discarded'
          WHEN later.id IS NOT NULL THEN 'superseded'
          ELSE 'open'
        END AS status
      FROM quarantine q
      LEFT JOIN quarantine_resolutions r ON r.quarantine_id = q.id
      LEFT JOIN quarantine_discards d ON d.quarantine_id = q.id
      LEFT JOIN quarantine later ON later.fixes_entry_id = q.id;
  `,
};

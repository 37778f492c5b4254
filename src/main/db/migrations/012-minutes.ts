import type { Migration } from './types';

/**
 * Minutes (회의록) of closed meetings, as numbered versions per meeting, and the chair's
 * approvals of them. Both tables are append-only: a version is never changed once written, so
 * an approved one is locked by construction, and a correction is drafting the next version.
 * The triggers hold the rules even for a write that skips the service:
 * - versions of a meeting run 1, 2, 3 ... with no gap, and only a closed meeting has minutes;
 * - a version is approved at most once (UNIQUE), only while it is its meeting's latest (an
 *   older draft was replaced by a newer one and is not what the council should sign), and the
 *   approval names the hash it approves, which must be the version's.
 */
export const migration012: Migration = {
  version: 12,
  name: 'minutes',
  sql: `
    CREATE TABLE minutes_versions (
      id          INTEGER PRIMARY KEY,
      meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
      version     INTEGER NOT NULL CHECK (version >= 1),
      model_json  TEXT NOT NULL CHECK (json_valid(model_json)),
      sha256      TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
      made_at     TEXT NOT NULL,
      made_by     TEXT NOT NULL,
      UNIQUE (meeting_id, version)
    ) STRICT;

    CREATE TRIGGER minutes_versions_closed_meeting BEFORE INSERT ON minutes_versions
      WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IS NOT 'closed'
      BEGIN SELECT RAISE(ABORT, 'minutes are made of closed meetings only'); END;
    CREATE TRIGGER minutes_versions_follow_latest BEFORE INSERT ON minutes_versions
      WHEN NEW.version <> coalesce(
        (SELECT max(version) FROM minutes_versions WHERE meeting_id = NEW.meeting_id), 0) + 1
      BEGIN SELECT RAISE(ABORT, 'a minutes version must follow the latest one'); END;
    CREATE TRIGGER minutes_versions_no_update BEFORE UPDATE ON minutes_versions
      BEGIN SELECT RAISE(ABORT, 'minutes versions are append-only: draft a new version'); END;
    CREATE TRIGGER minutes_versions_no_delete BEFORE DELETE ON minutes_versions
      BEGIN SELECT RAISE(ABORT, 'minutes versions are append-only: draft a new version'); END;

    CREATE TABLE minutes_approvals (
      id           INTEGER PRIMARY KEY,
      version_id   INTEGER NOT NULL UNIQUE REFERENCES minutes_versions(id),
      sha256       TEXT NOT NULL,
      approved_at  TEXT NOT NULL,
      approved_by  TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER minutes_approvals_latest_version BEFORE INSERT ON minutes_approvals
      WHEN (SELECT v.version FROM minutes_versions v WHERE v.id = NEW.version_id) IS NOT
           (SELECT max(w.version) FROM minutes_versions w
             WHERE w.meeting_id = (SELECT meeting_id FROM minutes_versions WHERE id = NEW.version_id))
      BEGIN SELECT RAISE(ABORT, 'only the latest minutes version can be approved'); END;
    CREATE TRIGGER minutes_approvals_same_hash BEFORE INSERT ON minutes_approvals
      WHEN NEW.sha256 IS NOT (SELECT sha256 FROM minutes_versions WHERE id = NEW.version_id)
      BEGIN SELECT RAISE(ABORT, 'an approval must name the hash of the version it approves'); END;
    CREATE TRIGGER minutes_approvals_no_update BEFORE UPDATE ON minutes_approvals
      BEGIN SELECT RAISE(ABORT, 'minutes approvals are append-only'); END;
    CREATE TRIGGER minutes_approvals_no_delete BEFORE DELETE ON minutes_approvals
      BEGIN SELECT RAISE(ABORT, 'minutes approvals are append-only'); END;
  `,
};

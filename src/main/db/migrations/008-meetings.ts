import type { Migration } from './types';

/**
 * Council meetings: who attended, which claims were on the agenda, each member's votes, and
 * the meeting a final decision came from (decisions.meeting_id).
 *
 * Votes are append-only: a changed vote is a new row and the latest row per member and item is
 * the standing vote. Members change their minds during deliberation and the secretary mistypes;
 * keeping every row shows that history to the minutes and the auditor instead of hiding it, and
 * matches the decisions table, which is never edited either. Once an item's voting is closed
 * its votes and result are frozen, and a closed meeting accepts no writes at all; the triggers
 * hold these rules even for a write that skips the services.
 */
export const migration008: Migration = {
  version: 8,
  name: 'meetings',
  sql: `
    CREATE TABLE meetings (
      id           INTEGER PRIMARY KEY,
      number       INTEGER NOT NULL UNIQUE CHECK (number >= 1),
      held_on      TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      place        TEXT NOT NULL,
      quorum_rule  TEXT NOT NULL CHECK (json_valid(quorum_rule)),
      threshold    TEXT NOT NULL CHECK (json_valid(threshold)),
      status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
      opened_by    TEXT NOT NULL,
      opened_at    TEXT NOT NULL,
      closed_at    TEXT,
      CHECK ((status = 'closed') = (closed_at IS NOT NULL))
    ) STRICT;
    -- The only change a meeting row takes is being closed, once.
    CREATE TRIGGER meetings_only_close BEFORE UPDATE ON meetings
      WHEN OLD.status = 'closed' OR NEW.status <> 'closed'
        OR NEW.id IS NOT OLD.id OR NEW.number IS NOT OLD.number OR NEW.held_on IS NOT OLD.held_on
        OR NEW.place IS NOT OLD.place OR NEW.quorum_rule IS NOT OLD.quorum_rule
        OR NEW.threshold IS NOT OLD.threshold OR NEW.opened_by IS NOT OLD.opened_by
        OR NEW.opened_at IS NOT OLD.opened_at
      BEGIN SELECT RAISE(ABORT, 'a meeting can only be closed, once'); END;
    CREATE TRIGGER meetings_no_delete BEFORE DELETE ON meetings
      BEGIN SELECT RAISE(ABORT, 'meetings are never deleted'); END;

    CREATE TABLE meeting_attendance (
      meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
      person      TEXT NOT NULL REFERENCES people(name),
      present     INTEGER NOT NULL CHECK (present IN (0, 1)),
      PRIMARY KEY (meeting_id, person)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER meeting_attendance_open_insert BEFORE INSERT ON meeting_attendance
      WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'closed'
      BEGIN SELECT RAISE(ABORT, 'the meeting is closed'); END;
    CREATE TRIGGER meeting_attendance_open_update BEFORE UPDATE ON meeting_attendance
      WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'closed'
        OR NEW.meeting_id IS NOT OLD.meeting_id OR NEW.person IS NOT OLD.person
      BEGIN SELECT RAISE(ABORT, 'the meeting is closed'); END;
    CREATE TRIGGER meeting_attendance_no_delete BEFORE DELETE ON meeting_attendance
      BEGIN SELECT RAISE(ABORT, 'attendance is corrected, never deleted'); END;

    CREATE TABLE meeting_agenda (
      meeting_id        INTEGER NOT NULL REFERENCES meetings(id),
      claim_id          TEXT NOT NULL REFERENCES claims(claim_id),
      position          INTEGER NOT NULL CHECK (position >= 1),
      proposed_outcome  TEXT CHECK (proposed_outcome IS NULL OR proposed_outcome IN ('approve','partial','reject','request_evidence','defer')),
      proposed_amount   INTEGER CHECK (proposed_amount IS NULL OR proposed_amount > 0),
      proposed_reasons  TEXT CHECK (proposed_reasons IS NULL OR json_valid(proposed_reasons)),
      added_at          TEXT NOT NULL,
      added_by          TEXT NOT NULL,
      voting_closed_at  TEXT,
      result            TEXT CHECK (result IS NULL OR result IN ('carried','not_carried','no_quorum')),
      tally             TEXT CHECK (tally IS NULL OR json_valid(tally)),
      PRIMARY KEY (meeting_id, claim_id),
      UNIQUE (meeting_id, position),
      CHECK ((voting_closed_at IS NULL) = (result IS NULL) AND (result IS NULL) = (tally IS NULL)),
      CHECK (proposed_amount IS NULL OR (proposed_outcome IS NOT NULL AND proposed_outcome IN ('approve','partial')))
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER meeting_agenda_open_insert BEFORE INSERT ON meeting_agenda
      WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'closed'
      BEGIN SELECT RAISE(ABORT, 'the meeting is closed'); END;
    -- Closing an item's vote fills voting_closed_at, result and tally once; nothing else changes.
    CREATE TRIGGER meeting_agenda_close_once BEFORE UPDATE ON meeting_agenda
      WHEN OLD.voting_closed_at IS NOT NULL OR NEW.voting_closed_at IS NULL
        OR NEW.meeting_id IS NOT OLD.meeting_id OR NEW.claim_id IS NOT OLD.claim_id
        OR NEW.position IS NOT OLD.position OR NEW.proposed_outcome IS NOT OLD.proposed_outcome
        OR NEW.proposed_amount IS NOT OLD.proposed_amount
        OR NEW.proposed_reasons IS NOT OLD.proposed_reasons
        OR NEW.added_at IS NOT OLD.added_at OR NEW.added_by IS NOT OLD.added_by
      BEGIN SELECT RAISE(ABORT, 'an agenda item only has its voting closed, once'); END;
    CREATE TRIGGER meeting_agenda_no_delete BEFORE DELETE ON meeting_agenda
      BEGIN SELECT RAISE(ABORT, 'agenda items are never deleted'); END;

    CREATE TABLE meeting_votes (
      id           INTEGER PRIMARY KEY,
      meeting_id   INTEGER NOT NULL,
      claim_id     TEXT NOT NULL,
      member       TEXT NOT NULL REFERENCES people(name),
      vote         TEXT NOT NULL CHECK (vote IN ('for','against','abstain','recused')),
      recorded_at  TEXT NOT NULL,
      recorded_by  TEXT NOT NULL,
      FOREIGN KEY (meeting_id, claim_id) REFERENCES meeting_agenda(meeting_id, claim_id)
    ) STRICT;
    CREATE INDEX meeting_votes_by_item ON meeting_votes(meeting_id, claim_id, member, id);
    CREATE TRIGGER meeting_votes_voting_open BEFORE INSERT ON meeting_votes
      WHEN (SELECT voting_closed_at FROM meeting_agenda
              WHERE meeting_id = NEW.meeting_id AND claim_id = NEW.claim_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'voting on this item is closed'); END;
    -- Absent is attendance, not a vote: only a member marked present can have a vote.
    CREATE TRIGGER meeting_votes_member_present BEFORE INSERT ON meeting_votes
      WHEN NOT EXISTS (SELECT 1 FROM meeting_attendance
                        WHERE meeting_id = NEW.meeting_id AND person = NEW.member AND present = 1)
      BEGIN SELECT RAISE(ABORT, 'only a member present at the meeting can vote'); END;
    CREATE TRIGGER meeting_votes_no_update BEFORE UPDATE ON meeting_votes
      BEGIN SELECT RAISE(ABORT, 'votes are append-only: record a new vote'); END;
    CREATE TRIGGER meeting_votes_no_delete BEFORE DELETE ON meeting_votes
      BEGIN SELECT RAISE(ABORT, 'votes are append-only: record a new vote'); END;

    ALTER TABLE decisions ADD COLUMN meeting_id INTEGER REFERENCES meetings(id);
  `,
};

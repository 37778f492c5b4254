import type { Migration } from './types';

/**
 * Appeals (이의신청, issue 16). Any claimant may object to how a claim was settled, a bracket
 * payment as much as a council decision: the secretary records the appeal (its grounds, the day
 * it came in, any new evidence, delivered as an evidence arrival on the claim) and then admits it
 * to council review or rejects it, with a reason either way. An admission re-tiers the claim to
 * committee_review as a new claim version (migration 017, tier_basis 'appeal'), which the ruling
 * names; a rejection changes nothing on the claim.
 *
 * Both tables are facts about the past: never updated or deleted. A ruling is one per appeal
 * (its key), and a claim has at most one appeal waiting for a ruling at a time; a claim whose
 * appeal was rejected may appeal again later, as a new row. Where an appeal stands (filed,
 * admitted, rejected) is read from one view, appeal_status, never stored.
 */
export const migration018: Migration = {
  version: 18,
  name: 'appeals',
  sql: `
    CREATE TABLE appeals (
      id           INTEGER PRIMARY KEY,
      claim_id     TEXT NOT NULL REFERENCES claims(claim_id),
      grounds      TEXT NOT NULL CHECK (length(trim(grounds)) > 0),
      received_on  TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      filed_at     TEXT NOT NULL,
      recorded_by  TEXT NOT NULL,
      arrival_id   INTEGER REFERENCES evidence_arrivals(id)
    ) STRICT;
    CREATE INDEX appeals_by_claim ON appeals(claim_id, id);

    CREATE TABLE appeal_rulings (
      appeal_id      INTEGER PRIMARY KEY REFERENCES appeals(id),
      ruling         TEXT NOT NULL CHECK (ruling IN ('admitted', 'rejected')),
      reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      ruled_by       TEXT NOT NULL,
      ruled_at       TEXT NOT NULL,
      claim_version  INTEGER,
      CHECK ((ruling = 'admitted') = (claim_version IS NOT NULL))
    ) STRICT;

    CREATE TRIGGER appeals_evidence_on_own_claim BEFORE INSERT ON appeals
      WHEN NEW.arrival_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM evidence_arrivals e WHERE e.id = NEW.arrival_id AND e.claim_id = NEW.claim_id)
      BEGIN SELECT RAISE(ABORT, 'an appeal''s evidence arrived on its own claim'); END;
    CREATE TRIGGER appeals_one_open_per_claim BEFORE INSERT ON appeals
      WHEN EXISTS (
        SELECT 1 FROM appeals a WHERE a.claim_id = NEW.claim_id
          AND NOT EXISTS (SELECT 1 FROM appeal_rulings r WHERE r.appeal_id = a.id))
      BEGIN SELECT RAISE(ABORT, 'a claim has at most one appeal waiting for a ruling'); END;
    CREATE TRIGGER appeals_no_update BEFORE UPDATE ON appeals
      BEGIN SELECT RAISE(ABORT, 'appeals are append-only'); END;
    CREATE TRIGGER appeals_no_delete BEFORE DELETE ON appeals
      BEGIN SELECT RAISE(ABORT, 'appeals are append-only'); END;

    CREATE TRIGGER appeal_rulings_admission_version BEFORE INSERT ON appeal_rulings
      WHEN NEW.ruling = 'admitted' AND NOT EXISTS (
        SELECT 1 FROM appeals a JOIN claim_versions v ON v.claim_id = a.claim_id
        WHERE a.id = NEW.appeal_id AND v.version = NEW.claim_version AND v.tier_basis = 'appeal')
      BEGIN SELECT RAISE(ABORT, 'an admission names the claim version it put to council review'); END;
    CREATE TRIGGER appeal_rulings_no_update BEFORE UPDATE ON appeal_rulings
      BEGIN SELECT RAISE(ABORT, 'appeal rulings are append-only'); END;
    CREATE TRIGGER appeal_rulings_no_delete BEFORE DELETE ON appeal_rulings
      BEGIN SELECT RAISE(ABORT, 'appeal rulings are append-only'); END;

    CREATE VIEW appeal_status AS
      SELECT a.id, a.claim_id, a.grounds, a.received_on, a.filed_at, a.recorded_by, a.arrival_id,
        r.ruling, r.reason AS ruling_reason, r.ruled_by, r.ruled_at, r.claim_version,
        coalesce(r.ruling, 'filed') AS state
      FROM appeals a LEFT JOIN appeal_rulings r ON r.appeal_id = a.id;
  `,
};

import type { Migration } from './types';

/**
 * Evidence that reaches an existing claim after its batch (issue 16): most often the answer to
 * a 보완 요청. Each delivery is one arrival: where it came from (the folder's or zip's own name,
 * never a path on someone's laptop), when, who recorded it, and the evidence request it
 * answers, if the claim's current decision was one. That link is what brings the claim back
 * to the review queue marked as having new evidence, until a later decision replaces the
 * request. The files themselves are ordinary evidence rows after the claim's earlier ones,
 * naming their arrival; a batch's own evidence names none.
 *
 * An arrival is a fact about the past: never updated or deleted. It may only answer an
 * evidence request on its own claim; whether that request is still current is the service's
 * check, made in the same transaction.
 */
export const migration016: Migration = {
  version: 16,
  name: 'evidence-arrivals',
  sql: `
    CREATE TABLE evidence_arrivals (
      id                   INTEGER PRIMARY KEY,
      claim_id             TEXT NOT NULL REFERENCES claims(claim_id),
      source_name          TEXT NOT NULL CHECK (length(trim(source_name)) > 0),
      received_at          TEXT NOT NULL,
      recorded_by          TEXT NOT NULL,
      answers_decision_id  INTEGER REFERENCES decisions(id),
      stored               INTEGER NOT NULL CHECK (stored >= 0),
      rejected             INTEGER NOT NULL CHECK (rejected >= 0),
      missing              INTEGER NOT NULL CHECK (missing >= 0)
    ) STRICT;
    CREATE INDEX evidence_arrivals_by_claim ON evidence_arrivals(claim_id, id);
    CREATE INDEX evidence_arrivals_by_decision ON evidence_arrivals(answers_decision_id);

    CREATE TRIGGER evidence_arrivals_answer_own_request BEFORE INSERT ON evidence_arrivals
      WHEN NEW.answers_decision_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM decisions d WHERE d.id = NEW.answers_decision_id
          AND d.claim_id = NEW.claim_id AND d.outcome = 'request_evidence')
      BEGIN SELECT RAISE(ABORT, 'an arrival answers an evidence request on its own claim'); END;
    CREATE TRIGGER evidence_arrivals_no_update BEFORE UPDATE ON evidence_arrivals
      BEGIN SELECT RAISE(ABORT, 'evidence arrivals are append-only'); END;
    CREATE TRIGGER evidence_arrivals_no_delete BEFORE DELETE ON evidence_arrivals
      BEGIN SELECT RAISE(ABORT, 'evidence arrivals are append-only'); END;

    ALTER TABLE evidence ADD COLUMN arrival_id INTEGER REFERENCES evidence_arrivals(id);
  `,
};

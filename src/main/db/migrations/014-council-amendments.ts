import type { Migration } from './types';

/**
 * Changing the council's decision outside a meeting takes two people: the secretary proposes
 * an amendment with its reason, and the chair co-signs it. A proposal alone changes nothing;
 * the co-signature records the amending decision (an ordinary row in the claim's decision
 * chain) and links it here, which is what makes that decision the council's and payable.
 *
 * Both tables are append-only like decisions: a proposal is never edited, a co-signature is
 * never withdrawn, and a proposal overtaken by a later council decision simply stays unsigned
 * (the service refuses to co-sign it).
 */
export const migration014: Migration = {
  version: 14,
  name: 'council-amendments',
  sql: `
    CREATE TABLE council_amendments (
      id                  INTEGER PRIMARY KEY,
      claim_id            TEXT NOT NULL REFERENCES claims(claim_id),
      amends_decision_id  INTEGER NOT NULL REFERENCES decisions(id),
      outcome             TEXT NOT NULL CHECK (outcome IN ('approve','partial','reject','request_evidence','defer')),
      amount              INTEGER CHECK (amount IS NULL OR amount > 0),
      reason_codes        TEXT NOT NULL DEFAULT '[]',
      note                TEXT NOT NULL DEFAULT '',
      reason              TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      proposed_by         TEXT NOT NULL,
      proposed_kid        TEXT NOT NULL CHECK (length(proposed_kid) = 43),
      proposed_at         TEXT NOT NULL,
      CHECK ((outcome IN ('approve','partial')) = (amount IS NOT NULL))
    ) STRICT;
    CREATE INDEX council_amendments_by_claim ON council_amendments(claim_id, id);

    CREATE TABLE council_amendment_cosignatures (
      amendment_id  INTEGER PRIMARY KEY REFERENCES council_amendments(id),
      decision_id   INTEGER NOT NULL UNIQUE REFERENCES decisions(id),
      cosigned_by   TEXT NOT NULL,
      cosigned_kid  TEXT NOT NULL CHECK (length(cosigned_kid) = 43),
      cosigned_at   TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER council_amendments_no_update BEFORE UPDATE ON council_amendments
      BEGIN SELECT RAISE(ABORT, 'council amendments are append-only'); END;
    CREATE TRIGGER council_amendments_no_delete BEFORE DELETE ON council_amendments
      BEGIN SELECT RAISE(ABORT, 'council amendments are append-only'); END;
    CREATE TRIGGER council_amendment_cosignatures_no_update BEFORE UPDATE ON council_amendment_cosignatures
      BEGIN SELECT RAISE(ABORT, 'co-signatures are append-only'); END;
    CREATE TRIGGER council_amendment_cosignatures_no_delete BEFORE DELETE ON council_amendment_cosignatures
      BEGIN SELECT RAISE(ABORT, 'co-signatures are append-only'); END;
  `,
};

import type { Migration } from './types';

/**
 * Post-payment samples of the bracket payouts (issue 16). The 30,000 and 50,000 KRW brackets
 * were paid without proof; the secretary draws a random sample per tier and the council checks
 * each sampled claim against its proof.
 *
 * - samples: one draw, with everything needed to redraw it: the seed, the method
 *   ('sha256-rank-v1': claim ids ranked by SHA-256 of `${seed}:${claimId}`), the confidence and
 *   margin the sizes came from, and the scope (batch_id, NULL for the whole workspace).
 * - sample_strata: per tier, the population at the draw, the size drawn and the bracket amount.
 * - sample_claims: the claims drawn, with their rank in the stratum.
 * - sample_checks: each check of a sampled claim. A later check of the same claim supersedes the
 *   earlier one in the figures (sample_current_checks); both stay. A claim not confirmed names at
 *   least one reason code; a confirmed one names none.
 *
 * All four are append-only: a sample is a record of what was drawn and found, never edited.
 */
export const migration019: Migration = {
  version: 19,
  name: 'samples',
  sql: `
    CREATE TABLE samples (
      id          INTEGER PRIMARY KEY,
      drawn_at    TEXT NOT NULL,
      drawn_by    TEXT NOT NULL,
      seed        TEXT NOT NULL CHECK (length(seed) > 0),
      confidence  REAL NOT NULL CHECK (confidence > 0 AND confidence < 1),
      margin      REAL NOT NULL CHECK (margin > 0 AND margin < 0.5),
      method      TEXT NOT NULL,
      batch_id    INTEGER REFERENCES batches(id)
    ) STRICT;

    CREATE TABLE sample_strata (
      sample_id       INTEGER NOT NULL REFERENCES samples(id),
      tier            TEXT NOT NULL CHECK (tier IN ('tier_30k', 'tier_50k')),
      population      INTEGER NOT NULL CHECK (population >= 0),
      size            INTEGER NOT NULL CHECK (size >= 0 AND size <= population),
      bracket_amount  INTEGER NOT NULL CHECK (bracket_amount > 0),
      PRIMARY KEY (sample_id, tier)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sample_claims (
      sample_id  INTEGER NOT NULL,
      claim_id   TEXT NOT NULL REFERENCES claims(claim_id),
      tier       TEXT NOT NULL,
      position   INTEGER NOT NULL CHECK (position >= 1),
      PRIMARY KEY (sample_id, claim_id),
      UNIQUE (sample_id, tier, position),
      FOREIGN KEY (sample_id, tier) REFERENCES sample_strata(sample_id, tier)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sample_checks (
      id            INTEGER PRIMARY KEY,
      sample_id     INTEGER NOT NULL,
      claim_id      TEXT NOT NULL,
      verdict       TEXT NOT NULL CHECK (verdict IN ('confirmed', 'not_confirmed')),
      reason_codes  TEXT NOT NULL CHECK (json_valid(reason_codes) AND json_type(reason_codes) = 'array'),
      note          TEXT NOT NULL,
      checked_by    TEXT NOT NULL,
      checked_at    TEXT NOT NULL,
      FOREIGN KEY (sample_id, claim_id) REFERENCES sample_claims(sample_id, claim_id),
      CHECK ((verdict = 'confirmed') = (json_array_length(reason_codes) = 0))
    ) STRICT;
    CREATE INDEX sample_checks_by_claim ON sample_checks(sample_id, claim_id, id);

    CREATE VIEW sample_current_checks AS
      SELECT c.* FROM sample_checks c
      WHERE NOT EXISTS (
        SELECT 1 FROM sample_checks later
        WHERE later.sample_id = c.sample_id AND later.claim_id = c.claim_id AND later.id > c.id);

    CREATE TRIGGER samples_no_update BEFORE UPDATE ON samples
      BEGIN SELECT RAISE(ABORT, 'samples are append-only'); END;
    CREATE TRIGGER samples_no_delete BEFORE DELETE ON samples
      BEGIN SELECT RAISE(ABORT, 'samples are append-only'); END;
    CREATE TRIGGER sample_strata_no_update BEFORE UPDATE ON sample_strata
      BEGIN SELECT RAISE(ABORT, 'sample strata are append-only'); END;
    CREATE TRIGGER sample_strata_no_delete BEFORE DELETE ON sample_strata
      BEGIN SELECT RAISE(ABORT, 'sample strata are append-only'); END;
    CREATE TRIGGER sample_claims_no_update BEFORE UPDATE ON sample_claims
      BEGIN SELECT RAISE(ABORT, 'sampled claims are append-only'); END;
    CREATE TRIGGER sample_claims_no_delete BEFORE DELETE ON sample_claims
      BEGIN SELECT RAISE(ABORT, 'sampled claims are append-only'); END;
    CREATE TRIGGER sample_checks_no_update BEFORE UPDATE ON sample_checks
      BEGIN SELECT RAISE(ABORT, 'sample checks are append-only'); END;
    CREATE TRIGGER sample_checks_no_delete BEFORE DELETE ON sample_checks
      BEGIN SELECT RAISE(ABORT, 'sample checks are append-only'); END;
  `,
};

import type { Migration } from './types';

/**
 * Decisions are a chain per claim: each new decision names the one it replaces, and a
 * decision can be replaced only once (UNIQUE), so the chain never forks. Rows are never
 * updated or deleted; the triggers make that a hard error whatever path a write comes from.
 */
export const migration002: Migration = {
  version: 2,
  name: 'decisions',
  sql: `
    CREATE TABLE decisions (
      id                INTEGER PRIMARY KEY,
      claim_id          TEXT NOT NULL REFERENCES claims(claim_id),
      outcome           TEXT NOT NULL CHECK (outcome IN ('approve','partial','reject','request_evidence','defer')),
      amount            INTEGER CHECK (amount IS NULL OR amount > 0),
      reason_codes      TEXT NOT NULL DEFAULT '[]',
      note              TEXT NOT NULL DEFAULT '',
      replaces_id       INTEGER UNIQUE REFERENCES decisions(id),
      amendment_reason  TEXT,
      decided_by        TEXT NOT NULL,
      decided_at        TEXT NOT NULL,
      CHECK ((outcome IN ('approve','partial')) = (amount IS NOT NULL))
    ) STRICT;
    CREATE INDEX decisions_by_claim ON decisions(claim_id, id);

    CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
      BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
    CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
      BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
  `,
};

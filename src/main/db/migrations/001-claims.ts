import type { Migration } from './types';

/** Batches, their claims and the claims' evidence: what an import writes. */
export const migration001: Migration = {
  version: 1,
  name: 'claims',
  sql: `
    CREATE TABLE batches (
      id            INTEGER PRIMARY KEY,
      name          TEXT NOT NULL,
      source_file   TEXT NOT NULL,
      content_hash  TEXT NOT NULL UNIQUE,
      imported_at   TEXT NOT NULL,
      imported_by   TEXT NOT NULL,
      row_count     INTEGER NOT NULL CHECK (row_count >= 0)
    ) STRICT;

    CREATE TABLE claims (
      claim_id          TEXT PRIMARY KEY,
      batch_id          INTEGER NOT NULL REFERENCES batches(id),
      source_row        INTEGER NOT NULL,
      received_at       TEXT NOT NULL,
      claimant_type     TEXT NOT NULL CHECK (claimant_type IN ('individual','small_business','enterprise')),
      affiliate         TEXT NOT NULL,
      service           TEXT NOT NULL,
      paid              INTEGER NOT NULL CHECK (paid IN (0, 1)),
      damage_type       TEXT NOT NULL CHECK (damage_type IN ('paid','free_monetary','non_monetary')),
      business_reg_no   TEXT,
      business_name     TEXT,
      industry          TEXT,
      claimed_loss      INTEGER CHECK (claimed_loss IS NULL OR claimed_loss >= 0),
      description       TEXT NOT NULL,
      contact           TEXT,
      tier              TEXT NOT NULL,
      tier_rule_version INTEGER NOT NULL,
      content_hash      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX claims_by_batch ON claims(batch_id);
    CREATE INDEX claims_by_tier ON claims(tier);
    CREATE INDEX claims_by_business ON claims(business_reg_no);

    CREATE TABLE evidence (
      id          INTEGER PRIMARY KEY,
      claim_id    TEXT NOT NULL REFERENCES claims(claim_id),
      position    INTEGER NOT NULL,
      file_name   TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('stored','missing','rejected')),
      sha256      TEXT,
      media_type  TEXT,
      size_bytes  INTEGER,
      problem     TEXT,
      UNIQUE (claim_id, position)
    ) STRICT;
    CREATE INDEX evidence_by_hash ON evidence(sha256);
  `,
};

import type { Migration } from './types';

/**
 * A correction of a claim's data (issue 16) is a new version of the claim, never an edit in
 * place. `claim_versions` holds every version a claim has had once it was first corrected or
 * re-tiered: version 1 as it was imported, then each later one with who, when, why, the tier
 * the rule (or an admitted appeal) gave it and that rule's version. A claim never corrected has
 * no rows here: its one version is its claims row, so an import writes nothing more.
 *
 * The claims row is the current version, kept whole so the grid, the queue and the ledger read
 * one table at 100k claims. It can change only to a version already written here, one number
 * up, with the same content hash, tier and rule version (a trigger, so no path can forget it);
 * a claim is never deleted. Versions are append-only: an earlier content hash stays findable,
 * which is how a signed file that named the claim's old content still checks out.
 *
 * The evidence rows a claim has are facts of the same kind (what arrived, when, with which
 * hash): they too only grow, later files being new rows (migration 016).
 *
 * tier_basis: 'rule' the tier rule on the version's data; 'appeal' an admitted appeal put the
 * claim to council review whatever its amount.
 */
export const migration017: Migration = {
  version: 17,
  name: 'claim-versions',
  sql: `
    ALTER TABLE claims ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

    CREATE TABLE claim_versions (
      claim_id           TEXT NOT NULL REFERENCES claims(claim_id),
      version            INTEGER NOT NULL CHECK (version >= 1),
      content            TEXT NOT NULL CHECK (json_valid(content)),
      content_hash       TEXT NOT NULL,
      tier               TEXT NOT NULL,
      tier_rule_version  INTEGER NOT NULL,
      tier_basis         TEXT NOT NULL CHECK (tier_basis IN ('rule', 'appeal')),
      reason             TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      recorded_by        TEXT NOT NULL,
      recorded_at        TEXT NOT NULL,
      PRIMARY KEY (claim_id, version)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX claim_versions_by_hash ON claim_versions(content_hash);

    CREATE TRIGGER claim_versions_in_order BEFORE INSERT ON claim_versions
      WHEN NEW.version <> 1 + coalesce(
        (SELECT max(v.version) FROM claim_versions v WHERE v.claim_id = NEW.claim_id), 0)
      BEGIN SELECT RAISE(ABORT, 'claim versions are numbered 1, 2, 3 … without gaps'); END;
    CREATE TRIGGER claim_versions_no_update BEFORE UPDATE ON claim_versions
      BEGIN SELECT RAISE(ABORT, 'claim versions are append-only'); END;
    CREATE TRIGGER claim_versions_no_delete BEFORE DELETE ON claim_versions
      BEGIN SELECT RAISE(ABORT, 'claim versions are append-only'); END;

    CREATE TRIGGER claims_change_by_version BEFORE UPDATE ON claims
      WHEN NEW.version <> OLD.version + 1 OR NOT EXISTS (
        SELECT 1 FROM claim_versions v
        WHERE v.claim_id = NEW.claim_id AND v.version = NEW.version
          AND v.content_hash = NEW.content_hash AND v.tier = NEW.tier
          AND v.tier_rule_version = NEW.tier_rule_version)
        OR NEW.claim_id <> OLD.claim_id OR NEW.batch_id <> OLD.batch_id
        OR NEW.source_row <> OLD.source_row
      BEGIN SELECT RAISE(ABORT, 'a claim changes only to a new version recorded in claim_versions'); END;
    CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
      BEGIN SELECT RAISE(ABORT, 'claims are never deleted'); END;

    CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
      BEGIN SELECT RAISE(ABORT, 'evidence rows are append-only: later files are new rows'); END;
    CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
      BEGIN SELECT RAISE(ABORT, 'evidence rows are append-only: later files are new rows'); END;
  `,
};

import type { Migration } from './types';

/**
 * People are their keys. An audit entry of an act with authority names the actor's key
 * (actor_kid, covered by the entry's hash) and carries the actor's Ed25519 signature over that
 * hash (signature, outside the hash, since it signs it). Entries written before this migration
 * have neither; `acts_signed_from_seq` records where signing became the rule, so the chain check
 * can tell an old unsigned entry from one that should have been signed; the chain check reports
 * how many unsigned entries it accepted as older than the rule, so moving that mark shows.
 *
 * People are tied to their key (kid) too: the roster, not a dropdown, says who someone is, and
 * the setting that named "the person at this machine" goes.
 */
export const migration013: Migration = {
  version: 13,
  name: 'signed-acts',
  sql: `
    ALTER TABLE audit_log ADD COLUMN actor_kid TEXT CHECK (actor_kid IS NULL OR length(actor_kid) = 43);
    ALTER TABLE audit_log ADD COLUMN signature TEXT CHECK (signature IS NULL OR length(signature) = 86);
    CREATE TRIGGER audit_signature_with_key BEFORE INSERT ON audit_log
      WHEN (NEW.actor_kid IS NULL) <> (NEW.signature IS NULL)
      BEGIN SELECT RAISE(ABORT, 'an audit entry names its key and carries its signature, or neither'); END;
    ALTER TABLE people ADD COLUMN kid TEXT;
    INSERT INTO workspace_settings (key, value)
      SELECT 'acts_signed_from_seq', CAST(coalesce(max(seq), 0) + 1 AS TEXT) FROM audit_log;
    DELETE FROM workspace_settings WHERE key = 'current_person';
  `,
};

import type { Migration } from './types';

/**
 * The support each claim would get today: the fixed amount of its bracket, or the calculator's
 * figure on its claimed loss under the latest policy. Derived data, recomputed after an import
 * and after a new policy version, so the review grid can sort and filter on it in SQL.
 */
export const migration006: Migration = {
  version: 6,
  name: 'claim support',
  sql: `
    CREATE TABLE claim_support (
      claim_id        TEXT PRIMARY KEY REFERENCES claims(claim_id),
      amount          INTEGER NOT NULL CHECK (amount >= 0),
      policy_version  INTEGER REFERENCES support_policies(version)
    ) STRICT, WITHOUT ROWID;
  `,
};

import type { Migration } from './types';

/**
 * How the members' recommendations on each claim stand to each other, kept per claim so the
 * review grid can sort, filter and pick a view on it in SQL over 100k claims. Derived data:
 * rewritten inside the transaction that imports a member's file; a claim without any
 * recommendation has no row (the grid shows it blank).
 * - agreement: 'single' (one member), 'agree', 'conflict' (shared/domain/committee/agreement)
 * - members: how many members' latest files recommend on the claim
 * - split: the sizes of the groups that recommend the same thing, largest first ("2:1", "3")
 * The back-fill below covers workspaces that imported files under schema 10; it applies the
 * same rule as agreementOf (an opinion is the outcome, and the amount where one is taken).
 */
export const migration011: Migration = {
  version: 11,
  name: 'claim agreement',
  sql: `
    CREATE TABLE claim_agreement (
      claim_id   TEXT PRIMARY KEY REFERENCES claims(claim_id),
      agreement  TEXT NOT NULL CHECK (agreement IN ('single','agree','conflict')),
      members    INTEGER NOT NULL CHECK (members >= 1),
      split      TEXT NOT NULL,
      CHECK ((agreement = 'single') = (members = 1))
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX claim_agreement_by_agreement ON claim_agreement(agreement, claim_id);

    INSERT INTO claim_agreement (claim_id, agreement, members, split)
    WITH latest AS (
      SELECT r.claim_id, r.outcome || ':' || coalesce(r.amount, '') AS opinion
      FROM recommendations r JOIN recommendation_files f ON f.id = r.file_id
      WHERE f.id = (SELECT g.id FROM recommendation_files g
                    WHERE g.member = f.member AND g.batch_id = f.batch_id
                    ORDER BY g.created_at DESC, g.id DESC LIMIT 1)
    ), opinions AS (
      SELECT claim_id, opinion, count(*) AS n FROM latest GROUP BY claim_id, opinion
    )
    SELECT claim_id,
           CASE WHEN sum(n) = 1 THEN 'single' WHEN count(*) = 1 THEN 'agree' ELSE 'conflict' END,
           sum(n),
           group_concat(n, ':' ORDER BY n DESC)
    FROM opinions GROUP BY claim_id;
  `,
};

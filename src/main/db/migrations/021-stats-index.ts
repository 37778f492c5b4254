import type { Migration } from './types';

/**
 * The council's figures (`stats`, issue 17) count claims by claimant type, damage type and tier,
 * for the workspace or one batch. Without an index each of those groupings read every claims
 * row (wide: descriptions, names, contacts) and sorted it: about 40 ms per grouping at 105k
 * claims, five groupings per answer. This index holds just those columns, so the one grouping
 * query (repositories/claim-counts.ts) walks it in order, reading no row and sorting nothing;
 * batch_id, last, lets a batch's figures be picked out of the same walk.
 *
 * Claimant type leads, not tier: an index led by tier would also cover the queries that search
 * claims by tier (the grid's tier views, the ledger, the payout summary) and change their plans;
 * led by claimant type it serves only what groups or filters by it.
 *
 * It is one more index an import fills: `npm run bench:reports` measures that cost as
 * stats.index.importCost.
 */
export const migration021: Migration = {
  version: 21,
  name: 'stats-index',
  sql: `
    CREATE INDEX claims_for_stats ON claims(claimant_type, damage_type, tier, batch_id);
  `,
};

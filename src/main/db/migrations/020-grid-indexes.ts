import type { Migration } from './types';

/**
 * The review grid's sort orders as index walks (issue 17, docs/decisions/0004). A page sorted
 * by one of these columns is the next hundred entries of its index, whatever the view, instead
 * of a sort of every row the view selects; so is any later page, from where the last one ended
 * (keyset paging, db/queries/queue-keyset.ts).
 *
 * - Each index is (column, claim_id, tier): the claim id is the grid's tie-breaker, so the
 *   index holds the whole order; the tier rides along so a tier view (and the committee queue)
 *   is picked out of the index itself while walking it, without reading the claims' rows.
 * - claims_by_tier gains claim_id: a tier view in the default order, and the tier column's
 *   sort, are that index in order. Its name and first column stay, so nothing that searched it
 *   by tier changes.
 * - Not indexed: the columns computed from other tables (state, support, assignee, flags,
 *   evidence, agreement, appeal); those sorts stay a top-N sort of the view's rows.
 *
 * Each index is one more B-tree an import fills; `npm run bench:grid` measures what they add
 * (grid.indexes.importCost) against the same rows inserted without them.
 */
export const GRID_SORT_INDEXES = {
  claims_by_received: 'CREATE INDEX claims_by_received ON claims(received_at, claim_id, tier)',
  claims_by_business_name:
    'CREATE INDEX claims_by_business_name ON claims(business_name, claim_id, tier)',
  claims_by_claimed_loss:
    'CREATE INDEX claims_by_claimed_loss ON claims(claimed_loss, claim_id, tier)',
  claims_by_industry: 'CREATE INDEX claims_by_industry ON claims(industry, claim_id, tier)',
  claims_by_service: 'CREATE INDEX claims_by_service ON claims(service, claim_id, tier)',
  claims_by_business:
    'DROP INDEX claims_by_business; CREATE INDEX claims_by_business ON claims(business_reg_no, claim_id, tier)',
  claims_by_tier:
    'DROP INDEX claims_by_tier; CREATE INDEX claims_by_tier ON claims(tier, claim_id)',
} as const;

export const migration020: Migration = {
  version: 20,
  name: 'grid-indexes',
  sql: Object.values(GRID_SORT_INDEXES)
    .map((statement) => `${statement};`)
    .join('\n'),
};

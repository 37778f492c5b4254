import type { QueueColumn } from '../../../shared/domain/queue-views';
import type { QueueQuery } from '../../../shared/ipc/queue-query';
import { COLUMN_SQL, effectiveSort, type SqlPart } from './queue';

/**
 * Keyset paging for the review queue: the next page starts after the last row served, found
 * in the order's index, instead of counting past every earlier row with OFFSET. It applies to
 * the orders of one column (and the default claim id order); a sort on several columns pages
 * by OFFSET.
 *
 * The grid puts empty values last in either direction, so a nullable column's order is two
 * stretches of its index: the values, then the empties by claim id. A page that reaches the
 * end of the values goes on into the empties (emptiesSql).
 */

/** Where a page ended: its last row's sort value (absent for the claim id order) and id. */
export interface QueueCursor {
  value: string | number | null;
  claimId: string;
}

/** The one-column order keyset paging follows; null for a sort on several columns. */
export interface KeysetOrder {
  /** The sorted column's SQL, or null for the claim id order. */
  column: string | null;
  descending: boolean;
  /** Whether the column has empty values: only then is there an empties stretch to go on to. */
  nullable: boolean;
}

/**
 * Columns that are never empty (NOT NULL in the schema, or a count or CASE with an ELSE), so
 * their order has no empties stretch to look for. A column missing here costs a page at the
 * end of the values one needless query; one listed here wrongly would lose rows.
 */
const NEVER_EMPTY: ReadonlySet<QueueColumn> = new Set<QueueColumn>([
  'claimId',
  'receivedAt',
  'service',
  'tier',
  'reviewState',
  'flags',
  'evidenceCount',
]);

export function keysetOrder(query: QueueQuery): KeysetOrder | null {
  const sort = effectiveSort(query);
  if (sort.length > 1) return null;
  const key = sort[0];
  const byId = key === undefined || key.colId === 'claimId';
  return {
    column: byId ? null : COLUMN_SQL[key.colId],
    descending: key?.sort === 'desc',
    nullable: !byId && !NEVER_EMPTY.has(key.colId),
  };
}

/** The sort value each page row reports, so the page's end can be a cursor. */
export function sortValueSql(order: KeysetOrder | null): string {
  return order?.column ?? 'NULL';
}

/** The rows after the cursor, in the order's own direction. */
export function afterSql(order: KeysetOrder, cursor: QueueCursor): SqlPart {
  const beyond = order.descending ? '<' : '>';
  if (order.column === null) return { sql: `c.claim_id ${beyond} ?`, params: [cursor.claimId] };
  if (cursor.value === null)
    return {
      sql: `${order.column} IS NULL AND c.claim_id ${beyond} ?`,
      params: [cursor.claimId],
    };
  // A row value comparison: SQLite turns it into a range of the (column, claim_id) index.
  // Empty values fail it, so it covers the rest of the values only.
  return {
    sql: `(${order.column}, c.claim_id) ${beyond} (?, ?)`,
    params: [cursor.value, cursor.claimId],
  };
}

/** The empties stretch of the order; null when its column is never empty. */
export function emptiesSql(order: KeysetOrder): SqlPart | null {
  return order.column === null || !order.nullable
    ? null
    : { sql: `${order.column} IS NULL`, params: [] };
}

/** Both conditions. */
export function both(a: SqlPart, b: SqlPart): SqlPart {
  return { sql: `(${a.sql}) AND (${b.sql})`, params: [...a.params, ...b.params] };
}

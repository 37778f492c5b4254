import type { QueueQuery } from '../../../shared/ipc/queue-query';
import type { Db } from '../../db/connection';
import type { QueueCursor } from '../../db/queries/queue-keyset';
import { queueDataVersion } from '../../db/repositories/queue';

/**
 * What main remembers about a grid query between its pages: the total, counted for the first
 * page asked and not again, and where each page served ended, so the next page walks on from
 * there (keyset paging) rather than counting past every earlier row. All of it is dropped the
 * moment the workspace's data version moves (any write here, any commit elsewhere), so a
 * decision that takes a claim out of a view is in the next page's total and order.
 */
export interface QueryMemory {
  total: number | null;
  /** Row index where a page ended -> that page's last row. */
  ends: Map<number, QueueCursor>;
}

/** A grid, its view switches and a second window; older queries are dropped first. */
const QUERIES_KEPT = 8;
/** 100k claims in the grid's pages of 40 is 2,500 ends: a query scrolled end to end fits. */
const ENDS_KEPT = 5_000;

const memories = new WeakMap<Db, { version: string; queries: Map<string, QueryMemory> }>();

/** The memory of one query, as asked by one person ("mine" is theirs). */
export function queryMemory(db: Db, query: QueueQuery, me: string | null): QueryMemory {
  const signature = JSON.stringify([query, me]);
  const version = queueDataVersion(db);
  let memory = memories.get(db);
  if (memory?.version !== version) {
    memory = { version, queries: new Map() };
    memories.set(db, memory);
  }
  const remembered = memory.queries.get(signature) ?? { total: null, ends: new Map() };
  // Re-inserted, so the map's first key is always the least recently used.
  memory.queries.delete(signature);
  memory.queries.set(signature, remembered);
  if (memory.queries.size > QUERIES_KEPT)
    memory.queries.delete(memory.queries.keys().next().value!);
  return remembered;
}

export function rememberEnd(memory: QueryMemory, row: number, cursor: QueueCursor): void {
  if (memory.ends.size >= ENDS_KEPT) memory.ends.clear();
  memory.ends.set(row, cursor);
}

/** The remembered end nearest at or before a row; row 0 (no cursor) when none is. */
export function nearestEnd(
  memory: QueryMemory,
  row: number,
): { row: number; cursor: QueueCursor | null } {
  let best: { row: number; cursor: QueueCursor | null } = { row: 0, cursor: null };
  for (const [end, cursor] of memory.ends)
    if (end <= row && end > best.row) best = { row: end, cursor };
  return best;
}

import {
  afterSql,
  both,
  emptiesSql,
  keysetOrder,
  sortValueSql,
} from '../../db/queries/queue-keyset';
import { orderSql, whereSql, walksSortIndex } from '../../db/queries/queue';
import { countQueue, queuePageKeys, type QueuePageKey } from '../../db/repositories/queue';
import type { Db } from '../../db/connection';
import type { QueueQuery } from '../../../shared/ipc/queue-query';
import { nearestEnd, rememberEnd, type QueryMemory } from './query-memory';

/**
 * The ids (and sort values) of rows startRow .. startRow + limit - 1 of a query. A page that
 * starts where a served page ended costs what the first page costs: it continues from that
 * page's last row. Any other page (the scrollbar dragged far down) continues from the nearest
 * end before it and skips the rows in between with OFFSET, once: the pages after it continue
 * from it. A sort on several columns always pages by OFFSET.
 */
export function pageKeys(
  db: Db,
  query: QueueQuery,
  me: string | null,
  memory: QueryMemory,
  startRow: number,
  limit: number,
): QueuePageKey[] {
  const where = whereSql(query, me, walksSortIndex(query));
  const order = orderSql(query);
  const keyset = keysetOrder(query);
  const sortValue = sortValueSql(keyset);
  if (keyset === null) return queuePageKeys(db, where, order, sortValue, limit, startRow);

  const from = nearestEnd(memory, startRow);
  const skip = startRow - from.row;
  const after = from.cursor === null ? where : both(where, afterSql(keyset, from.cursor));
  const keys = queuePageKeys(db, after, order, sortValue, limit, skip);

  // From a cursor among the values, the comparison leaves out the empty values that follow
  // them: a page reaching past the last value goes on into the empties.
  const empties = emptiesSql(keyset);
  if (
    keys.length < limit &&
    empties !== null &&
    from.cursor !== null &&
    from.cursor.value !== null
  ) {
    const valuesSkipped = keys.length > 0 ? skip : countQueue(db, after);
    keys.push(
      ...queuePageKeys(
        db,
        both(where, empties),
        order,
        sortValue,
        limit - keys.length,
        Math.max(0, skip - valuesSkipped),
      ),
    );
  }
  const last = keys.at(-1);
  if (last !== undefined)
    rememberEnd(memory, startRow + keys.length, { value: last.sortValue, claimId: last.claimId });
  return keys;
}

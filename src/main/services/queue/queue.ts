import { randomUUID } from 'node:crypto';
import type { QueueQuery } from '../../../shared/ipc/queue-query';
import type { QueueRow } from '../../../shared/ipc/review-schemas';
import { orderSql, walksSortIndex, whereSql } from '../../db/queries/queue';
import { countAssignedTo } from '../../db/repositories/assignments';
import { flagCodesByClaim } from '../../db/repositories/claim-flags';
import { countAllClaims } from '../../db/repositories/claims';
import { countQueue, queueIdsInOrder, queueRowsByIds } from '../../db/repositories/queue';
import { getSetting, setSetting } from '../../db/repositories/settings';
import { findLatestPolicy } from '../../db/repositories/support-policies';
import type { ServiceContext } from '../context';
import { pageKeys } from './page-keys';
import { queryMemory } from './query-memory';

/**
 * The review queue, a page at a time: the grid asks for the rows it is about to show (AG Grid's
 * infinite row model), so sorting and filtering 100k claims is one indexed SQL query in main
 * rather than work on 100k objects in the renderer (docs/decisions/0004).
 */

/** A stable id for this workspace, so the renderer can remember a grid layout per workspace. */
export function workspaceId(ctx: ServiceContext): string {
  const existing = getSetting(ctx.db, 'workspace_id');
  if (existing !== null) return existing;
  const made = randomUUID();
  setSetting(ctx.db, 'workspace_id', made);
  return made;
}

export function queueInfo(ctx: ServiceContext): {
  workspaceId: string;
  claims: number;
  assignedToMe: number;
  policyVersion: number | null;
} {
  const claims = countAllClaims(ctx.db);
  const person = me(ctx);
  const assignedToMe = person === null ? 0 : countAssignedTo(ctx.db, person);
  return {
    workspaceId: workspaceId(ctx),
    claims,
    assignedToMe,
    policyVersion: findLatestPolicy(ctx.db)?.version ?? null,
  };
}

/** Who "mine" means: the person who unlocked their key at this machine. */
function me(ctx: ServiceContext): string | null {
  return ctx.acting?.name ?? null;
}

export function queuePage(
  ctx: ServiceContext,
  request: { query: QueueQuery; startRow: number; endRow: number },
): { rows: QueueRow[]; total: number } {
  const { query, startRow, endRow } = request;
  const person = me(ctx);
  const memory = queryMemory(ctx.db, query, person);
  // Counted once per query and data version, not for every page (query-memory.ts).
  memory.total ??= countQueue(ctx.db, whereSql(query, person));
  // Two steps: find the page's ids with only what the order and filters need, then build just
  // those rows. Built in one query, every candidate row's columns would be computed before the
  // sort kept a hundred of them. (A count(*) OVER () here would defeat the sort's top-N.)
  const ids = pageKeys(ctx.db, query, person, memory, startRow, endRow - startRow).map(
    (key) => key.claimId,
  );
  const position = new Map(ids.map((id, index) => [id, index]));
  const found = queueRowsByIds(ctx.db, ids);
  const flags = flagCodesByClaim(ctx.db, ids);
  const rows = found
    .sort((a, b) => position.get(a.claimId)! - position.get(b.claimId)!)
    .map((row): QueueRow => ({ ...row, flags: flags.get(row.claimId) ?? [] }));
  return { rows, total: memory.total };
}

/** Every claim id the query selects, in its order: for bulk actions "on what is shown". */
export function queueIds(ctx: ServiceContext, query: QueueQuery): { claimIds: string[] } {
  const where = whereSql(query, me(ctx), walksSortIndex(query));
  const claimIds = queueIdsInOrder(ctx.db, where, orderSql(query));
  return { claimIds };
}

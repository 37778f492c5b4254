import { randomUUID } from 'node:crypto';
import type { QueueQuery } from '../../../shared/ipc/queue-query';
import type { QueueRow } from '../../../shared/ipc/review-schemas';
import { flagCodesByClaim } from '../../db/repositories/claim-flags';
import { getSetting, setSetting } from '../../db/repositories/settings';
import { findLatestPolicy } from '../../db/repositories/support-policies';
import type { ServiceContext } from '../context';
import { COLUMN_SQL, fromFor, orderSql, QUEUE_FROM, whereSql } from './queue-sql';

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
  const claims = ctx.db.prepare('SELECT count(*) FROM claims').pluck().get() as number;
  const person = me(ctx);
  const assignedToMe =
    person === null
      ? 0
      : (ctx.db
          .prepare('SELECT count(*) FROM claim_assignments WHERE assignee = ?')
          .pluck()
          .get(person) as number);
  return {
    workspaceId: workspaceId(ctx),
    claims,
    assignedToMe,
    policyVersion: findLatestPolicy(ctx.db)?.version ?? null,
  };
}

/** A grid row's columns, named as QueueRow names them (flags are added from their table). */
const ROW_SQL = `c.claim_id AS claimId, c.batch_id AS batchId, c.received_at AS receivedAt,
  c.claimant_type AS claimantType, c.affiliate, c.service, c.damage_type AS damageType,
  c.business_name AS businessName, c.business_reg_no AS businessRegNo, c.industry,
  c.claimed_loss AS claimedLoss, c.tier, ${COLUMN_SQL.reviewState} AS reviewState,
  s.amount AS calculatedSupport, cur.amount AS decidedAmount, a.assignee,
  ${COLUMN_SQL.evidenceCount} AS evidenceCount,
  (SELECT count(*) FROM evidence e WHERE e.claim_id = c.claim_id AND e.status <> 'stored')
    AS evidenceProblems, coalesce(agr.agreement, 'none') AS agreement, agr.split AS agreementSplit`;

/** Who "mine" means: the person chosen at this machine. */
function me(ctx: ServiceContext): string | null {
  return getSetting(ctx.db, 'current_person');
}

export function queuePage(
  ctx: ServiceContext,
  request: { query: QueueQuery; startRow: number; endRow: number },
): { rows: QueueRow[]; total: number } {
  const where = whereSql(request.query, me(ctx));
  const order = orderSql(request.query);
  const total = ctx.db
    .prepare(`SELECT count(*) FROM ${fromFor(where.sql)} WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  // Two steps: find the page's ids with only what the order and filters need, then build just
  // those rows. Built in one query, every candidate row's columns would be computed before the
  // sort kept a hundred of them. (A count(*) OVER () here would defeat the sort's top-N.)
  const ids = ctx.db
    .prepare(
      `SELECT c.claim_id FROM ${fromFor(where.sql, order)} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...where.params, request.endRow - request.startRow, request.startRow) as string[];
  const position = new Map(ids.map((id, index) => [id, index]));
  const found =
    ids.length === 0
      ? []
      : (ctx.db
          .prepare(
            `SELECT ${ROW_SQL} FROM ${QUEUE_FROM} WHERE c.claim_id IN (${ids.map(() => '?').join(', ')})`,
          )
          .all(...ids) as Omit<QueueRow, 'flags'>[]);
  const flags = flagCodesByClaim(ctx.db, ids);
  const rows = found
    .sort((a, b) => position.get(a.claimId)! - position.get(b.claimId)!)
    .map((row): QueueRow => ({ ...row, flags: flags.get(row.claimId) ?? [] }));
  return { rows, total };
}

/** Every claim id the query selects, in its order: for bulk actions "on what is shown". */
export function queueIds(ctx: ServiceContext, query: QueueQuery): { claimIds: string[] } {
  const where = whereSql(query, me(ctx));
  const claimIds = ctx.db
    .prepare(
      `SELECT c.claim_id FROM ${fromFor(where.sql, orderSql(query))} WHERE ${where.sql} ORDER BY ${orderSql(query)}`,
    )
    .pluck()
    .all(...where.params) as string[];
  return { claimIds };
}

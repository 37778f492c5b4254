import type { QueueRow } from '../../../shared/ipc/review-schemas';
import type { Db } from '../connection';
import {
  APPEAL_STATE_SQL,
  COLUMN_SQL,
  fromFor,
  NEW_EVIDENCE_SQL,
  QUEUE_FROM,
  type SqlPart,
} from '../queries/queue';

/**
 * The review queue's statements. The WHERE and ORDER BY text comes from queries/queue.ts
 * (whereSql, orderSql), whose values are all bound parameters.
 */

/** A grid row's columns, named as QueueRow names them (flags are added from their table). */
const ROW_SQL = `c.claim_id AS claimId, c.batch_id AS batchId, c.received_at AS receivedAt,
  c.claimant_type AS claimantType, c.affiliate, c.service, c.damage_type AS damageType,
  c.business_name AS businessName, c.business_reg_no AS businessRegNo, c.industry,
  c.claimed_loss AS claimedLoss, c.tier, ${COLUMN_SQL.reviewState} AS reviewState,
  s.amount AS calculatedSupport, cur.amount AS decidedAmount, a.assignee,
  ${COLUMN_SQL.evidenceCount} AS evidenceCount,
  (SELECT count(*) FROM evidence e WHERE e.claim_id = c.claim_id AND e.status <> 'stored')
    AS evidenceProblems, coalesce(agr.agreement, 'none') AS agreement, agr.split AS agreementSplit,
  ${NEW_EVIDENCE_SQL} AS newEvidence, ${APPEAL_STATE_SQL} AS appeal`;

export type QueueRowWithoutFlags = Omit<QueueRow, 'flags'>;

/*
 * The statements' text, exported so tests/main/db/query-plans.test.ts asserts the plans of
 * exactly what runs here.
 */
export const queueCountSql = (where: SqlPart): string =>
  `SELECT count(*) FROM ${fromFor(where.sql)} WHERE ${where.sql}`;
export const queuePageKeysSql = (where: SqlPart, order: string, sortValue: string): string =>
  `SELECT c.claim_id AS claimId, ${sortValue} AS sortValue FROM ${fromFor(where.sql, order, sortValue)} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`;
export const queueIdsSql = (where: SqlPart, order: string): string =>
  `SELECT c.claim_id FROM ${fromFor(where.sql, order)} WHERE ${where.sql} ORDER BY ${order}`;
export const queueRowsSql = (idCount: number): string =>
  `SELECT ${ROW_SQL} FROM ${QUEUE_FROM} WHERE c.claim_id IN (${Array.from({ length: idCount }, () => '?').join(', ')})`;

/** How many claims the filter selects (only the joins the filter uses). */
export function countQueue(db: Db, where: SqlPart): number {
  return db
    .prepare(queueCountSql(where))
    .pluck()
    .get(...where.params) as number;
}

/** A page row's place in its order: its id and the value it was sorted by. */
export interface QueuePageKey {
  claimId: string;
  sortValue: string | number | null;
}

/**
 * One page of the selected claims' ids in the asked-for order, each with its sort value (only
 * what filter and order need).
 */
export function queuePageKeys(
  db: Db,
  where: SqlPart,
  order: string,
  sortValue: string,
  limit: number,
  offset: number,
): QueuePageKey[] {
  return db
    .prepare(queuePageKeysSql(where, order, sortValue))
    .all(...where.params, limit, offset) as QueuePageKey[];
}

/**
 * Changes whenever the workspace may have: a write on this connection (total_changes) or a
 * commit on any other, an import's or another process's (data_version). What the queue
 * remembers between pages is kept only while this stays the same.
 */
export function queueDataVersion(db: Db): string {
  return db
    .prepare("SELECT total_changes() || ':' || data_version FROM pragma_data_version")
    .pluck()
    .get() as string;
}

/** Every selected claim's id in the asked-for order. */
export function queueIdsInOrder(db: Db, where: SqlPart, order: string): string[] {
  return db
    .prepare(queueIdsSql(where, order))
    .pluck()
    .all(...where.params) as string[];
}

/** The grid rows of these claims, in no particular order; [] for no ids. */
export function queueRowsByIds(db: Db, ids: readonly string[]): QueueRowWithoutFlags[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(queueRowsSql(ids.length)).all(...ids) as (Omit<
    QueueRowWithoutFlags,
    'newEvidence'
  > & { newEvidence: number })[];
  return rows.map((row) => ({ ...row, newEvidence: row.newEvidence === 1 }));
}

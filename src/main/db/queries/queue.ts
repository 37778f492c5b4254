import { APPEAL_STATE_LABELS } from '../../../shared/domain/appeals';
import { OUTCOMES, REVIEW_STATE_LABELS, stateAfter } from '../../../shared/domain/decision';
import { CLAIM_FLAGS, CLAIM_FLAG_LABELS } from '../../../shared/domain/flags';
import {
  AGREEMENT_LABELS,
  type QueueColumn,
  type QueueViewId,
} from '../../../shared/domain/queue-views';
import { TIERS, TIER_LABELS } from '../../../shared/domain/tier';
import type { ColumnFilter, FilterCondition, QueueQuery } from '../../../shared/ipc/queue-query';

/**
 * Turns the grid's query into SQL. Column names come only from the tables below and every
 * value is a bound parameter, so nothing the renderer sends is ever spliced into the text.
 *
 * The review queue is a read model over five tables (claims, decisions, claim_support,
 * claim_assignments, claim_agreement), not one aggregate's store, and composing its text is
 * pure (no connection): so it lives here, and the statements that run it are in
 * repositories/queue.ts (docs/decisions/0004).
 */

/** The current decision of each claim: the one no other decision replaces. */
const CURRENT_JOIN = `
  LEFT JOIN (
    SELECT d.id AS id, d.claim_id, d.outcome, d.amount FROM decisions d
    WHERE NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = d.id)
  ) cur ON cur.claim_id = c.claim_id`;
const SUPPORT_JOIN = ' LEFT JOIN claim_support s ON s.claim_id = c.claim_id';
const ASSIGNMENT_JOIN = ' LEFT JOIN claim_assignments a ON a.claim_id = c.claim_id';
/** Members' agreement per claim (derived, migration 011); no row when nobody recommended. */
const AGREEMENT_JOIN = ' LEFT JOIN claim_agreement agr ON agr.claim_id = c.claim_id';

export const QUEUE_FROM = `claims c ${CURRENT_JOIN}${SUPPORT_JOIN}${ASSIGNMENT_JOIN}${AGREEMENT_JOIN}`;

/**
 * The claims table with only the joins some clause uses (every alias is ours, written in this
 * file): counting 100k claims must not join three tables it never looks at.
 */
export function fromFor(...clauses: string[]): string {
  const text = clauses.join(' ');
  return [
    'claims c',
    /\bcur\./.test(text) ? CURRENT_JOIN : '',
    /\bs\./.test(text) ? SUPPORT_JOIN : '',
    /\ba\./.test(text) ? ASSIGNMENT_JOIN : '',
    /\bagr\./.test(text) ? AGREEMENT_JOIN : '',
  ].join('');
}

const STATE_SQL = `CASE cur.outcome ${OUTCOMES.map(
  (outcome) => `WHEN '${outcome}' THEN '${stateAfter(outcome)}'`,
).join(' ')} ELSE 'undecided' END`;

const FLAG_COUNT_SQL = '(SELECT count(*) FROM claim_flags f WHERE f.claim_id = c.claim_id)';
const HAS_FLAG_SQL = 'EXISTS (SELECT 1 FROM claim_flags f WHERE f.claim_id = c.claim_id)';
const EVIDENCE_COUNT_SQL = '(SELECT count(*) FROM evidence e WHERE e.claim_id = c.claim_id)';

/** Evidence arrived for the evidence request the claim stands at (migration 016). */
const REQUEST_ANSWERED_SQL =
  'EXISTS (SELECT 1 FROM evidence_arrivals ea WHERE ea.answers_decision_id = cur.id)';
/**
 * Back for review with new evidence: the claim still stands at its evidence request, and
 * evidence answering it has come. The next decision replaces the request and ends the mark.
 */
export const NEW_EVIDENCE_SQL = `(cur.outcome = 'request_evidence' AND ${REQUEST_ANSWERED_SQL})`;

/** Where the claim's latest appeal stands (the appeal_status view of migration 018); NULL: none. */
export const APPEAL_STATE_SQL = `(SELECT s.state FROM appeal_status s
  WHERE s.claim_id = c.claim_id ORDER BY s.id DESC LIMIT 1)`;
/**
 * An appeal admitted after the claim's current decision: the council has the claim to decide
 * again, so it is back in the open queue (a bracket claim admitted has no decision at all).
 */
const APPEAL_ADMITTED_SINCE_DECISION_SQL = `EXISTS (SELECT 1 FROM appeals ap
  JOIN appeal_rulings r ON r.appeal_id = ap.id
  WHERE ap.claim_id = c.claim_id AND r.ruling = 'admitted'
    AND r.ruled_at > (SELECT x.decided_at FROM decisions x WHERE x.id = cur.id))`;

/**
 * Sorting by agreement: one member, then agreement, then conflict, each by how many members
 * recommended; claims nobody recommended on are NULL and so come last either way.
 */
const AGREEMENT_ORDER_SQL = `(CASE agr.agreement WHEN 'single' THEN 1000 WHEN 'agree' THEN 2000
  WHEN 'conflict' THEN 3000 END + agr.members)`;
const AGREEMENT_KIND_SQL = "coalesce(agr.agreement, 'none')";

export const COLUMN_SQL: Record<QueueColumn, string> = {
  claimId: 'c.claim_id',
  receivedAt: 'c.received_at',
  businessName: 'c.business_name',
  businessRegNo: 'c.business_reg_no',
  industry: 'c.industry',
  service: 'c.service',
  claimedLoss: 'c.claimed_loss',
  calculatedSupport: 's.amount',
  reviewState: STATE_SQL,
  tier: 'c.tier',
  assignee: 'a.assignee',
  flags: FLAG_COUNT_SQL,
  evidenceCount: EVIDENCE_COUNT_SQL,
  agreement: AGREEMENT_ORDER_SQL,
  appeal: APPEAL_STATE_SQL,
};

/** Columns shown as words: a text filter matches the words (ko or en) and means their codes. */
const LABELLED: Partial<Record<QueueColumn, Record<string, { ko: string; en: string }>>> = {
  reviewState: REVIEW_STATE_LABELS,
  tier: Object.fromEntries(TIERS.map((t) => [t, TIER_LABELS[t]])),
  flags: Object.fromEntries(CLAIM_FLAGS.map((f) => [f, CLAIM_FLAG_LABELS[f]])),
  agreement: AGREEMENT_LABELS,
  appeal: APPEAL_STATE_LABELS,
};

export interface SqlPart {
  sql: string;
  params: (string | number)[];
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function textMatches(label: string, condition: FilterCondition & { filterType: 'text' }): boolean {
  const wanted = (condition.filter ?? '').toLowerCase();
  const value = label.toLowerCase();
  switch (condition.type) {
    case 'contains':
    case 'notContains':
      return value.includes(wanted);
    case 'equals':
    case 'notEqual':
      return value === wanted;
    case 'startsWith':
      return value.startsWith(wanted);
    case 'endsWith':
      return value.endsWith(wanted);
    default:
      return false;
  }
}

/** The codes of a labelled column whose words (in either language) or code match. */
function codesMatching(
  labels: Record<string, { ko: string; en: string }>,
  condition: FilterCondition & { filterType: 'text' },
): string[] {
  const positive =
    condition.type === 'notContains'
      ? 'contains'
      : condition.type === 'notEqual'
        ? 'equals'
        : condition.type;
  const probe = { ...condition, type: positive };
  return Object.entries(labels)
    .filter(([code, label]) => [code, label.ko, label.en].some((text) => textMatches(text, probe)))
    .map(([code]) => code);
}

function inList(expr: string, codes: string[], negate: boolean): SqlPart {
  if (codes.length === 0) return { sql: negate ? '1' : '0', params: [] };
  return {
    sql: `${expr} ${negate ? 'NOT IN' : 'IN'} (${codes.map(() => '?').join(', ')})`,
    params: codes,
  };
}

function labelledCondition(column: QueueColumn, condition: FilterCondition): SqlPart {
  const labels = LABELLED[column]!;
  if (condition.filterType !== 'text') return { sql: '1', params: [] };
  const negate = condition.type === 'notContains' || condition.type === 'notEqual';
  if (column === 'flags') {
    if (condition.type === 'blank') return { sql: `NOT ${HAS_FLAG_SQL}`, params: [] };
    if (condition.type === 'notBlank') return { sql: HAS_FLAG_SQL, params: [] };
    const codes = codesMatching(labels, condition);
    const exists = inList('f.flag', codes, false);
    return {
      sql: `${negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM claim_flags f WHERE f.claim_id = c.claim_id AND ${exists.sql})`,
      params: exists.params,
    };
  }
  if (column === 'agreement') {
    if (condition.type === 'blank') return { sql: `${AGREEMENT_KIND_SQL} = 'none'`, params: [] };
    if (condition.type === 'notBlank')
      return { sql: `${AGREEMENT_KIND_SQL} <> 'none'`, params: [] };
    return inList(AGREEMENT_KIND_SQL, codesMatching(labels, condition), negate);
  }
  if (column === 'appeal') {
    // A claim without an appeal is blank, and a "not" filter keeps it.
    if (condition.type === 'blank') return { sql: `${APPEAL_STATE_SQL} IS NULL`, params: [] };
    if (condition.type === 'notBlank')
      return { sql: `${APPEAL_STATE_SQL} IS NOT NULL`, params: [] };
    return inList(`coalesce(${APPEAL_STATE_SQL}, '')`, codesMatching(labels, condition), negate);
  }
  if (condition.type === 'blank') return { sql: '0', params: [] };
  if (condition.type === 'notBlank') return { sql: '1', params: [] };
  return inList(COLUMN_SQL[column], codesMatching(labels, condition), negate);
}

function textCondition(expr: string, condition: FilterCondition & { filterType: 'text' }): SqlPart {
  const value = condition.filter ?? '';
  const like = (pattern: string, negate = false): SqlPart => ({
    sql: `coalesce(${expr}, '') ${negate ? 'NOT LIKE' : 'LIKE'} ? ESCAPE '\\'`,
    params: [pattern],
  });
  switch (condition.type) {
    case 'contains':
      return like(`%${escapeLike(value)}%`);
    case 'notContains':
      return like(`%${escapeLike(value)}%`, true);
    case 'startsWith':
      return like(`${escapeLike(value)}%`);
    case 'endsWith':
      return like(`%${escapeLike(value)}`);
    case 'equals':
      return { sql: `${expr} = ?`, params: [value] };
    case 'notEqual':
      return { sql: `coalesce(${expr}, '') <> ?`, params: [value] };
    case 'blank':
      return { sql: `coalesce(${expr}, '') = ''`, params: [] };
    case 'notBlank':
      return { sql: `coalesce(${expr}, '') <> ''`, params: [] };
  }
}

const NUMBER_OPS = {
  equals: '=',
  notEqual: '<>',
  lessThan: '<',
  lessThanOrEqual: '<=',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
} as const;

function numberCondition(
  expr: string,
  condition: FilterCondition & { filterType: 'number' },
): SqlPart {
  if (condition.type === 'blank') return { sql: `${expr} IS NULL`, params: [] };
  if (condition.type === 'notBlank') return { sql: `${expr} IS NOT NULL`, params: [] };
  const from = condition.filter ?? null;
  if (from === null) return { sql: '1', params: [] };
  if (condition.type === 'inRange') {
    const to = condition.filterTo ?? from;
    return { sql: `${expr} BETWEEN ? AND ?`, params: [Math.min(from, to), Math.max(from, to)] };
  }
  return { sql: `${expr} ${NUMBER_OPS[condition.type]} ?`, params: [from] };
}

/** Dates compare by day: "2022-10-20 00:00:00" from the filter against the claim's date. */
function dateCondition(expr: string, condition: FilterCondition & { filterType: 'date' }): SqlPart {
  const day = `substr(${expr}, 1, 10)`;
  const from = condition.dateFrom?.slice(0, 10) ?? null;
  const to = condition.dateTo?.slice(0, 10) ?? from;
  if (condition.type === 'blank') return { sql: `${expr} IS NULL`, params: [] };
  if (condition.type === 'notBlank') return { sql: `${expr} IS NOT NULL`, params: [] };
  if (from === null) return { sql: '1', params: [] };
  switch (condition.type) {
    case 'equals':
      return { sql: `${day} = ?`, params: [from] };
    case 'notEqual':
      return { sql: `${day} <> ?`, params: [from] };
    case 'lessThan':
      return { sql: `${day} < ?`, params: [from] };
    case 'greaterThan':
      return { sql: `${day} > ?`, params: [from] };
    case 'inRange':
      return { sql: `${day} BETWEEN ? AND ?`, params: [from, to!] };
  }
}

function conditionSql(column: QueueColumn, condition: FilterCondition): SqlPart {
  if (LABELLED[column]) return labelledCondition(column, condition);
  const expr = COLUMN_SQL[column];
  if (condition.filterType === 'text') return textCondition(expr, condition);
  if (condition.filterType === 'number') return numberCondition(expr, condition);
  return dateCondition(expr, condition);
}

function columnFilterSql(column: QueueColumn, filter: ColumnFilter): SqlPart {
  if ('conditions' in filter) {
    const parts = filter.conditions.map((condition) => conditionSql(column, condition));
    return {
      sql: `(${parts.map((p) => p.sql).join(` ${filter.operator} `)})`,
      params: parts.flatMap((p) => p.params),
    };
  }
  return conditionSql(column, filter);
}

/**
 * A view's condition in one of two shapes. Searching (counting, or a page in an order no index
 * holds), the condition leads: SQLite finds the view's claims by its index (claims_by_tier, the
 * flags) and sorts those. Walking a sort's index (migration 020), the index leads and the
 * condition is checked on each entry met: `+c.tier` keeps SQLite from searching claims_by_tier
 * instead (the tier is in every sort index, so no row is read for it), and a flag is probed per
 * claim rather than every flagged claim gathered and sorted.
 */
function viewSql(view: QueueViewId, me: string | null, walking: boolean): SqlPart {
  const tier = walking ? '+c.tier' : 'c.tier';
  switch (view) {
    case 'all':
      return { sql: '1', params: [] };
    case 'mine':
      return me === null ? { sql: '0', params: [] } : { sql: 'a.assignee = ?', params: [me] };
    case 'queue':
      return {
        sql: `${tier} = 'committee_review' AND (cur.outcome IS NULL OR ${NEW_EVIDENCE_SQL} OR ${APPEAL_ADMITTED_SINCE_DECISION_SQL})`,
        params: [],
      };
    case 'decided':
      return { sql: "cur.outcome IN ('approve', 'partial', 'reject')", params: [] };
    case 'evidence_requested':
      return {
        sql: `cur.outcome = 'request_evidence' AND NOT ${REQUEST_ANSWERED_SQL}`,
        params: [],
      };
    case 'deferred':
      return { sql: "cur.outcome = 'defer'", params: [] };
    case 'flagged':
      return {
        sql: walking ? HAS_FLAG_SQL : 'c.claim_id IN (SELECT claim_id FROM claim_flags)',
        params: [],
      };
    case 'appeals':
      return { sql: 'c.claim_id IN (SELECT claim_id FROM appeals)', params: [] };
    case 'member_conflict':
      // Through the agreement index: the few conflicting claims, not a probe per claim.
      return {
        sql: "c.claim_id IN (SELECT claim_id FROM claim_agreement WHERE agreement = 'conflict')",
        params: [],
      };
    default:
      return { sql: `${tier} = ?`, params: [view.slice('tier:'.length)] };
  }
}

const SEARCHED = [
  'c.claim_id',
  'c.business_name',
  'c.business_reg_no',
  'c.industry',
  'c.service',
  'c.affiliate',
  'a.assignee',
];

/** Every word of the search must appear somewhere: in a text column or a state/tier/flag word. */
function searchSql(search: string): SqlPart {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 8);
  const parts = words.map((word): SqlPart => {
    const pattern = `%${escapeLike(word)}%`;
    const labelled = (['reviewState', 'tier', 'flags'] as const).map((column) =>
      labelledCondition(column, { filterType: 'text', type: 'contains', filter: word }),
    );
    return {
      sql: `(${[...SEARCHED.map((col) => `coalesce(${col}, '') LIKE ? ESCAPE '\\'`), ...labelled.map((p) => p.sql)].join(' OR ')})`,
      params: [...SEARCHED.map(() => pattern), ...labelled.flatMap((p) => p.params)],
    };
  });
  return {
    sql: parts.length ? parts.map((p) => p.sql).join(' AND ') : '1',
    params: parts.flatMap((p) => p.params),
  };
}

/**
 * The WHERE clause (without the keyword) and its parameters; `walking` when the page walks the
 * sort's index (walksSortIndex), which only changes how the view's condition is written.
 */
export function whereSql(query: QueueQuery, me: string | null, walking = false): SqlPart {
  const parts: SqlPart[] = [
    viewSql(query.view as QueueViewId, me, walking),
    searchSql(query.search),
  ];
  for (const [column, filter] of Object.entries(query.filters) as [QueueColumn, ColumnFilter][])
    parts.push(columnFilterSql(column, filter));
  return {
    sql: parts.map((p) => `(${p.sql})`).join(' AND '),
    params: parts.flatMap((p) => p.params),
  };
}

/**
 * Columns migration 020 indexes as (column, claim_id, tier): a page sorted by one walks that
 * index. The claim id's order (the primary key) and the tier's (claims_by_tier, which a tier
 * view searches anyway) need no walking shape; the other columns are computed from other
 * tables, and their sorts stay a top-N sort of the view's rows.
 */
export const WALKED_SORTS: ReadonlySet<QueueColumn> = new Set<QueueColumn>([
  'receivedAt',
  'businessName',
  'businessRegNo',
  'industry',
  'service',
  'claimedLoss',
]);

/** The sort keys that matter: none after the claim id, which is unique. */
export function effectiveSort(query: QueueQuery): QueueQuery['sort'] {
  const byId = query.sort.findIndex((key) => key.colId === 'claimId');
  return byId === -1 ? query.sort : query.sort.slice(0, byId + 1);
}

/** One column sorted, one with an index of its own: the page walks that index. */
export function walksSortIndex(query: QueueQuery): boolean {
  const sort = effectiveSort(query);
  return sort.length === 1 && WALKED_SORTS.has(sort[0]!.colId);
}

/**
 * Asked-for order, empty values last whichever way (as spreadsheets do, and as SQLite walks an
 * index for `NULLS LAST` without a sort), then the claim id, so equal values keep one order
 * across pages. The claim id runs the way the last key runs: the whole order is then one index
 * walked forwards or backwards.
 */
export function orderSql(query: QueueQuery): string {
  const sort = effectiveSort(query);
  const keys = sort
    .filter(({ colId }) => colId !== 'claimId')
    .map(
      ({ colId, sort: way }) =>
        `${COLUMN_SQL[colId]} ${way === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`,
    );
  const last = sort.at(-1)?.sort === 'desc' ? 'DESC' : 'ASC';
  return [...keys, `c.claim_id ${last}`].join(', ');
}

import { TIERS, type Tier } from './tier';

/**
 * The review queue's saved views. Each is a fixed condition main turns into SQL; column
 * filters, sorting and the quick search narrow whatever the view shows.
 */
export type QueueViewId =
  | 'mine'
  | 'queue'
  | 'all'
  | 'decided'
  | 'evidence_requested'
  | 'deferred'
  | 'flagged'
  | `tier:${Tier}`;

export const QUEUE_VIEWS: readonly QueueViewId[] = [
  'mine',
  'queue',
  'all',
  'decided',
  'evidence_requested',
  'deferred',
  'flagged',
  ...TIERS.map((tier) => `tier:${tier}` as const),
];

export function isQueueView(value: unknown): value is QueueViewId {
  return typeof value === 'string' && (QUEUE_VIEWS as readonly string[]).includes(value);
}

/** The grid's columns that main can sort and filter on. */
export const QUEUE_COLUMNS = [
  'claimId',
  'receivedAt',
  'businessName',
  'businessRegNo',
  'industry',
  'service',
  'claimedLoss',
  'calculatedSupport',
  'reviewState',
  'tier',
  'assignee',
  'flags',
  'evidenceCount',
] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];

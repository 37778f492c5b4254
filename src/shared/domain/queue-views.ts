import type { Agreement } from './committee/agreement';
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
  /** Claims on which members' latest recommendations differ. */
  | 'member_conflict'
  /** Claims with any appeal (이의신청), whatever its ruling. */
  | 'appeals'
  | `tier:${Tier}`;

export const QUEUE_VIEWS: readonly QueueViewId[] = [
  'mine',
  'queue',
  'all',
  'decided',
  'evidence_requested',
  'deferred',
  'flagged',
  'member_conflict',
  'appeals',
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
  'agreement',
  /** Where the claim's latest appeal stands; blank without one. */
  'appeal',
] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];

/** How members' recommendations on a claim stand to each other (agreementOf), every kind. */
export const AGREEMENTS = [
  'none',
  'single',
  'agree',
  'conflict',
] as const satisfies readonly Agreement[];

/** The grid's words for agreement, which its text filter matches; 'none' shows blank. */
export const AGREEMENT_LABELS: Record<Exclude<Agreement, 'none'>, { ko: string; en: string }> = {
  single: { ko: '1명', en: 'one member' },
  agree: { ko: '일치', en: 'agree' },
  conflict: { ko: '충돌', en: 'conflict' },
};

import type { ReviewState } from '../../../../shared/domain/decision';
import { TIERS, type Tier } from '../../../../shared/domain/tier';
import type { QueueRow } from '../../../../shared/ipc/review-schemas';

/**
 * Saved views of the queue. Each is a predicate applied as the grid's external filter, so
 * column filters and the quick search still narrow whatever the view shows.
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

const DECIDED: ReadonlySet<ReviewState> = new Set(['approved', 'partially_approved', 'rejected']);

export function viewPredicate(
  view: QueueViewId,
  me: string | null,
): ((row: QueueRow) => boolean) | null {
  switch (view) {
    case 'all':
      return null;
    case 'mine':
      return (row) => me !== null && row.assignee === me;
    case 'queue':
      return (row) => row.tier === 'committee_review' && row.reviewState === 'undecided';
    case 'decided':
      return (row) => DECIDED.has(row.reviewState);
    case 'evidence_requested':
      return (row) => row.reviewState === 'evidence_requested';
    case 'deferred':
      return (row) => row.reviewState === 'deferred';
    case 'flagged':
      return (row) => row.flags.length > 0;
    default: {
      const tier = view.slice('tier:'.length) as Tier;
      return (row) => row.tier === tier;
    }
  }
}

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

/** A member with claims assigned starts on them; everyone else on the undecided queue. */
export function defaultView(rows: readonly QueueRow[], me: string | null): QueueViewId {
  return me !== null && rows.some((row) => row.assignee === me) ? 'mine' : 'queue';
}

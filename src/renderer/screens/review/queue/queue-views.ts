import type { QueueViewId } from '../../../../shared/domain/queue-views';

export { QUEUE_VIEWS, isQueueView, type QueueViewId } from '../../../../shared/domain/queue-views';

/** A member with claims assigned starts on them; everyone else on the undecided queue. */
export function defaultView(assignedToMe: number): QueueViewId {
  return assignedToMe > 0 ? 'mine' : 'queue';
}

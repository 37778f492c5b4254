import type { QueueColumn } from '../../../../shared/domain/queue-views';
import { queueQuery, type QueueQuery } from '../../../../shared/ipc/queue-query';

/**
 * The grid's sort, kept by the review screen rather than by AG Grid. AG Grid's infinite row
 * model throws its rows away on every sort change and draws "loading" rows before asking for
 * the first page; kept here, a sort change refreshes the rows in place, as a view change does
 * (docs/decisions/0004). Main does the sorting either way.
 */
export type QueueSort = QueueQuery['sort'];

/**
 * A header clicked: AG Grid's own cycle (ascending, descending, none). With `addToSort` (Shift
 * held) the other sorted columns stay, and a column already sorted keeps its place among them.
 */
export function nextSort(sort: QueueSort, colId: QueueColumn, addToSort: boolean): QueueSort {
  const current = sort.find((key) => key.colId === colId)?.sort;
  const next = current === undefined ? 'asc' : current === 'asc' ? 'desc' : null;
  if (!addToSort) return next === null ? [] : [{ colId, sort: next }];
  if (next === null) return sort.filter((key) => key.colId !== colId);
  if (current === undefined) return [...sort, { colId, sort: next }];
  return sort.map((key) => (key.colId === colId ? { colId, sort: next } : key));
}

/** A remembered sort, if it is one main accepts; else none. */
export function sortOrNone(value: unknown): QueueSort {
  const parsed = queueQuery.shape.sort.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The sort the headers show, with a way for each header to hear of a change. */
export class SortBoard {
  #sort: QueueSort;
  readonly #listeners = new Set<() => void>();

  constructor(sort: QueueSort) {
    this.#sort = sort;
  }

  get sort(): QueueSort {
    return this.#sort;
  }

  show(sort: QueueSort): void {
    this.#sort = sort;
    this.#listeners.forEach((listener) => listener());
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

import type { GridState } from 'ag-grid-community';
import { sortOrNone, type QueueSort } from './queue-sort';
import { isQueueView, type QueueViewId } from './queue-views';

/**
 * The grid's layout and filters, remembered per workspace on this machine: a member who
 * reorders columns in one workspace should not find another workspace rearranged.
 */
const key = (workspaceId: string) => `review-desk.grid.${workspaceId}`;

export interface GridMemory {
  state?: GridState;
  view?: QueueViewId;
  sort?: QueueSort;
}

export function loadGridMemory(workspaceId: string): GridMemory {
  try {
    const text = window.localStorage.getItem(key(workspaceId));
    if (!text) return {};
    const parsed = JSON.parse(text) as { state?: unknown; view?: unknown; sort?: unknown };
    const state =
      typeof parsed.state === 'object' && parsed.state !== null
        ? (parsed.state as GridState)
        : undefined;
    return {
      state,
      view: isQueueView(parsed.view) ? parsed.view : undefined,
      // Before the screen kept the sort, AG Grid kept it in its state.
      sort: sortOrNone(parsed.sort ?? state?.sort?.sortModel),
    };
  } catch {
    // Unreadable or unavailable storage: start with the default layout rather than fail.
    return {};
  }
}

/** Keeps what a person arranges (columns, sort, filters), not where they happened to be. */
export function saveGridMemory(workspaceId: string, memory: GridMemory): void {
  const state = memory.state;
  const kept: GridState | undefined = state && {
    columnOrder: state.columnOrder,
    columnSizing: state.columnSizing,
    columnVisibility: state.columnVisibility,
    columnPinning: state.columnPinning,
    filter: state.filter,
  };
  try {
    window.localStorage.setItem(
      key(workspaceId),
      JSON.stringify({ state: kept, view: memory.view, sort: memory.sort }),
    );
  } catch {
    // Full or unavailable storage only costs the remembered layout.
  }
}

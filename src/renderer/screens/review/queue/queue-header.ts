import type { IHeaderParams, IInnerHeaderComponent } from 'ag-grid-community';
import type { QueueColumn } from '../../../../shared/domain/queue-views';
import type { QueueRow } from '../../../../shared/ipc/review-schemas';
import type { SortBoard } from './queue-sort';

export interface QueueHeaderParams {
  board: SortBoard;
  /** A header asked to sort: its column, and whether Shift adds it to the columns sorted. */
  toggleSort: (colId: QueueColumn, addToSort: boolean) => void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * The text of a column header with the screen's own sort (queue-sort.ts): AG Grid keeps its
 * header (filter button, resizing, keyboard focus) and this fills in the name, the arrow and,
 * on the header cell, aria-sort. A click on the label or Enter on the header sorts, as AG Grid's
 * own header would; the columns are not sortable to AG Grid, so it never resets its rows.
 */
export class QueueHeaderLabel implements IInnerHeaderComponent<QueueRow> {
  readonly #gui = document.createElement('span');
  readonly #name = document.createElement('span');
  readonly #arrow = document.createElement('span');
  readonly #order = document.createElement('span');
  #params!: IHeaderParams<QueueRow> & QueueHeaderParams;
  #cleanups: (() => void)[] = [];

  init(params: IHeaderParams<QueueRow> & QueueHeaderParams): void {
    this.#params = params;
    this.#gui.className = 'queue-header';
    this.#arrow.setAttribute('aria-hidden', 'true');
    this.#order.className = 'queue-header__order';
    this.#order.setAttribute('aria-hidden', 'true');
    this.#gui.append(this.#name, this.#arrow, this.#order);
    this.#name.textContent = params.displayName;
    const header = params.eGridHeader;
    const colId = params.column.getColId() as QueueColumn;
    // As AG Grid's header does: the click that ends dragging a column to a new place is no sort.
    let movedAt = 0;
    const moved = () => (movedAt = Date.now());
    const click = (event: MouseEvent) => {
      const dragged = params.column.isMoving() || Date.now() - movedAt < 50;
      if (!dragged && (event.target as Element).closest('.ag-header-cell-label'))
        params.toggleSort(colId, event.shiftKey);
    };
    // Ctrl+Enter is AG Grid's: it opens the filter.
    const key = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && event.target === header)
        params.toggleSort(colId, event.shiftKey);
    };
    // AG Grid sets aria-sort again (to nothing) when a filter changes: put it back after.
    const show = () => this.#show();
    header.addEventListener('click', click);
    header.addEventListener('keydown', key);
    params.column.addEventListener('movingChanged', moved);
    params.api.addEventListener('filterChanged', show);
    this.#cleanups = [
      () => header.removeEventListener('click', click),
      () => params.column.removeEventListener('movingChanged', moved),
      () => header.removeEventListener('keydown', key),
      () => params.api.removeEventListener('filterChanged', show),
      params.board.subscribe(show),
    ];
    this.#show();
  }

  getGui(): HTMLElement {
    return this.#gui;
  }

  refresh(params: IHeaderParams<QueueRow> & QueueHeaderParams): boolean {
    this.#params = params;
    this.#name.textContent = params.displayName;
    this.#show();
    return true;
  }

  destroy(): void {
    this.#cleanups.forEach((cleanup) => cleanup());
  }

  #show(): void {
    const { board, column, eGridHeader } = this.#params;
    const sort = board.sort;
    const at = sort.findIndex((key) => key.colId === column.getColId());
    const way = at === -1 ? null : sort[at]!.sort;
    this.#arrow.className = way === null ? '' : `ag-icon ag-icon-${way}`;
    // The position among several sorted columns, as AG Grid shows it.
    this.#order.textContent = way !== null && sort.length > 1 ? String(at + 1) : '';
    eGridHeader.setAttribute('aria-sort', way === null ? 'none' : ARIA_SORT[way]);
  }
}

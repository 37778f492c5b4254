import type {
  ColDef,
  GetRowIdParams,
  GridOptions,
  GridState,
  IDatasource,
  RowSelectionOptions,
} from 'ag-grid-community';
import type { QueueRow } from '../../../../shared/ipc/review-schemas';
import { pageStyleNonce } from '../../../app/style-nonce';
import type { Locale } from '../../../i18n/locale-context';
import { GRID_LOCALE_TEXT, reviewGridTheme } from './grid-setup';
import { QueueHeaderLabel, type QueueHeaderParams } from './queue-header';

/**
 * Rows per request: a screenful of a tall window (about 23 rows show in a 900 px window, 38 in
 * 1,440 px), so the first screen is one request. Every row crosses the process boundary (in
 * the bench's harness about half a millisecond each) and becomes a row node whether it shows
 * or not; with keyset paging a later page costs what the first does, so pages stay small.
 */
export const PAGE_ROWS = 40;
/** Pages kept: a refresh (view, search, sort, a decision) asks again for every page kept. */
const PAGES_KEPT = 6;
/** Rows drawn beyond the viewport's edges: enough for a wheel step; each costs its cells. */
const ROWS_BEYOND_VIEW = 2;

const ROW_SELECTION: RowSelectionOptions<QueueRow> = {
  mode: 'singleRow',
  checkboxes: false,
  enableClickSelection: true,
};
const rowIdOf = (params: GetRowIdParams<QueueRow>) => params.data.claimId;

export interface QueueGridSetup extends QueueHeaderParams {
  locale: Locale;
  columnDefs: ColDef<QueueRow>[];
  datasource: IDatasource;
  initialState: GridState | undefined;
  noRowsText: string;
  onStateChange: (state: GridState) => void;
  onOpen: (claimId: string) => void;
}

/**
 * The review queue's grid (docs/decisions/0004): the infinite row model over main's pages, the
 * screen's own sort in the headers, native tooltips (a tooltip component per cell cost more
 * than the cell), and the vertical scrollbar always shown, so a page that changes the row count
 * does not restyle the whole grid twice.
 */
export function queueGridOptions(setup: QueueGridSetup): GridOptions<QueueRow> {
  const header: QueueHeaderParams = { board: setup.board, toggleSort: setup.toggleSort };
  return {
    theme: reviewGridTheme,
    styleNonce: pageStyleNonce(),
    localeText: GRID_LOCALE_TEXT[setup.locale],
    rowModelType: 'infinite',
    datasource: setup.datasource,
    cacheBlockSize: PAGE_ROWS,
    maxBlocksInCache: PAGES_KEPT,
    rowBuffer: ROWS_BEYOND_VIEW,
    suppressAnimationFrame: true,
    animateRows: false,
    suppressColumnMoveAnimation: true,
    columnDefs: setup.columnDefs,
    defaultColDef: {
      // Sorted by the screen, not by AG Grid (queue-sort.ts).
      sortable: false,
      resizable: true,
      filter: true,
      headerComponentParams: {
        innerHeaderComponent: QueueHeaderLabel,
        innerHeaderComponentParams: header,
      },
    },
    getRowId: rowIdOf,
    rowSelection: ROW_SELECTION,
    initialState: setup.initialState && { ...setup.initialState, sort: undefined },
    onStateUpdated: (event) => setup.onStateChange(event.state),
    onRowClicked: (event) => {
      if (event.data) setup.onOpen(event.data.claimId);
    },
    onCellKeyDown: (event) => {
      const key = (event.event as KeyboardEvent | undefined)?.key;
      if (key === 'Enter' && event.data) {
        event.node.setSelected(true);
        setup.onOpen(event.data.claimId);
      }
    },
    overlayNoRowsTemplate: `<span class="muted">${setup.noRowsText}</span>`,
    enableCellTextSelection: true,
    enableBrowserTooltips: true,
    alwaysShowVerticalScroll: true,
  };
}

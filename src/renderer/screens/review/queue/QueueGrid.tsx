import type {
  CellKeyDownEvent,
  ColDef,
  GetRowIdParams,
  RowSelectionOptions,
  GridApi,
  GridReadyEvent,
  GridState,
  IDatasource,
  IGetRowsParams,
  RowClickedEvent,
  StateUpdatedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { QueueViewId } from '../../../../shared/domain/queue-views';
import type { QueueQuery } from '../../../../shared/ipc/queue-query';
import type { QueueRow } from '../../../../shared/ipc/review-schemas';
import { api } from '../../../api/client';
import { pageStyleNonce } from '../../../app/style-nonce';
import { useLocale } from '../../../i18n/locale-context';
import { GRID_LOCALE_TEXT, reviewGridTheme } from './grid-setup';
import { queueColumns } from './queue-columns';

/** Rows per request: a screenful or three, small enough to answer in milliseconds. */
const PAGE_ROWS = 100;

// Module constants, not inline literals: a new object on each render makes the grid redo its
// columns or selection, which costs a sort's worth of time on every page that arrives.
const DEFAULT_COLUMN: ColDef<QueueRow> = { sortable: true, resizable: true, filter: true };
const ROW_SELECTION: RowSelectionOptions<QueueRow> = {
  mode: 'singleRow',
  checkboxes: false,
  enableClickSelection: true,
};
const rowIdOf = (params: GetRowIdParams<QueueRow>) => params.data.claimId;

export interface QueueGridProps {
  view: QueueViewId;
  search: string;
  initialState: GridState | undefined;
  onStateChange: (state: GridState) => void;
  onOpen: (claimId: string) => void;
  onReady: (api: GridApi<QueueRow>) => void;
  /** After each page arrives: how many claims the query selects in all. */
  /** A page of rows arrived: the total, and the view and search it was asked for (it may be stale). */
  onPage: (total: number, page: { view: string; search: string; startRow: number }) => void;
}

/** The query the grid's current view, search, sort and filters stand for. */
export function currentQuery(
  api: GridApi<QueueRow>,
  view: QueueViewId,
  search: string,
): QueueQuery {
  return {
    view,
    search,
    sort: api
      .getColumnState()
      .filter((c) => c.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((c) => ({ colId: c.colId, sort: c.sort! })) as QueueQuery['sort'],
    filters: api.getFilterModel() as QueueQuery['filters'],
  };
}

/** Two frames after a page's rows were handed to the grid: they are on screen. */
function markPainted(first: boolean) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (first) performance.mark('review:grid-painted');
      performance.mark('review:page-painted');
    }),
  );
}

/**
 * The review queue on AG Grid's infinite row model: main sorts, filters and searches in SQL
 * and sends the page in view (docs/decisions/0004 has the measurements behind the choice).
 */
export function QueueGrid(props: QueueGridProps) {
  const { t, label, locale } = useLocale();
  const { view, search, onOpen, onReady, onStateChange, onPage } = props;
  const columnDefs = useMemo(() => queueColumns(t, label, locale), [t, label, locale]);
  const apiRef = useRef<GridApi<QueueRow> | null>(null);
  // The datasource reads the view and search when it runs; refs keep it one stable object.
  const viewRef = useRef(view);
  const searchRef = useRef(search);
  const onPageRef = useRef(onPage);
  const painted = useRef(false);

  useEffect(() => {
    onPageRef.current = onPage;
  });
  useEffect(() => {
    if (viewRef.current === view && searchRef.current === search) return;
    viewRef.current = view;
    searchRef.current = search;
    apiRef.current?.purgeInfiniteCache();
  }, [view, search]);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams<QueueRow>) {
        performance.mark('review:page-requested');
        const query: QueueQuery = {
          view: viewRef.current,
          search: searchRef.current,
          sort: params.sortModel as QueueQuery['sort'],
          filters: params.filterModel as QueueQuery['filters'],
        };
        api.queue
          .page({ query, startRow: params.startRow, endRow: params.endRow })
          .then(({ rows, total }) => {
            performance.mark('review:page-arrived');
            if (!painted.current) performance.mark('review:queue-data');
            params.successCallback(rows, total);
            markPainted(!painted.current);
            painted.current = true;
            onPageRef.current(total, {
              view: query.view,
              search: query.search,
              startRow: params.startRow,
            });
          })
          .catch(() => params.failCallback());
      },
    }),
    [],
  );

  const ready = useCallback(
    (event: GridReadyEvent<QueueRow>) => {
      apiRef.current = event.api;
      onReady(event.api);
    },
    [onReady],
  );

  // Stable handlers, for the same reason as the constants above. The latest props are read
  // through a ref, so the handlers never need to change.
  const propsRef = useRef({ onOpen, onStateChange });
  useEffect(() => {
    propsRef.current = { onOpen, onStateChange };
  });
  const stateUpdated = useCallback(
    (event: StateUpdatedEvent<QueueRow>) => propsRef.current.onStateChange(event.state),
    [],
  );
  const rowClicked = useCallback((event: RowClickedEvent<QueueRow>) => {
    if (event.data) propsRef.current.onOpen(event.data.claimId);
  }, []);
  const cellKeyDown = useCallback((event: CellKeyDownEvent<QueueRow>) => {
    const key = (event.event as KeyboardEvent | undefined)?.key;
    if (key === 'Enter' && event.data) {
      event.node.setSelected(true);
      propsRef.current.onOpen(event.data.claimId);
    }
  }, []);
  const noRows = useMemo(() => `<span class="muted">${t('review.empty')}</span>`, [t]);

  return (
    <div className="queue-grid" data-testid="queue-grid">
      <AgGridReact<QueueRow>
        key={locale /* the grid's own texts are set once per instance */}
        theme={reviewGridTheme}
        styleNonce={pageStyleNonce()}
        localeText={GRID_LOCALE_TEXT[locale]}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={PAGE_ROWS}
        maxBlocksInCache={50}
        rowBuffer={4}
        suppressAnimationFrame
        animateRows={false}
        suppressColumnMoveAnimation
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COLUMN}
        getRowId={rowIdOf}
        rowSelection={ROW_SELECTION}
        initialState={props.initialState}
        onStateUpdated={stateUpdated}
        onGridReady={ready}
        onRowClicked={rowClicked}
        onCellKeyDown={cellKeyDown}
        overlayNoRowsTemplate={noRows}
        enableCellTextSelection
        tooltipShowDelay={300}
      />
    </div>
  );
}

import {
  createGrid,
  type GridApi,
  type GridState,
  type IDatasource,
  type IGetRowsParams,
} from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { QueueColumn, QueueViewId } from '../../../../shared/domain/queue-views';
import type { QueueQuery } from '../../../../shared/ipc/queue-query';
import type { QueueRow } from '../../../../shared/ipc/review-schemas';
import { api } from '../../../api/client';
import { useLocale } from '../../../i18n/locale-context';
import { queueColumns } from './queue-columns';
import { queueGridOptions } from './queue-grid-options';
import { nextSort, SortBoard, type QueueSort } from './queue-sort';

export interface QueueGridProps {
  view: QueueViewId;
  search: string;
  sort: QueueSort;
  initialState: GridState | undefined;
  onStateChange: (state: GridState) => void;
  onSortChange: (sort: QueueSort) => void;
  onOpen: (claimId: string) => void;
  onReady: (api: GridApi<QueueRow>) => void;
  /** A page of rows arrived: the total, and the view and search it was asked for (it may be stale). */
  onPage: (total: number, page: { view: string; search: string; startRow: number }) => void;
}

/** The query the grid's current view, search, sort and filters stand for. */
export function currentQuery(
  api: GridApi<QueueRow>,
  view: QueueViewId,
  search: string,
  sort: QueueSort,
): QueueQuery {
  return { view, search, sort, filters: api.getFilterModel() as QueueQuery['filters'] };
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
 * and sends the page in view (docs/decisions/0004 has the measurements behind the choices).
 * The grid is AG Grid's own, made with createGrid: drawn by React, every cell of every row
 * cost a component's render and commit, about half of a page's time on the page thread.
 */
export function QueueGrid(props: QueueGridProps) {
  const { t, label, locale } = useLocale();
  const { view, search, sort, onPage } = props;
  const columnDefs = useMemo(() => queueColumns(t, label, locale), [t, label, locale]);
  const apiRef = useRef<GridApi<QueueRow> | null>(null);
  // The datasource and headers read the query when they run: one stable object each.
  const queryRef = useRef({ view, search, sort });
  const [board] = useState(() => new SortBoard(sort));
  const onPageRef = useRef(onPage);
  const painted = useRef(false);
  // The latest props, read by the grid's handlers, which are set once per grid.
  const propsRef = useRef(props);
  useEffect(() => {
    onPageRef.current = onPage;
    propsRef.current = props;
  });

  useEffect(() => {
    const asked = queryRef.current;
    if (asked.view === view && asked.search === search && asked.sort === sort) return;
    queryRef.current = { view, search, sort };
    board.show(sort);
    // Asked again in place: the rows shown stay until the new ones replace them, instead of
    // every row being drawn as "loading" first and then drawn again.
    apiRef.current?.refreshInfiniteCache();
  }, [view, search, sort, board]);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams<QueueRow>) {
        performance.mark('review:page-requested');
        const query: QueueQuery = {
          ...queryRef.current,
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

  const host = useRef<HTMLDivElement>(null);
  // One grid per language (columnDefs and t change with it): its own texts are set once.
  useEffect(() => {
    const grid = createGrid<QueueRow>(
      host.current!,
      queueGridOptions({
        locale,
        columnDefs,
        datasource,
        board,
        toggleSort: (colId: QueueColumn, addToSort: boolean) =>
          propsRef.current.onSortChange(nextSort(queryRef.current.sort, colId, addToSort)),
        initialState: propsRef.current.initialState,
        noRowsText: t('review.empty'),
        onStateChange: (state) => propsRef.current.onStateChange(state),
        onOpen: (claimId) => propsRef.current.onOpen(claimId),
      }),
    );
    apiRef.current = grid;
    propsRef.current.onReady(grid);
    return () => {
      apiRef.current = null;
      grid.destroy();
    };
  }, [locale, columnDefs, datasource, board, t]);

  return <div className="queue-grid" data-testid="queue-grid" ref={host} />;
}

import type {
  CellKeyDownEvent,
  GridApi,
  GridReadyEvent,
  GridState,
  IRowNode,
  RowClickedEvent,
  StateUpdatedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { QueueRow } from '../../../../shared/ipc/review-schemas';
import { useLocale } from '../../../i18n/locale-context';
import { pageStyleNonce } from '../../../app/style-nonce';
import { GRID_LOCALE_TEXT, reviewGridTheme } from './grid-setup';
import { queueColumns } from './queue-columns';

export interface QueueGridProps {
  rows: QueueRow[];
  /** The saved view as a predicate; null shows every row. */
  viewFilter: ((row: QueueRow) => boolean) | null;
  quickFilterText: string;
  initialState: GridState | undefined;
  onStateChange: (state: GridState) => void;
  onOpen: (claimId: string) => void;
  onReady: (api: GridApi<QueueRow>) => void;
  /** Called whenever the rows on show change (view, filter, search, new data). */
  onDisplayedChange: (api: GridApi<QueueRow>) => void;
}

/**
 * The review queue. Client-side row model: every claim is in memory, so sorting, filtering and
 * searching never wait on main (docs/decisions/0004 has the measurements behind the choice).
 */
export function QueueGrid(props: QueueGridProps) {
  const { t, label, locale } = useLocale();
  const { viewFilter, onOpen, onReady, onDisplayedChange, onStateChange } = props;
  const columnDefs = useMemo(() => queueColumns(t, label, locale), [t, label, locale]);
  // The grid reads the external filter through these callbacks; a ref keeps them stable.
  const filterRef = useRef(viewFilter);
  const apiRef = useRef<GridApi<QueueRow> | null>(null);
  // A new view is a new external filter: tell the grid to run it again.
  useEffect(() => {
    filterRef.current = viewFilter;
    apiRef.current?.onFilterChanged();
  }, [viewFilter]);

  const ready = useCallback(
    (event: GridReadyEvent<QueueRow>) => {
      apiRef.current = event.api;
      onReady(event.api);
    },
    [onReady],
  );

  return (
    <div className="queue-grid" data-testid="queue-grid">
      <AgGridReact<QueueRow>
        key={locale /* the grid's own texts are set once per instance */}
        theme={reviewGridTheme}
        styleNonce={pageStyleNonce()}
        localeText={GRID_LOCALE_TEXT[locale]}
        rowData={props.rows}
        columnDefs={columnDefs}
        defaultColDef={{ sortable: true, resizable: true, filter: true, floatingFilter: false }}
        getRowId={(params) => params.data.claimId}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        quickFilterText={props.quickFilterText}
        cacheQuickFilter
        isExternalFilterPresent={() => filterRef.current !== null}
        doesExternalFilterPass={(node: IRowNode<QueueRow>) =>
          node.data !== undefined && (filterRef.current?.(node.data) ?? true)
        }
        initialState={props.initialState}
        onStateUpdated={(event: StateUpdatedEvent<QueueRow>) => onStateChange(event.state)}
        onGridReady={ready}
        onModelUpdated={(event) => onDisplayedChange(event.api)}
        onFirstDataRendered={() =>
          // Two frames: the mark lands after the first rows have actually been painted.
          requestAnimationFrame(() =>
            requestAnimationFrame(() => performance.mark('review:grid-painted')),
          )
        }
        onRowClicked={(event: RowClickedEvent<QueueRow>) => {
          if (event.data) onOpen(event.data.claimId);
        }}
        onCellKeyDown={(event: CellKeyDownEvent<QueueRow>) => {
          const key = (event.event as KeyboardEvent | undefined)?.key;
          if (key === 'Enter' && event.data) {
            event.node.setSelected(true);
            onOpen(event.data.claimId);
          }
        }}
        overlayNoRowsTemplate={`<span class="muted">${t('review.empty')}</span>`}
        animateRows={false}
        enableCellTextSelection
        tooltipShowDelay={300}
      />
    </div>
  );
}

import type { GridApi, GridState } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';
import type { SupportPolicy } from '../../../shared/domain/support-policy';
import type { PersonDto, QueueRow } from '../../../shared/ipc/review-schemas';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { formatCount } from '../../i18n/format';
import { useT } from '../../i18n/locale-context';
import { ClaimWorkspace, type ClaimCommands } from './ClaimWorkspace';
import { ShortcutHelp } from './keyboard/ShortcutHelp';
import { useReviewShortcuts } from './keyboard/shortcuts';
import { AssignBar } from './queue/AssignBar';
import { loadGridMemory, saveGridMemory } from './queue/grid-memory';
import { currentQuery, QueueGrid } from './queue/QueueGrid';
import { QuickSearch } from './queue/QuickSearch';
import type { QueueSort } from './queue/queue-sort';
import { defaultView, QUEUE_VIEWS, type QueueViewId } from './queue/queue-views';
import { ViewPicker } from './queue/ViewPicker';
import { RecommendationsPanel } from './recommendations/RecommendationsPanel';
import { Button } from '../../components/Button';

export function ReviewScreen() {
  const t = useT();
  const queue = useApi(api.queue.info, undefined);
  const people = useApi(api.people.list, undefined);
  const policy = useApi(api.policy.get, {});

  const failed = [queue.state, people.state].find((s) => s.status === 'error');
  return (
    <section className="screen screen--review">
      {failed?.status === 'error' && (
        <ErrorNotice
          error={failed.error}
          onRetry={() => {
            queue.reload();
            people.reload();
          }}
        />
      )}
      {(queue.state.status === 'loading' || people.state.status === 'loading') && <Loading />}
      {queue.state.status === 'ready' && people.state.status === 'ready' && (
        <ReviewDesk
          claims={queue.state.value.claims}
          assignedToMe={queue.state.value.assignedToMe}
          workspaceId={queue.state.value.workspaceId}
          people={people.state.value.people}
          me={people.state.value.current}
          policy={policy.state.status === 'ready' ? policy.state.value : null}
          onQueueChanged={queue.reload}
        />
      )}
      {queue.state.status === 'ready' && queue.state.value.claims === 0 && (
        <p className="empty-inline" data-testid="claims-empty">
          {t('review.noClaims')}
        </p>
      )}
    </section>
  );
}

function ReviewDesk({
  claims,
  assignedToMe,
  workspaceId,
  people,
  me,
  policy,
  onQueueChanged,
}: {
  claims: number;
  assignedToMe: number;
  workspaceId: string;
  people: PersonDto[];
  me: PersonDto | null;
  policy: SupportPolicy | null;
  onQueueChanged: () => void;
}) {
  const t = useT();
  const [memory] = useState(() => loadGridMemory(workspaceId));
  const [view, setView] = useState<QueueViewId>(() => memory.view ?? defaultView(assignedToMe));
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<QueueSort>(() => memory.sort ?? []);
  const [openId, setOpenId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [recsOpen, setRecsOpen] = useState(false);
  /** Bumped when members' files arrive: the open claim shows their recommendations again. */
  const [recsVersion, setRecsVersion] = useState(0);
  const [shown, setShown] = useState<number | null>(null);
  const gridApi = useRef<GridApi<QueueRow> | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const claimCommands = useRef<ClaimCommands>({});
  const gridState = useRef<GridState | undefined>(memory.state);
  /** Where the last opened claim sat, for "next" after it left the view. */
  const lastIndex = useRef(0);

  /** Enter in the search box: open the first claim found once its page has arrived. */
  /**
   * Enter in the quick search opens the first row found for what was typed: only the first page
   * of that search counts, not one still on its way for a half-typed text or a refresh.
   */
  const openFirstFor = useRef<string | null>(null);

  const remember = useCallback(
    (patch: { view?: QueueViewId; state?: GridState; sort?: QueueSort }) => {
      if (patch.state) gridState.current = patch.state;
      saveGridMemory(workspaceId, {
        view: patch.view ?? view,
        state: gridState.current,
        sort: patch.sort ?? sort,
      });
    },
    [workspaceId, view, sort],
  );

  function chooseSort(next: QueueSort) {
    setSort(next);
    remember({ sort: next });
  }

  function chooseView(next: QueueViewId) {
    setView(next);
    remember({ view: next });
  }

  function open(claimId: string) {
    const index = gridApi.current?.getRowNode(claimId)?.rowIndex;
    if (index !== null && index !== undefined) lastIndex.current = index;
    setOpenId(claimId);
  }

  /** Opens the claim at a position of the grid's current order, and focuses its row. */
  /** Opens the row at index; false where the grid has no data there (yet). */
  function openRow(index: number): boolean {
    const api = gridApi.current;
    const node = api?.getDisplayedRowAtIndex(index);
    if (!api || !node?.data) return false;
    node.setSelected(true);
    api.ensureIndexVisible(index);
    api.setFocusedCell(index, 'claimId');
    open(node.data.claimId);
    return true;
  }

  /**
   * Moves the open claim up or down the grid's current order. A claim just decided may have
   * left the view; then the claim now at its place is the next one.
   */
  function step(delta: number) {
    const api = gridApi.current;
    if (!api) return;
    const count = api.getDisplayedRowCount();
    if (count === 0) return;
    const at = openId === null ? null : (api.getRowNode(openId)?.rowIndex ?? null);
    const index = at === null ? Math.min(lastIndex.current, count - 1) : at + delta;
    openRow(Math.min(count - 1, Math.max(0, index)));
  }

  function focusGrid() {
    const api = gridApi.current;
    if (!api || api.getDisplayedRowCount() === 0) return;
    const at = openId === null ? 0 : (api.getRowNode(openId)?.rowIndex ?? 0);
    api.ensureIndexVisible(at);
    api.setFocusedCell(at, 'claimId');
  }

  useReviewShortcuts({
    nextClaim: () => step(1),
    previousClaim: () => step(-1),
    focusGrid,
    focusSearch: () => searchBox.current?.focus(),
    closeClaim: () => {
      // Escape always leads back towards the grid: a dialog first, then the claim, then focus.
      // An Escape inside an open dialog never gets here (the dialog closes itself on it); these
      // two branches are for one pressed with focus left on the page's body.
      if (recsOpen) setRecsOpen(false);
      else if (helpOpen) setHelpOpen(false);
      else {
        setOpenId(null);
        focusGrid();
      }
    },
    toggleHelp: () => setHelpOpen((open) => !open),
    nextEvidence: () => claimCommands.current.nextEvidence?.(),
    previousEvidence: () => claimCommands.current.previousEvidence?.(),
    focusEvidence: () => claimCommands.current.focusEvidence?.(),
    focusCalculator: () => claimCommands.current.focusCalculator?.(),
    focusDecision: () => claimCommands.current.focusDecision?.(),
    chooseOutcome: (outcome) => claimCommands.current.chooseOutcome?.(outcome),
    saveDecision: () => claimCommands.current.saveDecision?.(),
    focusHistory: () => claimCommands.current.focusHistory?.(),
    revealContact: () => claimCommands.current.revealContact?.(),
  });

  /** A decision may move its claim out of the view: the loaded pages are asked for again. */
  function decisionSaved() {
    gridApi.current?.refreshInfiniteCache();
  }

  /** Everything the grid selects now (view, search, filters), in its order: from main. */
  async function shownIds(): Promise<string[]> {
    const grid = gridApi.current;
    if (!grid) return [];
    return (await api.queue.ids({ query: currentQuery(grid, view, search, sort) })).claimIds;
  }

  const isSecretary = me?.role === 'secretary';
  return (
    <>
      <ScreenHeader
        title={t('review.title')}
        actions={
          <>
            <ViewPicker
              views={QUEUE_VIEWS}
              value={view}
              onChange={chooseView}
              hasMe={me !== null}
            />
            <QuickSearch
              ref={searchBox}
              onSearch={(text) => {
                performance.mark('review:search-applied');
                setSearch(text);
              }}
              onSubmit={(text) => {
                setOpenId(null);
                openFirstFor.current = text;
                if (text === search) gridApi.current?.refreshInfiniteCache();
                else setSearch(text);
              }}
            />
            <span className="muted" data-testid="claim-count">
              {t('review.shown', {
                shown: shown === null ? '…' : formatCount(shown),
                total: formatCount(claims),
              })}
            </span>
            <Button variant="ghost" onClick={onQueueChanged}>
              {t('app.common.refresh')}
            </Button>
            <Button variant="secondary" testId="recs-open" onClick={() => setRecsOpen(true)}>
              {t('recommendations.open')}
            </Button>
            <Button variant="ghost" testId="shortcut-help-open" onClick={() => setHelpOpen(true)}>
              {t('review.keys.button')} <kbd>?</kbd>
            </Button>
          </>
        }
      />
      {isSecretary && (
        <AssignBar people={people} shownClaimIds={shownIds} onAssigned={onQueueChanged} />
      )}
      <div className={`review-desk ${openId ? 'review-desk--open' : ''}`}>
        <QueueGrid
          view={view}
          search={search}
          sort={sort}
          initialState={memory.state}
          onStateChange={(state) => remember({ state })}
          onSortChange={chooseSort}
          onOpen={open}
          onReady={(api) => (gridApi.current = api)}
          onPage={(total, page) => {
            if (page.view !== view || page.search !== search) return;
            setShown(total);
            if (openFirstFor.current === page.search && page.startRow === 0) {
              // The page's rows reach the grid's nodes in this same tick; open after it. A page
              // the grid dropped (its block was purged meanwhile) leaves row 0 loading: then the
              // next page of this search opens it. Nothing found: nothing to open.
              window.setTimeout(() => {
                if (openFirstFor.current !== page.search) return;
                if (total === 0 || openRow(0)) openFirstFor.current = null;
              });
            }
          }}
        />
        {openId !== null && (
          <ClaimWorkspace
            key={openId}
            claimId={openId}
            policy={policy}
            recommendationsVersion={recsVersion}
            commands={claimCommands}
            onClose={() => setOpenId(null)}
            onDecisionSaved={decisionSaved}
            onClaimChanged={decisionSaved}
          />
        )}
      </div>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      {recsOpen && (
        <RecommendationsPanel
          exportFirst={me?.role === 'member' || me?.role === 'chair'}
          onClose={() => setRecsOpen(false)}
          onImported={() => {
            setRecsVersion((v) => v + 1);
            gridApi.current?.refreshInfiniteCache();
          }}
        />
      )}
    </>
  );
}

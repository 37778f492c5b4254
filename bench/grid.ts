// npm run bench:grid: the review queue in Chromium with 100k claims, bound to the real router
// as in the browser tests. First paint after the data arrives, and sort/filter latency.
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeLargeBatch } from '../src/main/demo';
import { importBatch } from '../src/main/services/intake/import-batch';
import { openBenchSession, openBenchWorkspace } from './bench-workspace';
import { queuePage } from '../src/main/services/queue/queue';
import type { QueueQuery } from '../src/shared/ipc/queue-query';
import { openRenderer } from '../tests/e2e/helpers/renderer-harness';
import { emit, round, scratchDir } from './support';

const ROOT = join(import.meta.dirname, '..');
const ROWS = 100_000;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/**
 * Runs a sort or a view change in the page and returns ms until the grid has painted the
 * page main sent back for it (the grid marks each painted page).
 */
async function timed(
  page: Page,
  action: string,
  arg: string,
): Promise<readonly [number, number, number]> {
  return page.evaluate(
    async ([kind, value]) => {
      const before = performance.getEntriesByName('review:page-painted').length;
      const started = performance.now();
      if (kind === 'sort') {
        document
          .querySelector<HTMLElement>(`.ag-header-cell[col-id="${value}"] .ag-header-cell-label`)!
          .click();
      } else {
        const select = document.querySelector<HTMLSelectElement>('[data-testid="queue-view"]')!;
        select.value = value!;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      // Inline on purpose: tsx wraps named functions in a helper the page does not have.
      while (performance.getEntriesByName('review:page-painted').length === before)
        await new Promise((resolve) => setTimeout(resolve, 1));
      return (['review:page-painted', 'review:page-requested', 'review:page-arrived'] as const).map(
        (name) => performance.getEntriesByName(name).at(-1)!.startTime - started,
      ) as unknown as readonly [number, number, number];
    },
    [action, arg] as const,
  );
}

const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
if (built.status !== 0 || !existsSync(join(ROOT, 'out/renderer/index.html')))
  throw new Error(`renderer build failed: ${built.stderr}`);

const dir = scratchDir('grid');
const batch = join(dir, 'batch.csv');
await writeLargeBatch(batch, ROWS, 1015);
const imported = openBenchWorkspace(join(dir, 'ws'), {});
await importBatch(imported, { file: batch });
imported.db.close();
// Opened as the app opens it, so the renderer gets past its lock screen.
const session = openBenchSession(join(dir, 'ws'));
const ctx = session.ctx;

const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
  await openRenderer(page, () => ctx, undefined, session);
  const opened = performance.now();
  await page.getByTestId('nav-review').click();
  await page.waitForFunction(
    () => performance.getEntriesByName('review:grid-painted').length > 0,
    null,
    { timeout: 60_000 },
  );
  const openToPaint = performance.now() - opened;
  const firstPaint = await page.evaluate(
    () =>
      performance.getEntriesByName('review:grid-painted')[0]!.startTime -
      performance.getEntriesByName('review:queue-data')[0]!.startTime,
  );
  // Reference: the same page painting 40 rows of the same columns as a plain table.
  const plainTable = await page.evaluate(async () => {
    const started = performance.now();
    const table = document.createElement('table');
    for (let i = 0; i < 40; i++) {
      const tr = table.insertRow();
      for (const cell of [
        `K-2022-${String(i).padStart(6, '0')}`,
        '2022. 10. 20. 14:33',
        '을지로 국밥집',
        '음식점업',
        '카카오톡',
        '1,850,000원',
      ])
        tr.insertCell().textContent = cell;
    }
    document.body.append(table);
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
    );
    const elapsed = performance.now() - started;
    table.remove();
    return elapsed;
  });

  await timed(page, 'view', 'all'); // the full 100k
  const samples: number[] = [];
  /** Where the time goes: click to request, request to answer (IPC and SQL), answer to paint. */
  const phases = { request: [] as number[], answer: [] as number[], paint: [] as number[] };
  const record = ([painted, requested, arrived]: readonly [number, number, number]) => {
    samples.push(painted);
    phases.request.push(requested);
    phases.answer.push(arrived - requested);
    phases.paint.push(painted - arrived);
  };
  for (let round = 0; round < 4; round++) {
    for (const column of ['claimedLoss', 'receivedAt', 'businessName'])
      record(await timed(page, 'sort', column));
    for (const view of ['queue', 'flagged', 'tier:tier_30k', 'all'])
      record(await timed(page, 'view', view));
  }
  // Reference: the same kinds of page query run straight in this process (no IPC, no grid).
  const direct: number[] = [];
  const base: QueueQuery = { view: 'all', search: '', sort: [], filters: {} };
  for (let round = 0; round < 4; round++) {
    const queries: QueueQuery[] = [
      ...(['claimedLoss', 'receivedAt', 'businessName'] as const).map((colId) => ({
        ...base,
        sort: [{ colId, sort: round % 2 ? ('desc' as const) : ('asc' as const) }],
      })),
      ...['queue', 'flagged', 'tier:tier_30k', 'all'].map((view) => ({ ...base, view })),
    ];
    for (const query of queries) {
      const started = performance.now();
      queuePage(ctx, { query, startRow: 0, endRow: 100 });
      direct.push(performance.now() - started);
    }
  }

  // Deep pages (keyset paging): a page reached by scrolling to row 50,000 against one near the
  // top, and the same row asked cold (the scrollbar dragged there: OFFSET through the index once).
  const pageMs = (query: QueueQuery, startRow: number) => {
    const started = performance.now();
    queuePage(ctx, { query, startRow, endRow: startRow + 100 });
    return performance.now() - started;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const scrolled: QueueQuery = { ...base, sort: [{ colId: 'claimedLoss', sort: 'asc' }] };
  const firstPageMs = pageMs(scrolled, 0);
  const scrolling: number[] = [];
  for (let startRow = 100; startRow <= 50_000; startRow += 100)
    scrolling.push(pageMs(scrolled, startRow));
  const jumped: QueueQuery = { ...base, sort: [{ colId: 'claimedLoss', sort: 'desc' }] };
  pageMs(jumped, 0);
  const jumpMs = pageMs(jumped, 50_000);
  const afterJumpMs = pageMs(jumped, 50_100);

  // The test transport's own cost: a call that does nothing in main, through the same binding.
  const transport = await page.evaluate(async () => {
    const api = (window as unknown as { api: { app: { info(r: undefined): Promise<unknown> } } })
      .api;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await api.app.info(undefined);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[18]!;
  });

  emit({
    bench: 'grid.firstPaint',
    value: round(firstPaint),
    unit: 'ms',
    reference: 'the same page painting 40 rows of the same columns as a plain HTML table, same run',
    referenceValue: round(plainTable),
    rows: ROWS,
    rowModel: 'infinite',
    // QueueGrid's page (queue-grid-options.ts PAGE_ROWS); 100 before keyset paging.
    pageRows: 40,
    screenOpenToPaintMs: round(openToPaint),
  });
  emit({
    bench: 'grid.sortFilter.p95',
    value: round(p95(samples)),
    unit: 'ms',
    reference: 'the same kinds of page query called directly in the bench process (p95), same run',
    referenceValue: round(p95(direct)),
    rows: ROWS,
    operations: samples.length,
    median: round([...samples].sort((a, b) => a - b)[samples.length >> 1]!),
    p95ClickToRequest: round(p95(phases.request)),
    p95RequestToAnswer: round(p95(phases.answer)),
    p95AnswerToPaint: round(p95(phases.paint)),
    harnessCallP95: round(transport),
  });
  emit({
    bench: 'grid.deepPage',
    value: round(median(scrolling.slice(-10)), 2),
    unit: 'ms',
    reference:
      'pages at rows 100-1,099 of the same query, scrolled to page by page (median), same run',
    referenceValue: round(median(scrolling.slice(0, 10)), 2),
    query: 'all claims by claimed loss; value: pages at rows 49,100-50,099 (median)',
    firstPageMs: round(firstPageMs, 2),
    jumpToRow50000Ms: round(jumpMs, 2),
    pageAfterJumpMs: round(afterJumpMs, 2),
  });
} finally {
  await browser.close();
  session.lock('person');
  rmSync(dir, { recursive: true, force: true });
}

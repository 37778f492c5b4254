// The timed part of bench/reports.ts, one figure per process, on the workspace the setup left on
// disk: as the CLI meets it, opened fresh, with no import's heap and garbage around. Prints one
// JSON object: the figure's samples, its reference's samples and the process's peak RSS.
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { createWriteStream, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { excelJsWorkbookWriter } from '../src/main/lib/exceljs';
import type { ServiceContext } from '../src/main/services/context';
import { buildLedger, exportLedger, LEDGER_HEADERS } from '../src/main/services/ledger';
import { ledgerCells } from '../src/main/services/ledger/ledger-table';
import { ZIP_LEVEL } from '../src/main/services/ledger/ledger-xlsx';
import { batchStats } from '../src/main/services/stats/stats';
import { openBenchWorkspace } from './bench-workspace';
import { scratchDir } from './support';

export interface ChildResult {
  /** The figure, each sample taken on a connection opened for it (stats) or in turn (ledger). */
  samples: number[];
  referenceSamples: number[];
  /** Further samples: stats repeated on one warm connection; the ledger's query alone. */
  extraSamples: number[];
  rows: number;
  bytes: number;
  /** The first export in the process, apart from the samples. */
  coldMs: number;
  rssBeforeMB: number;
  peakRssMB: number;
}

const emptyResult = (): ChildResult => ({
  samples: [],
  referenceSamples: [],
  extraSamples: [],
  rows: 0,
  bytes: 0,
  coldMs: 0,
  rssBeforeMB: 0,
  peakRssMB: 0,
});

const STATS_RUNS = 7;
const LEDGER_RUNS = 5;

const time = async (work: () => unknown): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/**
 * batchStats, each sample on a connection just opened, as `review-desk stats` runs it once per
 * start; against the floor of any stats query: claims counted by tier in one statement
 * (claims_by_tier, covering), also on a fresh connection. Alternated, so both see the same
 * machine.
 */
async function statsRuns(dataDir: string): Promise<ChildResult> {
  const result = emptyResult();
  for (let run = 0; run < STATS_RUNS; run++) {
    let ctx = openBenchWorkspace(dataDir);
    const byTier = ctx.db.prepare('SELECT tier, count(*) AS n FROM claims GROUP BY tier');
    result.referenceSamples.push(await time(() => byTier.all()));
    ctx.db.close();
    ctx = openBenchWorkspace(dataDir);
    result.samples.push(await time(() => (result.rows = batchStats(ctx).claims)));
    ctx.db.close();
  }
  const ctx = openBenchWorkspace(dataDir);
  for (let run = 0; run < STATS_RUNS; run++)
    result.extraSamples.push(await time(() => batchStats(ctx)));
  ctx.db.close();
  return result;
}

/** The same rows' CSV text, encoded to CP949 by iconv-lite and written with one fs call. */
function plainCsvWrite(text: string, out: string): void {
  writeFileSync(out, iconv.encode(text, 'cp949'));
}

/** exceljs's streaming writer: the same cells, one sheet, no styles, no widths, no totals. */
async function plainXlsxWrite(table: (string | number | null)[][], out: string): Promise<void> {
  const stream = createWriteStream(out);
  const workbook = new (excelJsWorkbookWriter())({
    stream,
    useSharedStrings: true,
    zip: { zlib: { level: ZIP_LEVEL } },
  });
  const sheet = workbook.addWorksheet('rows');
  sheet.addRow([...LEDGER_HEADERS]).commit();
  for (const cells of table) sheet.addRow(cells).commit();
  sheet.commit();
  await workbook.commit();
  await finished(stream);
}

/**
 * exportLedger (the ledger read, written, synced and named, the export audited), each run to a
 * new file. The first export in the process also loads exceljs or iconv-lite's CP949 tables,
 * fills SQLite's page cache and runs code not yet optimised: as `review-desk ledger` meets it,
 * reported apart (coldMs) as bench:minutes does. The process does nothing else, so its peak RSS
 * is the export's (over Node's own, rssBeforeMB).
 */
async function ledgerRuns(dataDir: string, format: 'csv' | 'xlsx'): Promise<ChildResult> {
  const out = scratchDir(`reports-${format}`);
  const ctx: ServiceContext = openBenchWorkspace(dataDir);
  const result = emptyResult();
  result.rssBeforeMB = process.memoryUsage().rss / 1024 / 1024;
  const request =
    format === 'csv' ? ({ format, encoding: 'cp949' } as const) : ({ format } as const);
  const exportTo = (file: string) =>
    time(async () => {
      const { summary } = await exportLedger(ctx, { ...request, out: join(out, file) });
      result.rows = summary.count;
    });
  result.coldMs = await exportTo(`cold.${format}`);
  for (let run = 0; run < LEDGER_RUNS; run++)
    result.samples.push(await exportTo(`ledger-${run}.${format}`));
  result.bytes = statSync(join(out, `cold.${format}`)).size;
  ctx.db.close();
  rmSync(out, { recursive: true, force: true });
  return result;
}

/**
 * The references, in a process of their own: the same rows' cells made once (not timed), then
 * written plainly; and the ledger's query alone (buildLedger), for where the time goes.
 */
async function referenceRuns(dataDir: string, format: 'csv' | 'xlsx'): Promise<ChildResult> {
  const out = scratchDir(`reports-${format}-reference`);
  const ctx: ServiceContext = openBenchWorkspace(dataDir);
  const result = emptyResult();
  const ledger = buildLedger(ctx);
  const table = ledger.rows.map((row, i) => ledgerCells(row, i + 1));
  const text = `${Papa.unparse([[...LEDGER_HEADERS], ...table], { newline: '\r\n' })}\r\n`;
  for (let run = 0; run < LEDGER_RUNS; run++) {
    const file = join(out, `reference-${run}.${format}`);
    result.referenceSamples.push(
      await time(() =>
        format === 'csv' ? plainCsvWrite(text, file) : plainXlsxWrite(table, file),
      ),
    );
    result.extraSamples.push(await time(() => buildLedger(ctx)));
  }
  result.rows = table.length;
  ctx.db.close();
  rmSync(out, { recursive: true, force: true });
  return result;
}

export type ChildFigure = 'stats' | 'csv' | 'xlsx' | 'csv-reference' | 'xlsx-reference';

const [figure, dataDir] = process.argv.slice(2) as [ChildFigure, string];
const result =
  figure === 'stats'
    ? await statsRuns(dataDir)
    : figure === 'csv' || figure === 'xlsx'
      ? await ledgerRuns(dataDir, figure)
      : await referenceRuns(dataDir, figure === 'csv-reference' ? 'csv' : 'xlsx');
result.peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(result));

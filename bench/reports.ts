// npm run bench:reports: the council's reports at the sizes of issue 17 (part 4), on an
// encrypted workspace built through the real import:
// - stats.105k: batchStats, what `review-desk stats` answers, on 105,116 claims, each sample on
//   a connection just opened (after start-up: process and unlock not timed); against the floor
//   of any stats query, the claims counted by tier in one statement on a fresh connection.
// - stats.index.importCost: what claims_for_stats (migration 021) adds to inserting 100k claims.
// - ledger.csv15k, ledger.xlsx15k: exportLedger of the same workspace once the council has
//   decided its committee claims: 10.4k bracket payouts and 4.4k council payouts, about 15k rows
//   (the size measured before, 14,759). CP949 CSV against iconv-lite plus one fs write of the same
//   text; XLSX against exceljs's streaming writer putting the same cells in one plain sheet.
//   The decisions are written straight into the tables the ledger reads (one closed meeting, its
//   confirmed results): through the meeting services 4.6k motions would take many minutes.
// The timed parts run in fresh processes (reports-child.ts), as the CLI meets the workspace.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeLargeBatch } from '../src/main/demo';
import type { ServiceContext } from '../src/main/services/context';
import { importBatch } from '../src/main/services/intake/import-batch';
import { openBenchWorkspace } from './bench-workspace';
import type { ChildFigure, ChildResult } from './reports-child';
import { indexImportCost } from './reports-index';
import { emit, round, scratchDir } from './support';

const CLAIMS = 105_116;
const FLOOR_ROWS = 100_000;
const TARGET_MS = { stats: 200, csv: 300, xlsx: 1000 };

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]!;

function timed(figure: ChildFigure, dataDir: string): ChildResult {
  const child = join(import.meta.dirname, 'reports-child.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, figure, dataDir], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the ${figure} process failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}

/**
 * Meeting no. 1, closed, with a confirmed result on every committee claim: mostly approved at
 * the claimed loss, every third partly (60%), every twentieth rejected and every fiftieth
 * deferred (those stay awaiting the council, on the XLSX's 위원회 대기 sheet).
 */
function councilDecides(ctx: ServiceContext): void {
  ctx.db.exec(`
    INSERT INTO meetings (number, held_on, place, quorum_rule, threshold, status, opened_by,
        opened_at, closed_at)
      VALUES (1, '2022-12-20', '판교 협의체 회의실', '{"kind":"majority_of_members"}',
        '{"kind":"majority_of_votes_cast"}', 'closed', '박서연', '2022-12-20T05:00:00.000Z',
        '2022-12-20T09:00:00.000Z');
    INSERT INTO decisions (claim_id, outcome, amount, reason_codes, decided_by, decided_at,
        meeting_id)
      SELECT claim_id, outcome,
             CASE outcome WHEN 'approve' THEN claimed_loss
               WHEN 'partial' THEN max(1000, claimed_loss * 6 / 10 / 1000 * 1000) END,
             CASE outcome WHEN 'partial' THEN '["insufficient_proof"]'
               WHEN 'reject' THEN '["not_caused_by_outage"]' ELSE '[]' END,
             '이도윤', '2022-12-20T08:00:00.000Z', 1
      FROM (SELECT claim_id, claimed_loss,
                   CASE WHEN rowid % 50 = 7 THEN 'defer' WHEN rowid % 20 = 19 THEN 'reject'
                        WHEN rowid % 3 = 1 THEN 'partial' ELSE 'approve' END AS outcome
            FROM claims WHERE tier = 'committee_review' ORDER BY claim_id);
  `);
}

const dir = scratchDir('reports');
const first = join(dir, 'batch-1.csv');
await writeLargeBatch(first, CLAIMS, 2022);
const ctx = openBenchWorkspace(join(dir, 'ws'));
const importStarted = performance.now();
await importBatch(ctx, { file: first });
const importSeconds = (performance.now() - importStarted) / 1000;
ctx.db.close();

const stats = timed('stats', ctx.dataDir);
const statsMs = median(stats.samples);
emit({
  bench: 'stats.105k',
  value: round(statsMs),
  unit: 'ms',
  reference:
    'SELECT tier, count(*) FROM claims GROUP BY tier (one covering index scan, the floor of any stats query), on a connection just opened like the figure, same run',
  referenceValue: round(median(stats.referenceSamples)),
  claims: stats.rows,
  samplesMs: stats.samples.map((ms) => round(ms)),
  warmConnectionMs: round(median(stats.extraSamples)),
  peakRssMB: round(stats.peakRssMB),
  importSeconds: round(importSeconds, 2),
  withinTarget: statsMs < TARGET_MS.stats,
});

const cost = indexImportCost(FLOOR_ROWS);
emit({
  bench: 'stats.index.importCost',
  value: round(cost.withIndex, 3),
  unit: 's',
  reference:
    'the same 100k ready-made claim rows inserted by better-sqlite3 into our schema without claims_for_stats, alternated, medians of 5, same run',
  referenceValue: round(cost.without, 3),
  rows: FLOOR_ROWS,
  addedSeconds: round(cost.withIndex - cost.without, 3),
  importSeconds: round(importSeconds, 2),
  addedShareOfImport: round(
    (cost.withIndex - cost.without) / (importSeconds * (FLOOR_ROWS / CLAIMS)),
    3,
  ),
});

const decided = openBenchWorkspace(ctx.dataDir);
councilDecides(decided);
decided.db.close();

for (const format of ['csv', 'xlsx'] as const) {
  const ledger = timed(format, ctx.dataDir);
  const reference = timed(`${format}-reference`, ctx.dataDir);
  const value = median(ledger.samples);
  emit({
    bench: `ledger.${format}15k`,
    value: round(value),
    unit: 'ms',
    reference:
      format === 'csv'
        ? 'the same rows as CSV text (already made) encoded to CP949 by iconv-lite and written with one fs.writeFileSync, same run: the floor of the output, no query'
        : "exceljs's streaming WorkbookWriter writing the same cells (already made) as one plain sheet (shared strings, the same zip level; no styles, widths, totals or other sheets) to a file, same run: no query",
    referenceValue: round(median(reference.referenceSamples)),
    rows: ledger.rows,
    bytes: ledger.bytes,
    samplesMs: ledger.samples.map((ms) => round(ms)),
    coldMs: round(ledger.coldMs),
    queryMs: round(median(reference.extraSamples)),
    rssBeforeMB: round(ledger.rssBeforeMB),
    peakRssMB: round(ledger.peakRssMB),
    withinTarget: value < TARGET_MS[format],
  });
}
rmSync(dir, { recursive: true, force: true });

// Runs one import in a fresh process, so its peak RSS is the import's own.
import { importBatch } from '../src/main/services/intake/import-batch';
import { openBenchWorkspace } from './bench-workspace';

const [file, dataDir] = process.argv.slice(2) as [string, string];
const ctx = openBenchWorkspace(dataDir, {});
const started = performance.now();
const report = await importBatch(ctx, { file });
const seconds = (performance.now() - started) / 1000;
ctx.db.close();
process.stdout.write(
  `${JSON.stringify({ seconds, rows: report.rows, imported: report.imported, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);

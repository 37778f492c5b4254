// Runs one import in a fresh process, so its peak RSS is the import's own. With --plain, into
// an unencrypted workspace (the encryption figure's reference) instead of an encrypted one.
// The import runs as the app runs it (ImportRunner's options): rows prepared on a worker
// thread, the WAL checkpoint after the commit on another; checkpointSeconds is that one's time.
import { importBatch } from '../src/main/services/intake/import-batch';
import { openBenchWorkspace } from './bench-workspace';
import { openPlainWorkspace } from './plain-workspace';

const [file, dataDir, flag] = process.argv.slice(2) as [string, string, string | undefined];
if (flag !== undefined && flag !== '--plain') throw new Error(`unknown flag ${flag}`);
const ctx = flag === '--plain' ? openPlainWorkspace(dataDir) : openBenchWorkspace(dataDir, {});
let checkpointed!: (seconds: number | null) => void;
const checkpoint = new Promise<number | null>((resolve) => (checkpointed = resolve));
const started = performance.now();
const report = await importBatch(
  ctx,
  { file },
  { checkpoint: 'background', onCheckpointed: checkpointed },
);
const seconds = (performance.now() - started) / 1000;
const checkpointSeconds = await checkpoint;
ctx.db.close();
process.stdout.write(
  `${JSON.stringify({ seconds, rows: report.rows, imported: report.imported, checkpointSeconds, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);

// npm run bench:import: imports generated 100k and 1M row batches and compares with the sqlite3
// CLI's .import of the same file into a bare table (no parsing beyond CSV, no checks, no indexes).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeLargeBatch } from '../src/main/demo';
import { emit, hasCommand, round, scratchDir } from './support';

const ROOT = join(import.meta.dirname, '..');

function sqliteImportSeconds(csv: string, dir: string): number | null {
  if (!hasCommand('sqlite3')) return null;
  const db = join(dir, 'reference.db');
  rmSync(db, { force: true });
  const started = performance.now();
  const result = spawnSync('sqlite3', [db], {
    input: `.mode csv\n.import '${csv}' claims_raw\n`,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

function ourImport(csv: string, dir: string): { seconds: number; rows: number; peakRssMB: number } {
  const dataDir = join(dir, `workspace-${Date.now()}`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/import-child.ts'), csv, dataDir],
    {
      encoding: 'utf8',
      cwd: ROOT,
      maxBuffer: 1 << 20,
    },
  );
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  rmSync(dataDir, { recursive: true, force: true });
  return JSON.parse(result.stdout) as { seconds: number; rows: number; peakRssMB: number };
}

for (const [label, rows] of [
  ['100k', 100_000],
  ['1m', 1_000_000],
] as const) {
  const dir = scratchDir(`import-${label}`);
  const csv = join(dir, `batch-${label}.csv`);
  await writeLargeBatch(csv, rows, 1015);
  const reference = sqliteImportSeconds(csv, dir);
  const ours = ourImport(csv, dir);
  emit({
    bench: `import.${label}`,
    value: round(ours.seconds, 2),
    unit: 's',
    reference:
      reference === null ? null : 'sqlite3 CLI .import of the same CSV into a bare table, same run',
    referenceValue: reference === null ? null : round(reference, 2),
    rows: ours.rows,
    rowsPerSecond: Math.round(ours.rows / ours.seconds),
    peakRssMB: round(ours.peakRssMB),
  });
  rmSync(dir, { recursive: true, force: true });
}

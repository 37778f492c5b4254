// npm run bench:import: imports generated 100k and 1M row batches and compares with the sqlite3
// CLI's .import of the same file into a bare table (no parsing beyond CSV, no checks, no indexes).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeLargeBatch } from '../src/main/demo';
import { builtChild } from './built-child';
import { insertFloorSeconds } from './insert-floor';
import { emit, hasCommand, round, scratchDir } from './support';

const ROOT = join(import.meta.dirname, '..');

/**
 * A second, fairer yardstick: the same sqlite3 .import into a table shaped like ours, with a
 * primary key on the claim id and three indexes, so the cost SQLite itself cannot avoid is
 * visible beside the bare-table reference the issue names.
 */
const KEYED_TABLE = `PRAGMA journal_mode=WAL;
CREATE TABLE claims_keyed (claim_id TEXT PRIMARY KEY, received_at, claimant_type, affiliate,
  service, paid, damage_type, business_reg_no, business_name, industry, claimed_loss,
  description, contact, evidence);
CREATE INDEX k_received ON claims_keyed(received_at);
CREATE INDEX k_damage ON claims_keyed(damage_type);
CREATE INDEX k_business ON claims_keyed(business_reg_no);`;

/**
 * What people would use instead: sqlite-utils (Debian's package) inserting the same CSV into a
 * fresh database, no checks, every column text. Its wall time, start-up included; null where
 * it is not installed.
 */
function sqliteUtilsSeconds(csv: string, dir: string): number | null {
  if (!hasCommand('sqlite-utils')) return null;
  const db = join(dir, 'sqlite-utils.db');
  rmSync(db, { force: true });
  const started = performance.now();
  const result = spawnSync('sqlite-utils', ['insert', db, 'claims', csv, '--csv'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`sqlite-utils insert failed: ${result.stderr}`);
  const seconds = (performance.now() - started) / 1000;
  rmSync(db, { force: true });
  return seconds;
}

function sqliteImportSeconds(csv: string, dir: string, keyed = false): number | null {
  if (!hasCommand('sqlite3')) return null;
  const db = join(dir, 'reference.db');
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  const script = keyed
    ? `${KEYED_TABLE}\n.mode csv\n.import --skip 1 '${csv}' claims_keyed\n`
    : `.mode csv\n.import '${csv}' claims_raw\n`;
  const started = performance.now();
  const result = spawnSync('sqlite3', [db], { input: script, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

const child = await builtChild('import-child', 'bench/import-child.ts');

interface OurImport {
  seconds: number;
  rows: number;
  peakRssMB: number;
  /** The WAL's copy into the database file, on a worker after the import returned. */
  checkpointSeconds: number | null;
}

function ourImport(csv: string, dir: string): OurImport {
  const dataDir = join(dir, `workspace-${Date.now()}`);
  const result = spawnSync(process.execPath, [child, csv, dataDir], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  rmSync(dataDir, { recursive: true, force: true });
  return JSON.parse(result.stdout) as OurImport;
}

for (const [label, rows] of [
  ['100k', 100_000],
  ['1m', 1_000_000],
] as const) {
  const dir = scratchDir(`import-${label}`);
  const csv = join(dir, `batch-${label}.csv`);
  await writeLargeBatch(csv, rows, 1015);
  const reference = sqliteImportSeconds(csv, dir);
  const keyed = sqliteImportSeconds(csv, dir, true);
  const sqliteUtils = sqliteUtilsSeconds(csv, dir);
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
    keyedTableReferenceValue: keyed === null ? null : round(keyed, 2),
    keyedTableRatio: keyed === null ? null : round(ours.seconds / keyed, 2),
    sqliteUtilsSeconds: sqliteUtils === null ? null : round(sqliteUtils, 2),
    sqliteUtilsRatio: sqliteUtils === null ? null : round(ours.seconds / sqliteUtils, 2),
    checkpointSeconds: ours.checkpointSeconds === null ? null : round(ours.checkpointSeconds, 2),
  });
  rmSync(dir, { recursive: true, force: true });
}

// The floor: better-sqlite3 inserting ready-made rows, with no file, no checks and no hashing.
const reference100k = sqliteImportSeconds(
  await (async () => {
    const dir = scratchDir('floor-csv');
    const csv = join(dir, 'floor.csv');
    await writeLargeBatch(csv, 100_000, 1015);
    return csv;
  })(),
  scratchDir('floor-ref'),
);
const floor = insertFloorSeconds(100_000);
emit({
  bench: 'import.100k.insertFloor',
  value: round(floor.ourSchema, 2),
  unit: 's',
  reference:
    reference100k === null
      ? null
      : 'sqlite3 CLI .import of a 100k-row batch into a bare table, same run',
  referenceValue: reference100k === null ? null : round(reference100k, 2),
  rows: 100_000,
  bareTableSeconds: round(floor.bareTable, 2),
  note: 'better-sqlite3 inserting ready-made rows only: into our claims schema (value) and into a bare table',
});

// npm run bench:grid-indexes: what the grid's sort indexes (migration 020) cost an import. The
// rows of a 100k-claim import, read back as stored, are inserted with better-sqlite3 into
// schema 19 and into schema 20, alternated in one run: only the B-trees differ, so the
// difference is what the indexes add to any import of those rows.
import Database from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../src/main/db/connection';
import { migrate } from '../src/main/db/migrate';
import { MIGRATIONS } from '../src/main/db/migrations';
import { GRID_SORT_INDEXES } from '../src/main/db/migrations/020-grid-indexes';
import { writeLargeBatch } from '../src/main/demo';
import { importBatch } from '../src/main/services/intake/import-batch';
import { openBenchWorkspace } from './bench-workspace';
import { emit, round, scratchDir } from './support';

const ROWS = 100_000;
const ROUNDS = 3;
const BEFORE = 19;

interface ClaimRows {
  columns: string[];
  rows: unknown[][];
}

/** Seconds to insert the rows in one transaction into a fresh file prepared by `schema`. */
function insertSeconds({ columns, rows }: ClaimRows, schema: (db: Db) => void): number {
  const dir = scratchDir('grid-indexes');
  const db = new Database(join(dir, 'claims.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -32768');
  schema(db);
  db.exec(
    "INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count) VALUES ('b', 'b', 'h', 't', 'bench', 0)",
  );
  const insert = db.prepare(
    `INSERT INTO claims (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const started = performance.now();
  db.exec('BEGIN');
  for (const row of rows) insert.run(...row);
  db.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const dir = scratchDir('grid-indexes-source');
try {
  const batch = join(dir, 'batch.csv');
  await writeLargeBatch(batch, ROWS, 1015);
  const ctx = openBenchWorkspace(join(dir, 'ws'), {});
  await importBatch(ctx, { file: batch });
  // Real values with their real spread: index inserts cost by where each key lands.
  const read = ctx.db.prepare('SELECT * FROM claims ORDER BY rowid');
  const source: ClaimRows = {
    columns: read.columns().map((c) => c.name),
    rows: read.raw().all() as unknown[][],
  };
  ctx.db.close();

  const variants: Record<string, (db: Db) => void> = {
    without: (db) => migrate(db, MIGRATIONS, BEFORE),
    with: (db) => migrate(db, MIGRATIONS, BEFORE + 1),
    // Each index alone on schema 19; a widened one (claims_by_tier, claims_by_business) costs
    // what its new columns add.
    ...Object.fromEntries(
      Object.entries(GRID_SORT_INDEXES).map(([name, ddl]) => [
        name,
        (db: Db) => {
          migrate(db, MIGRATIONS, BEFORE);
          db.exec(ddl);
        },
      ]),
    ),
  };
  const times: Record<string, number[]> = {};
  for (let r = 0; r < ROUNDS; r++)
    for (const [name, schema] of Object.entries(variants))
      (times[name] ??= []).push(insertSeconds(source, schema));

  const without = median(times.without!);
  const withIndexes = median(times.with!);
  emit({
    bench: 'grid.indexes.importCost',
    value: round(withIndexes - without, 3),
    unit: 's',
    reference:
      'the same 100k claims rows inserted into schema 19, without the grid indexes (better-sqlite3, one transaction, medians of 3 alternated runs), same run',
    referenceValue: round(without, 3),
    rows: source.rows.length,
    withIndexesSeconds: round(withIndexes, 3),
    indexes: Object.keys(GRID_SORT_INDEXES).length,
    perIndexSeconds: Object.fromEntries(
      Object.keys(GRID_SORT_INDEXES).map((name) => [
        name,
        round(median(times[name]!) - without, 3),
      ]),
    ),
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

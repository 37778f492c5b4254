import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch, ImportCancelledError } from '../../../src/main/services/intake/import-batch';
import { GOOD_ROWS, writeCsv, type Row } from '../../helpers/batch-files';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import {
  openRawDatabase,
  openTestWorkspace,
  testPassphraseFile,
  testWorkspaceKey,
} from '../../helpers/workspace-key';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const ROOT = join(import.meta.dirname, '../../..');

/** Many valid rows: long enough that an import is caught in the middle. */
function manyRows(count: number, offset = 500_000): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const row = [...GOOD_ROWS[i % 5]!];
    row[0] = `K-2022-${String(offset + i).padStart(6, '0')}`;
    row[13] = '';
    return row;
  });
}

function snapshot(file: string) {
  const db = openRawDatabase(file, testWorkspaceKey(file), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      tables: Object.fromEntries(
        ['batches', 'claims', 'evidence', 'quarantine', 'import_files', 'audit_log'].map((t) => [
          t,
          db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(),
        ]),
      ),
      lastAudit: db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get(),
    };
  } finally {
    db.close();
  }
}

describe('an import lands whole or not at all', () => {
  it('a cancel mid-import leaves the database as it was, and the same file imports afterwards', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    await importBatch(ws, { file: writeCsv(dir, 'first.csv', GOOD_ROWS, 'utf-8') });
    const before = snapshot(ws.db.name);
    const big = writeCsv(dir, 'big.csv', manyRows(20_000), 'utf-8');
    const controller = new AbortController();
    const phases: string[] = [];
    const cancelled = importBatch(
      ws,
      { file: big },
      {
        signal: controller.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'reading' && p.rowsRead >= 4000) controller.abort();
        },
      },
    );
    await expect(cancelled).rejects.toBeInstanceOf(ImportCancelledError);
    expect(phases).toContain('reading');
    expect(phases.at(-1)).toBe('cancelled');
    expect(snapshot(ws.db.name)).toEqual(before);
    const report = await importBatch(ws, { file: big });
    expect(report.imported).toBe(20_000);
    // Two 20k-row imports (the cancelled one and the real one): seconds on a busy 2-core machine.
  }, 30_000);

  it('killing the importing process leaves the database as it was before', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const dbFile = join(dir, 'workspace', 'review-desk.db');
    const ws = openTestWorkspace(join(dir, 'workspace'), {});
    await importBatch(ws, { file: writeCsv(dir, 'first.csv', GOOD_ROWS, 'utf-8') });
    ws.db.close();
    const before = snapshot(dbFile);
    const big = writeCsv(dir, 'big.csv', manyRows(60_000), 'utf-8');

    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/review-desk.mjs'), 'import', big, '--db', dbFile, '--progress'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, REVIEW_DESK_PASSPHRASE_FILE: testPassphraseFile() },
      },
    );
    let rowsWhenKilled = 0;
    const exit = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let buffered = '';
    child.stderr.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n').slice(0, -1)) {
        const progress = JSON.parse(line) as { phase: string; rowsRead: number };
        // Well into the transaction: thousands of rows written, nothing committed.
        if (progress.phase === 'reading' && progress.rowsRead >= 6000 && rowsWhenKilled === 0) {
          rowsWhenKilled = progress.rowsRead;
          child.kill('SIGKILL');
        }
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    });
    expect(await exit).toBe('SIGKILL');
    expect(rowsWhenKilled).toBeGreaterThanOrEqual(6000);
    expect(rowsWhenKilled).toBeLessThan(60_000);
    expect(snapshot(dbFile)).toEqual(before);
  }, 60_000);
});

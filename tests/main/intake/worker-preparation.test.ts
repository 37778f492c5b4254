import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundCheckpointsEnded } from '../../../src/main/db/background-checkpoint';
import type { Db } from '../../../src/main/db/connection';
import { ServiceError } from '../../../src/main/services/errors';
import {
  ImportCancelledError,
  importBatch,
  type ImportOptions,
} from '../../../src/main/services/intake/import-batch';
import { exportQuarantineCsv } from '../../../src/main/services/intake/quarantine-export';
import { lockWorkspace } from '../../../src/main/services/unlock-workspace';
import {
  businessRegNoCheckDigit,
  formatBusinessRegNo,
} from '../../../src/shared/domain/business-reg-no';
import { GOOD_ROWS, KO_HEADERS, toCsv, type Row } from '../../helpers/batch-files';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';

/**
 * An import prepares rows on a worker thread for large files (prepare-in-worker.ts) and in its
 * own thread for small ones. Both must leave exactly the same database and report, and refuse
 * a bad file with exactly the same words, whichever ran.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const template = GOOD_ROWS[0]!;
const idOf = (n: number) => `K-2022-${String(n).padStart(6, '0')}`;
/** A valid registration number per claim (one shared by thousands would pair them all up). */
function regNoOf(n: number): string {
  const first9 = `1${String(n).padStart(8, '0')}`;
  return formatBusinessRegNo(`${first9}${businessRegNoCheckDigit(first9)}`);
}

/** Thousands of rows over several chunks: valid ones, bad ones, repeats and evidence names. */
function mixedRows(count: number): Row[] {
  const rows: Row[] = [];
  for (let n = 1; n <= count; n++) {
    const row = [...template];
    row[0] = idOf(n);
    row[7] = regNoOf(n);
    row[10] = `${(1 + ((n * 7919) % 3_000_000)).toLocaleString('en-US')}원`;
    row[13] = n % 5 === 0 ? `${idOf(n)}/receipt.png` : '';
    if (n % 97 === 0) row[1] = '10월 20일쯤'; // not a date
    if (n % 89 === 0) row[7] = '214-86-12342'; // bad check digit
    if (n % 101 === 0) row[0] = idOf(n - 50); // the same claim earlier in the file
    if (n % 211 === 0) row[8] = '=HYPERLINK("x")'; // a formula-looking cell, kept as text
    rows.push(row);
  }
  return rows;
}

function writeBatch(dir: string, name: string, rows: Row[]): string {
  const file = join(dir, name);
  writeFileSync(file, `\uFEFF${toCsv(KO_HEADERS, rows)}`);
  return file;
}

/** A 20,000-row batch (several chunks, a WAL past the background checkpoint's mark) and a workspace. */
function bigBatchAndWorkspace() {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const file = writeBatch(dir, 'big.csv', mixedRows(20_000));
  const ws = openTempWorkspace();
  cleanups.push(ws.cleanup);
  return { file, ws };
}

/** Everything an import writes, without the ids and times that differ between two workspaces. */
function contents(db: Db) {
  return {
    claims: db.prepare('SELECT * FROM claims ORDER BY claim_id').all(),
    quarantine: db
      .prepare(
        `SELECT batch_id, source_row, kind, claim_id, raw, reasons, existing_batch_id
         FROM quarantine ORDER BY import_file_id, source_row`,
      )
      .all(),
    resolutions: db
      .prepare(
        'SELECT quarantine_id, claim_id, import_file_id FROM quarantine_resolutions ORDER BY 1',
      )
      .all(),
    evidence: db
      .prepare('SELECT claim_id, position, file_name, status, problem FROM evidence ORDER BY 1, 2')
      .all(),
    flags: db.prepare('SELECT claim_id, flag, detail FROM claim_flags ORDER BY 1, 2').all(),
    support: db.prepare('SELECT * FROM claim_support ORDER BY claim_id').all(),
  };
}

const withoutTime = <T extends { seconds: number }>(report: T) => ({ ...report, seconds: 0 });

async function importBothWays(
  run: (options: ImportOptions, ws: ReturnType<typeof openTempWorkspace>) => Promise<unknown>,
) {
  const results = [];
  for (const preparer of ['worker', 'thread'] as const) {
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    results.push({ outcome: await run({ preparer }, ws), contents: contents(ws.db) });
  }
  return results as [
    { outcome: unknown; contents: ReturnType<typeof contents> },
    { outcome: unknown; contents: ReturnType<typeof contents> },
  ];
}

describe('rows prepared on a worker thread', () => {
  it('import, repeats of an earlier batch and a quarantine round trip end exactly as in one thread', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const first = writeBatch(dir, 'first.csv', mixedRows(9_000));
    // A second batch: half of it repeats claims of the first (duplicates of another batch).
    const second = writeBatch(dir, 'second.csv', mixedRows(13_000).slice(4_500));
    const [worker, thread] = await importBothWays(async (options, ws) => {
      const reports = [await importBatch(ws, { file: first }, options)];
      reports.push(await importBatch(ws, { file: second }, options));
      // Same names both ways (the report names the file): a folder per way.
      const own = join(dir, options.preparer!);
      mkdirSync(own);
      const exported = join(own, 'quarantine.csv');
      exportQuarantineCsv(ws, reports[0]!.batchId, exported);
      // The secretary mends the dates and check digits and sends the file back.
      const mended = readFileSync(exported, 'utf8')
        .replaceAll('10월 20일쯤', '2022-10-20 10:00')
        .replaceAll('214-86-12342', '214-86-12341');
      const fixes = join(own, 'mended.csv');
      writeFileSync(fixes, mended);
      reports.push(
        await importBatch(ws, { file: fixes, intoBatchId: reports[0]!.batchId }, options),
      );
      return reports.map(withoutTime);
    });
    expect(worker.outcome).toEqual(thread.outcome);
    expect(worker.contents).toEqual(thread.contents);
    // The file really had every kind of row, over several chunks.
    const [report] = worker.outcome as {
      rows: number;
      quarantined: number;
      duplicates: number;
      evidence: { missing: number };
    }[];
    expect(report!.rows).toBe(9_000);
    expect(report!.quarantined).toBeGreaterThan(150);
    expect(report!.evidence.missing).toBeGreaterThan(1_000);
    expect(
      worker.contents.quarantine.some((q) => (q as { kind: string }).kind === 'duplicate'),
    ).toBe(true);
    expect(worker.contents.resolutions.length).toBeGreaterThan(100);
  }, 120_000);

  it('refuses a file cut by a stray quote in a later chunk with the same words, and writes nothing', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const rows = mixedRows(7_000);
    const text = `\uFEFF${toCsv(KO_HEADERS, rows)}`.replace(
      `${idOf(6_500)},`,
      `${idOf(6_500)},"2022-10-20 10:00"x,`,
    );
    const file = join(dir, 'stray.csv');
    writeFileSync(file, text);
    const [worker, thread] = await importBothWays((options, ws) =>
      importBatch(ws, { file }, options).then(
        () => 'imported',
        (error: unknown) => error,
      ),
    );
    expect(worker.outcome).toBeInstanceOf(ServiceError);
    expect(worker.outcome).toMatchObject({
      code: 'validation_failed',
      issues: [{ code: 'csv_stray_quote', path: 'row 6501' }],
    });
    expect((worker.outcome as Error).message).toBe((thread.outcome as Error).message);
    expect((worker.outcome as ServiceError).issues).toEqual(
      (thread.outcome as ServiceError).issues,
    );
    expect(worker.contents.claims).toEqual([]);
    expect(worker.contents.quarantine).toEqual([]);
  }, 60_000);

  it('refuses a file without the claim id column, and one imported before, as in one thread', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const noId = join(dir, 'no-id.csv');
    writeFileSync(
      noId,
      toCsv(
        KO_HEADERS.slice(1),
        mixedRows(6_000).map((row) => row.slice(1)),
      ),
    );
    const twice = writeBatch(dir, 'twice.csv', mixedRows(6_000));
    const [worker, thread] = await importBothWays(async (options, ws) => {
      const missing = await importBatch(ws, { file: noId }, options).catch(
        (error: unknown) => error,
      );
      await importBatch(ws, { file: twice }, options);
      const again = await importBatch(ws, { file: twice }, options).catch(
        (error: unknown) => error,
      );
      return [missing, again].map((error) => ({
        name: (error as Error).name,
        message: (error as Error).message,
        code: (error as ServiceError).code,
        issues: (error as ServiceError).issues,
      }));
    });
    expect(worker.outcome).toEqual(thread.outcome);
    expect(worker.outcome).toMatchObject([
      { code: 'validation_failed', issues: [{ code: 'missing_column', path: 'claim_id' }] },
      { code: 'conflict', message: expect.stringContaining('was already imported') },
    ]);
  }, 60_000);

  it('ends at once when cancelled mid-file, leaving nothing written', async () => {
    const { file, ws } = bigBatchAndWorkspace();
    const controller = new AbortController();
    const seen: number[] = [];
    const running = importBatch(
      ws,
      { file },
      {
        preparer: 'worker',
        signal: controller.signal,
        onProgress: ({ phase, rowsRead }) => {
          if (phase !== 'reading') return;
          seen.push(rowsRead);
          if (rowsRead >= 4_000) controller.abort();
        },
      },
    );
    await expect(running).rejects.toBeInstanceOf(ImportCancelledError);
    expect(Math.max(...seen)).toBeLessThan(20_000);
    expect(contents(ws.db).claims).toEqual([]);
    // The write lock is free again: the same file imports whole.
    const report = await importBatch(ws, { file }, { preparer: 'worker' });
    expect(report.rows).toBe(20_000);
  }, 60_000);
});

describe("a large import's checkpoint on a worker thread", () => {
  it('copies the WAL into the database file after the commit; the data reads back whole', async () => {
    const { file, ws } = bigBatchAndWorkspace();
    const dbFile = ws.db.name;
    const sizeBefore = statSync(dbFile).size;
    let checkpointed!: (seconds: number | null) => void;
    const done = new Promise<number | null>((resolve) => (checkpointed = resolve));
    const report = await importBatch(
      ws,
      { file },
      {
        checkpoint: 'background',
        onCheckpointed: checkpointed,
      },
    );
    const seconds = await done;
    expect(seconds).toBeGreaterThan(0);
    // The database file now holds the claims' pages, not only the WAL.
    expect(statSync(dbFile).size).toBeGreaterThan(sizeBefore + 4 * 1024 * 1024);
    expect(ws.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(report.imported);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);

  it('is stopped when the workspace locks (its copy of the key goes with it); nothing is lost', async () => {
    const { file, ws } = bigBatchAndWorkspace();
    const dbFile = ws.db.name;
    let told: number | null | undefined;
    const report = await importBatch(
      ws,
      { file },
      {
        checkpoint: 'background',
        onCheckpointed: (seconds) => (told = seconds),
        // Locked the moment the import is done: the checkpoint's worker has only just started.
        onProgress: ({ phase }) => {
          if (phase === 'done') lockWorkspace(ws);
        },
      },
    );
    await backgroundCheckpointsEnded(dbFile);
    await new Promise((resolve) => setImmediate(resolve));
    expect(told).toBeNull();
    // The WAL it did not copy is still there, and the next open reads every claim.
    const reopened = openTestWorkspace(dirname(dbFile));
    try {
      expect(reopened.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(
        report.imported,
      );
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.db.close();
    }
  }, 60_000);

  it('makes no database anew where the workspace was removed before it opened', async () => {
    const { file, ws } = bigBatchAndWorkspace();
    const dbFile = ws.db.name;
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await importBatch(
        ws,
        { file },
        {
          checkpoint: 'background',
          onProgress: ({ phase }) => {
            if (phase !== 'done') return;
            ws.db.close();
            for (const name of readdirSync(dirname(dbFile)))
              rmSync(join(dirname(dbFile), name), { recursive: true, force: true });
          },
        },
      );
      await backgroundCheckpointsEnded(dbFile);
      expect(existsSync(dbFile)).toBe(false);
      expect(readdirSync(dirname(dbFile))).toEqual([]);
      expect(warned).toHaveBeenCalledWith(
        `background checkpoint of ${dbFile} failed: unable to open database file (SQLITE_CANTOPEN)`,
      );
    } finally {
      warned.mockRestore();
    }
  }, 60_000);

  it("leaves a small import to SQLite's own checkpoint", async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    let told: number | null | undefined;
    await importBatch(
      ws,
      { file: writeBatch(dir, 'small.csv', mixedRows(50)) },
      {
        checkpoint: 'background',
        onCheckpointed: (seconds) => (told = seconds),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(told).toBeNull();
  });

  it('leaves a small import after a large one to SQLite too: the WAL does not keep the large size', async () => {
    const { file, ws } = bigBatchAndWorkspace();
    const dbFile = ws.db.name;
    let told: number | null | undefined;
    const checkpointed = new Promise<number | null>((resolve) =>
      importBatch(ws, { file }, { checkpoint: 'background', onCheckpointed: resolve }),
    );
    expect(await checkpointed).toBeGreaterThan(0);
    await importBatch(
      ws,
      { file: writeBatch(dirname(file), 'small.csv', mixedRows(50)) },
      { checkpoint: 'background', onCheckpointed: (seconds) => (told = seconds) },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(told).toBeNull();
    expect(statSync(`${dbFile}-wal`).size).toBeLessThan(4 * 1024 * 1024);
  }, 60_000);
});

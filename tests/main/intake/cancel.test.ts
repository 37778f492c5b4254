import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateClaimRows } from '../../../src/main/demo/generate-claims';
import { writeBatchXlsx } from '../../../src/main/demo/write-batch';
import { backgroundCheckpointsEnded } from '../../../src/main/db/background-checkpoint';
import { ImportCancelledError } from '../../../src/main/services/intake/import-batch';
import { readUntilStopped } from '../../../src/main/services/intake/read-until';
import { ImportRunner } from '../../../src/main/services/intake/runner';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const never = () => new Promise<never>(() => undefined);

describe('a read step never outlives a cancel or a stall', () => {
  it('ends a step that never settles as soon as the import is cancelled', async () => {
    const controller = new AbortController();
    const step = readUntilStopped(never(), { file: 'x.xlsx', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(step).rejects.toBeInstanceOf(ImportCancelledError);
  });

  it('ends a step that gives nothing for the stall time with a named refusal', async () => {
    const step = readUntilStopped(never(), { file: 'x.xlsx', stallMs: 50 });
    await expect(step).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ code: 'reader_stalled' }],
    });
  });

  it('passes a step that settles in time through unchanged', async () => {
    await expect(readUntilStopped(Promise.resolve(7), { file: 'x.csv' })).resolves.toBe(7);
    await expect(
      readUntilStopped(Promise.reject(new Error('bad row')), { file: 'x.csv' }),
    ).rejects.toThrow('bad row');
  });
});

describe('cancelling an XLSX import in the runner', () => {
  it('ends the import, rolls it back and releases the write lock for the next write', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const file = join(dir, 'big.xlsx');
    await writeBatchXlsx(file, generateClaimRows({ count: 20_000, seed: 3 }), 'ko');
    const runner = new ImportRunner();
    const rowsSeen: number[] = [];
    const running = runner.run(
      {
        ...ws,
        emit: (_channel: string, progress: unknown) => {
          const { phase, rowsRead } = progress as { phase: string; rowsRead: number };
          if (phase !== 'reading') return;
          rowsSeen.push(rowsRead);
          if (rowsRead >= 2000) runner.cancel();
        },
      },
      { file },
    );
    expect(runner.importRunning).toBe(true);
    await expect(runner.write(() => 'written')).rejects.toThrow(/an import is running/);
    await expect(running).rejects.toBeInstanceOf(ImportCancelledError);
    expect(rowsSeen.length).toBeGreaterThan(0);
    expect(runner.importRunning).toBe(false);
    await expect(runner.write(() => 'written')).resolves.toBe('written');
    expect(ws.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    const report = await runner.run(ws, { file });
    expect(report.imported).toBe(20_000);
    // Its WAL is copied on a worker after the commit: the workspace is removed once that ends.
    await backgroundCheckpointsEnded(ws.db.name);
  }, 60_000);
});

import iconv from 'iconv-lite';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { afterEach, describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { writeCsv } from '../../helpers/batch-files';
import { makeTempDir } from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';
import { bracketRow, ledgerWorkspace } from './support';

/*
 * The ledger from the app, through the real router: totals for the screen, and the file saved
 * where the save dialog says, never over another file, nothing at all when the dialog closes.
 */

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setUp() {
  const ws = ledgerWorkspace();
  cleanups.push(ws.cleanup);
  const out = makeTempDir('review-desk-ledger-ipc-');
  cleanups.push(out.cleanup);
  const platform = testPlatform();
  const askedNames: string[] = [];
  const chooseSavePath = platform.chooseSavePath;
  platform.chooseSavePath = (defaultName) => {
    askedNames.push(defaultName);
    return chooseSavePath(defaultName);
  };
  const { router } = createIpc(ws, platform, {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: () => undefined,
  });
  const call = (channel: Parameters<typeof router.handle>[1], payload?: unknown) =>
    router.handle(ours, channel, payload);
  return { ws, dir: out.dir, platform, askedNames, call };
}

const SAMPLE_SUMMARY = {
  batchId: null,
  byBasis: {
    tier_30k: { count: 1, total: 30_000 },
    tier_50k: { count: 2, total: 100_000 },
    committee: { count: 3, total: 2_020_000 },
  },
  count: 6,
  total: 2_150_000,
  awaitingCouncil: 2,
  outsideMeeting: 2,
};

describe('ledger over IPC', { timeout: 60_000 }, () => {
  it('gives the totals per basis, for the workspace or one batch', async () => {
    const { call } = setUp();
    expect(await call('ledger:totals', {})).toEqual({ ok: true, value: SAMPLE_SUMMARY });
    expect(await call('ledger:totals', { batchId: 1 })).toEqual({
      ok: true,
      value: { ...SAMPLE_SUMMARY, batchId: 1 },
    });
    expect(await call('ledger:totals', { batchId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'batch 99 does not exist' },
    });
  });

  it('saves the XLSX where the dialog says, under a dated default name', async () => {
    const { ws, dir, platform, askedNames, call } = setUp();
    const path = join(dir, 'ledger.xlsx');
    platform.chosen.push(path);
    expect(await call('ledger:export', { format: 'xlsx' })).toEqual({
      ok: true,
      value: { path, summary: SAMPLE_SUMMARY },
    });
    expect(askedNames).toEqual(['payout-ledger-2022-11-20.xlsx']);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // The payout list left the workspace: who, what scope and totals, and the bytes' hash.
    const audited = listAudit(ws.db).filter((e) => e.action === 'ledger.exported');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      subjectId: 'all',
      details: {
        file: 'ledger.xlsx',
        format: 'xlsx',
        encoding: null,
        rows: 6,
        total: 2_150_000,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    });
  });

  it('saves CSV in CP949 for one batch', async () => {
    const { dir, platform, askedNames, call } = setUp();
    const path = join(dir, 'ledger.csv');
    platform.chosen.push(path);
    const result = await call('ledger:export', { format: 'csv', encoding: 'cp949', batchId: 1 });
    expect(result).toMatchObject({ ok: true, value: { path, summary: { batchId: 1, count: 6 } } });
    expect(askedNames).toEqual(['payout-ledger-2022-11-20-batch-1-cp949.csv']);
    expect(iconv.decode(readFileSync(path), 'cp949')).toContain('을지로 국밥집');
  });

  it('writes nothing when the dialog is closed, and never over an existing file', async () => {
    const { dir, platform, call } = setUp();
    platform.chosen.push(null);
    expect(await call('ledger:export', { format: 'csv' })).toEqual({
      ok: true,
      value: { path: null, summary: null },
    });
    const taken = join(dir, 'taken.csv');
    writeFileSync(taken, 'earlier ledger');
    platform.chosen.push(taken);
    expect(await call('ledger:export', { format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('never written over') },
    });
    expect(readFileSync(taken, 'utf8')).toBe('earlier ledger');
  });

  it('refuses a CP949 ledger it cannot write before asking where to save it', async () => {
    const { ws, dir, platform, askedNames, call } = setUp();
    const file = writeCsv(dir, 'emoji.csv', [bracketRow('K-2022-400001', '국밥🍜', 0)], 'utf-8');
    await importBatch(ws, { file });
    const path = join(dir, 'never.csv');
    platform.chosen.push(path);
    expect(await call('ledger:export', { format: 'csv', encoding: 'cp949' })).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        issues: [{ path: 'K-2022-400001.상호', code: 'not_in_cp949' }],
      },
    });
    expect(askedNames).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });

  it('names a bad request field', async () => {
    const { call } = setUp();
    const issuePaths = async (payload: unknown) => {
      const result = await call('ledger:export', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      return (result as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
    };
    expect(await issuePaths({ format: 'pdf' })).toEqual(['format']);
    expect(await issuePaths({ format: 'csv', encoding: 'euc-kr' })).toEqual(['encoding']);
    expect(await issuePaths({ format: 'xlsx', encoding: 'cp949' })).toEqual(['encoding']);
    expect(await issuePaths({ format: 'csv', batchId: 0 })).toEqual(['batchId']);
    expect(await issuePaths({ format: 'csv', out: '/tmp/x.csv' })).toEqual(['(payload)']);
  });
});

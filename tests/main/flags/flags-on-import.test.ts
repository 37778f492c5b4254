import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { flagCodesByClaim, flagsForClaim } from '../../../src/main/db/repositories/claim-flags';
import { recomputeFlags } from '../../../src/main/services/flags/compute-flags';
import { importBatch, ImportCancelledError } from '../../../src/main/services/intake/import-batch';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { writeCsv } from '../../helpers/batch-files';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { claimId, claimRow, regNo } from './flag-rows';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setUp() {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const ws = openTempWorkspace();
  cleanups.push(ws.cleanup);
  return { dir, ws };
}

const allFlags = (db: Parameters<typeof flagCodesByClaim>[0]) =>
  db.prepare('SELECT claim_id, flag, detail FROM claim_flags ORDER BY claim_id, flag').all();

describe('flags are recomputed by every import', () => {
  it('a second batch flags claims of the first that it shares a number with, and the audit says so', async () => {
    const { dir, ws } = setUp();
    await importBatch(ws, {
      file: writeCsv(
        dir,
        'first.csv',
        [claimRow({ id: claimId(1), regNo: regNo(1) }), claimRow({ id: claimId(2) })],
        'utf-8',
      ),
    });
    expect(flagCodesByClaim(ws.db).size).toBe(0);

    const second = await importBatch(ws, {
      file: writeCsv(dir, 'second.csv', [claimRow({ id: claimId(3), regNo: regNo(1) })], 'utf-8'),
    });
    expect(Object.fromEntries(flagCodesByClaim(ws.db))).toEqual({
      [claimId(1)]: ['shared_business_reg_no'],
      [claimId(3)]: ['shared_business_reg_no'],
    });
    expect(flagsForClaim(ws.db, claimId(1))[0]!.relatedClaimIds).toEqual([claimId(3)]);
    const audit = listAudit(ws.db) // newest first
      .filter((entry) => entry.action === 'batch.imported')
      .reverse();
    expect(audit.map((entry) => entry.details['flags'])).toEqual([
      { shared_business_reg_no: 0, shared_evidence: 0, similar_description: 0, loss_outlier: 0 },
      { shared_business_reg_no: 2, shared_evidence: 0, similar_description: 0, loss_outlier: 0 },
    ]);
    expect(audit[1]!.subjectId).toBe(String(second.batchId));
  });

  it('a cancelled import leaves the flags exactly as they were', async () => {
    const { dir, ws } = setUp();
    await importBatch(ws, {
      file: writeCsv(
        dir,
        'first.csv',
        [
          claimRow({ id: claimId(1), regNo: regNo(1) }),
          claimRow({ id: claimId(2), regNo: regNo(1) }),
        ],
        'utf-8',
      ),
    });
    const before = allFlags(ws.db);
    expect(before).toHaveLength(2);
    // Every row of the big batch shares claim 1's number: committed, it would flag them all.
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      claimRow({ id: claimId(10_000 + i), regNo: regNo(1) }),
    );
    const controller = new AbortController();
    const cancelled = importBatch(
      ws,
      { file: writeCsv(dir, 'big.csv', rows, 'utf-8') },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'reading' && p.rowsRead >= 4000) controller.abort();
        },
      },
    );
    await expect(cancelled).rejects.toBeInstanceOf(ImportCancelledError);
    expect(allFlags(ws.db)).toEqual(before);
    expect(ws.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(2);
  }, 60_000);

  it('the built-in sample batch is flagged as it is written', () => {
    const { ws } = setUp();
    loadSampleClaims(ws);
    const written = allFlags(ws.db);
    recomputeFlags(ws.db);
    expect(allFlags(ws.db)).toEqual(written);
  });
});

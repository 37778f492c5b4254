import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateClaimRows } from '../../../src/main/demo/generate-claims';
import { writeBatchCsv, writeBatchXlsx } from '../../../src/main/demo/write-batch';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { JSON_LIMITS } from '../../../src/main/services/intake/readers/json';
import { GOOD_ROWS, writeCsv, writeJson, writeXlsx } from '../../helpers/batch-files';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { PNG_BYTES, writeZip } from '../evidence/helpers';
import { EvidenceStore } from '../../../src/main/services/evidence/store';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function claimsOf(ws: ReturnType<typeof openTempWorkspace>) {
  return ws.db
    .prepare(
      `SELECT claim_id, received_at, claimant_type, affiliate, service, paid, damage_type, business_reg_no,
              business_name, industry, claimed_loss, description, contact, tier, tier_rule_version, content_hash
       FROM claims ORDER BY claim_id`,
    )
    .all();
}

async function importInto(file: string) {
  const ws = openTempWorkspace();
  cleanups.push(ws.cleanup);
  const report = await importBatch(ws, { file });
  return { ws, report, claims: claimsOf(ws) };
}

describe('batch file formats', () => {
  it('CP949, UTF-8 with BOM, UTF-8, XLSX and JSON versions of one batch import to identical claims', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const files = [
      writeCsv(dir, 'batch-cp949.csv', GOOD_ROWS, 'cp949'),
      writeCsv(dir, 'batch-bom.csv', GOOD_ROWS, 'utf-8-bom'),
      writeCsv(dir, 'batch-utf8.csv', GOOD_ROWS, 'utf-8'),
      await writeXlsx(dir, 'batch.xlsx', GOOD_ROWS),
      writeJson(dir, 'batch.json', GOOD_ROWS),
    ];
    const results = [];
    for (const file of files) results.push(await importInto(file));
    const [reference, ...others] = results;
    expect(reference!.claims).toHaveLength(6);
    for (const other of others) expect(other.claims).toEqual(reference!.claims);
    expect(reference!.report.tiers).toEqual({
      tier_30k: 1,
      tier_50k: 1,
      committee_review: 1,
      general_package: 1,
      non_monetary: 1,
      excluded_affiliate: 1,
    });
  });

  it('decodes the CP949 Hangul that TextDecoder("euc-kr") gets wrong', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    // 똠, 햏, 뷁 are outside EUC-KR's 2,350 syllables: only CP949's extension has them.
    const rows = [
      [...GOOD_ROWS[0]!.slice(0, 8), '똠얌꿍 햏뷁 식당', ...GOOD_ROWS[0]!.slice(9, 13), ''],
    ];
    const { claims } = await importInto(writeCsv(dir, 'rare.csv', rows, 'cp949'));
    expect(claims[0]).toMatchObject({ business_name: '똠얌꿍 햏뷁 식당' });
  });

  it('reads a chosen sheet of a workbook, with sheet row numbers', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const file = await writeXlsx(
      dir,
      'two-sheets.xlsx',
      [...GOOD_ROWS.slice(0, 2), ['', '', '', '', '', '', '', '', '', '', '', '', '', '']],
      {
        coverSheet: true,
      },
    );
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const report = await importBatch(ws, { file, sheet: '신청' });
    expect(report.imported).toBe(2);
    expect(
      ws.db.prepare('SELECT source_row FROM claims ORDER BY source_row').pluck().all(),
    ).toEqual([2, 3]);
    const other = openTempWorkspace();
    cleanups.push(other.cleanup);
    await expect(importBatch(other, { file, sheet: '없는 시트' })).rejects.toThrow(
      /no sheet named "없는 시트"/,
    );
  });

  it('refuses files that are not batches, clearly and without writing anything', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'object.json'), '{"claims": []}');
    writeFileSync(join(dir, 'broken.json'), '[{"접수번호": ');
    writeFileSync(join(dir, 'fake.xlsx'), 'PK\u0003\u0004 not really a zip');
    await expect(importBatch(ws, { file: join(dir, 'missing.csv') })).rejects.toThrow(
      /cannot be read/,
    );
    await expect(importBatch(ws, { file: join(dir, 'empty.csv') })).rejects.toThrow(/empty/);
    await expect(importBatch(ws, { file: join(dir, 'object.json') })).rejects.toThrow(
      /array of objects/,
    );
    await expect(importBatch(ws, { file: join(dir, 'broken.json') })).rejects.toThrow(
      /not valid JSON/,
    );
    await expect(importBatch(ws, { file: join(dir, 'fake.xlsx') })).rejects.toThrow(/XLSX/);
    expect(ws.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
  });

  it('refuses a JSON batch nested 5,000 deep, and a UTF-8 one with a stray byte, by name', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const deep = `[{"접수번호": "K-2022-000001", "피해내용": ${'['.repeat(5000)}${']'.repeat(5000)}}]`;
    writeFileSync(join(dir, 'deep.json'), deep);
    const good = Buffer.from(JSON.stringify([{ 접수번호: 'K-2022-000001', 상호: '가나 상회' }]));
    const stray = Buffer.concat([good.subarray(0, 20), Buffer.from([0xff]), good.subarray(20)]);
    writeFileSync(join(dir, 'stray.json'), stray);
    const refusal = (file: string) =>
      importBatch(ws, { file: join(dir, file) }).then(
        () => null,
        (error: Error & { code?: string }) => ({ code: error.code, message: error.message }),
      );
    expect(await refusal('deep.json')).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/nests more than 32 levels/),
    });
    expect(await refusal('stray.json')).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/UTF-8 with 1 invalid byte/),
    });
    expect(ws.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
  });

  it('refuses a JSON batch over its size limit before reading it', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const file = join(dir, 'huge.json');
    writeFileSync(file, '[');
    // Sparse: the size is real to stat, but no disk is spent on it.
    truncateSync(file, JSON_LIMITS.fileBytes + 1);
    await expect(importBatch(ws, { file })).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ code: 'json_too_large' }],
    });
    expect(ws.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
  });
});

describe('large generated batches', () => {
  it('a streamed XLSX keeps every Hangul syllable whole and matches its CSV twin', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const rows = () => generateClaimRows({ count: 3000, seed: 7 });
    await writeBatchXlsx(join(dir, 'big.xlsx'), rows(), 'ko');
    await writeBatchCsv(join(dir, 'big.csv'), rows(), { encoding: 'cp949', headers: 'ko' });
    const fromXlsx = await importInto(join(dir, 'big.xlsx'));
    const fromCsv = await importInto(join(dir, 'big.csv'));
    const text = JSON.stringify(fromXlsx.claims);
    expect(text).not.toContain('\uFFFD');
    expect(fromXlsx.report.rows).toBe(3000);
    expect(fromXlsx.claims).toEqual(fromCsv.claims);
  }, 60_000);
});

describe('evidence given with a batch', () => {
  it('stores named files by content, flags missing ones, and refuses an evidence path that is not there', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const evidence = join(dir, 'evidence', 'K-2022-100001');
    mkdirSync(evidence, { recursive: true });
    writeFileSync(join(evidence, 'pos.csv'), '일자,매출\n2022-10-15,1200000\n');
    const file = writeCsv(dir, 'with-evidence.csv', GOOD_ROWS, 'utf-8');
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    await expect(
      importBatch(ws, { file, evidence: join(dir, 'no-such-folder') }),
    ).rejects.toThrow();
    expect(ws.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
    const report = await importBatch(ws, { file, evidence: join(dir, 'evidence') });
    expect(report.evidence).toEqual({ stored: 1, rejected: 0, missing: 1 });
    expect(report.evidenceProblems).toEqual([
      {
        claimId: 'K-2022-100001',
        fileName: 'K-2022-100001/receipt.png',
        status: 'missing',
        problem: 'not_found',
      },
    ]);
    const stored = ws.db
      .prepare("SELECT media_type, sha256 FROM evidence WHERE status = 'stored'")
      .get() as { media_type: string; sha256: string };
    expect(stored.media_type).toBe('text/csv');
    expect(
      new EvidenceStore(ws.dataDir, ws.workspaceKey).read(stored.sha256).toString('utf8'),
    ).toContain('1200000');
  });

  function evidenceRows(): typeof GOOD_ROWS {
    return GOOD_ROWS.map((row, i) =>
      i === 0 ? [...row.slice(0, -1), 'K-2022-100001/매출.csv;K-2022-100001/영수증.png'] : row,
    );
  }

  async function importWithZip(items: Parameters<typeof writeZip>[2]) {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const file = writeCsv(dir, 'with-zip.csv', evidenceRows(), 'utf-8');
    const zip = await writeZip(dir, 'evidence.zip', items);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const report = await importBatch(ws, { file, evidence: zip });
    const rows = ws.db
      .prepare(
        "SELECT file_name, status, problem, sha256 FROM evidence WHERE claim_id = 'K-2022-100001' ORDER BY position",
      )
      .all();
    return { report, rows };
  }

  it('rejects a name a zip holds twice with different content as ambiguous, and stores a twice-held identical one', async () => {
    const { report, rows } = await importWithZip([
      { name: 'K-2022-100001/매출.csv', data: '일자,매출\n2022-10-15,1200000\n' },
      { name: 'K-2022-100001/매출.csv', data: '일자,매출\n2022-10-15,9900000\n' },
      { name: 'K-2022-100001/영수증.png', data: PNG_BYTES },
      { name: 'K-2022-100001/영수증.png', data: PNG_BYTES },
    ]);
    expect(report.evidence).toEqual({ stored: 1, rejected: 1, missing: 0 });
    expect(report.evidenceProblems).toEqual([
      {
        claimId: 'K-2022-100001',
        fileName: 'K-2022-100001/매출.csv',
        status: 'rejected',
        problem: 'ambiguous_name',
      },
    ]);
    expect(rows).toEqual([
      {
        file_name: 'K-2022-100001/매출.csv',
        status: 'rejected',
        problem: 'ambiguous_name',
        sha256: null,
      },
      {
        file_name: 'K-2022-100001/영수증.png',
        status: 'stored',
        problem: null,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });

  it('rejects NFC and NFD spellings of one name with different content as ambiguous', async () => {
    const csv = 'K-2022-100001/매출.csv';
    const png = 'K-2022-100001/영수증.png';
    const { report, rows } = await importWithZip([
      { name: csv, data: '일자,매출\n2022-10-15,1200000\n' },
      { name: csv.normalize('NFD'), data: '일자,매출\n2022-10-15,9900000\n' },
      { name: png.normalize('NFD'), data: PNG_BYTES },
      { name: png, data: PNG_BYTES },
    ]);
    expect(report.evidence).toEqual({ stored: 1, rejected: 1, missing: 0 });
    expect(report.evidenceProblems).toEqual([
      { claimId: 'K-2022-100001', fileName: csv, status: 'rejected', problem: 'ambiguous_name' },
    ]);
    expect(rows).toMatchObject([
      { file_name: csv, status: 'rejected', problem: 'ambiguous_name' },
      { file_name: png, status: 'stored', problem: null },
    ]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listQuarantine } from '../../../src/main/db/repositories/quarantine';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { exportQuarantineCsv } from '../../../src/main/services/intake/quarantine-export';
import { GOOD_ROWS, KO_HEADERS, writeCsv, type Row } from '../../helpers/batch-files';
import { FORMULA_PAYLOADS } from '../../helpers/formula-payloads';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';

/*
 * Issue 12, item 4: a quarantine export imported back yields exactly the claim text of the
 * source. The export's formula guard (a ' before = + - @ ...) is removed on the way in where it
 * was added on the way out, and only there.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const base = GOOD_ROWS[0]!;
const BAD_AMOUNT = '약 백만원';

/** Formula payloads as affiliate, business name, industry and description, plus typed quotes. */
const TEXTS: readonly string[] = [
  ...FORMULA_PAYLOADS,
  "'=1+1", // a person's own leading apostrophe before a formula-like text
  "''+82 상회",
  "'그냥 인용",
  '-5,000',
];

function hostileRow(i: number, text: string, amount: string): Row {
  const row = [...base];
  row[0] = `K-2022-31${String(i).padStart(4, '0')}`;
  row[3] = text.length <= 100 ? text : row[3]!;
  row[8] = text;
  row[9] = text;
  row[10] = amount;
  row[11] = text;
  return row;
}

const CLAIM_TEXT_SQL =
  'SELECT claim_id, affiliate, business_name, industry, description FROM claims ORDER BY claim_id';

function setUp() {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const ws = openTempWorkspace();
  cleanups.push(ws.cleanup);
  return { dir, ws };
}

describe('quarantine round trip', () => {
  it('brings every formula payload back as exactly the text a direct import stores', async () => {
    const { dir, ws } = setUp();
    // What the claims are when the source is right first time.
    const direct = openTempWorkspace();
    cleanups.push(direct.cleanup);
    const good = TEXTS.map((text, i) => hostileRow(i, text, base[10]!));
    await importBatch(direct, { file: writeCsv(dir, 'good.csv', good, 'utf-8-bom') });
    const expected = direct.db.prepare(CLAIM_TEXT_SQL).all();
    expect(expected).toHaveLength(TEXTS.length);

    // The same rows with a bad amount: all quarantined, exported, fixed, imported back.
    const bad = TEXTS.map((text, i) => hostileRow(i, text, BAD_AMOUNT));
    const first = await importBatch(ws, { file: writeCsv(dir, 'bad.csv', bad, 'utf-8-bom') });
    expect(first.quarantined).toBe(TEXTS.length);
    const exported = join(dir, 'quarantine.csv');
    exportQuarantineCsv(ws, first.batchId, exported);
    const text = readFileSync(exported, 'utf8');
    // Still inert on the way out.
    expect(text).toContain("'=cmd|");
    const fixedFile = join(dir, 'quarantine-fixed.csv');
    writeFileSync(fixedFile, text.replaceAll(BAD_AMOUNT, '1850000원'), 'utf8');
    const fix = await importBatch(ws, { file: fixedFile, intoBatchId: first.batchId });
    expect(fix).toMatchObject({ imported: TEXTS.length, quarantined: 0 });
    expect(ws.db.prepare(CLAIM_TEXT_SQL).all()).toEqual(expected);
  });

  it('keeps re-quarantined rows as their source text, so a second export is the same file', async () => {
    const { dir, ws } = setUp();
    const bad = TEXTS.map((text, i) => hostileRow(i, text, BAD_AMOUNT));
    const first = await importBatch(ws, { file: writeCsv(dir, 'bad.csv', bad, 'utf-8-bom') });
    const once = join(dir, 'once.csv');
    exportQuarantineCsv(ws, first.batchId, once);
    const sourceRaw = listQuarantine(ws.db, first.batchId).map((q) => q.raw['상호']);
    // Imported back unfixed: every row is set aside again, with the text the source had.
    const again = await importBatch(ws, { file: once, intoBatchId: first.batchId });
    expect(again.quarantined).toBe(TEXTS.length);
    const latest = listQuarantine(ws.db, first.batchId).filter((q) => q.importFileId === 2);
    expect(latest.map((q) => q.raw['상호'])).toEqual(sourceRaw);
  });

  it('keeps a leading apostrophe in a file that is not a quarantine export', async () => {
    const { dir, ws } = setUp();
    const rows = ["'+82 상회", "'=1+1", "'회사"].map((text, i) => hostileRow(i, text, base[10]!));
    await importBatch(ws, { file: writeCsv(dir, 'plain.csv', rows, 'utf-8') });
    const names = ws.db.prepare('SELECT business_name FROM claims ORDER BY claim_id').pluck().all();
    expect(names).toEqual(["'+82 상회", "'=1+1", "'회사"]);
  });

  it('keeps the quote in a quarantine-shaped file when the text after it would not be guarded', async () => {
    const { dir, ws } = setUp();
    const headers = ['행번호', '보류사유', ...KO_HEADERS];
    const row = ['3', 'claimed_loss: ...', ...hostileRow(0, "'상회", base[10]!)];
    const file = writeCsv(dir, 'fix.csv', [row], 'utf-8-bom', headers);
    await importBatch(ws, { file });
    expect(ws.db.prepare('SELECT business_name FROM claims').pluck().get()).toBe("'상회");
  });
});

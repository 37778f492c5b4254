import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { listQuarantine } from '../../../src/main/db/repositories/quarantine';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { ServiceError } from '../../../src/main/services/errors';
import { exportQuarantineCsv } from '../../../src/main/services/intake/quarantine-export';
import { GOOD_ROWS, writeCsv, type Row } from '../../helpers/batch-files';
import { FORMULA_PAYLOADS } from '../../helpers/formula-payloads';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const base = GOOD_ROWS[0]!;
const withId = (id: string, changes: Record<number, string> = {}): Row =>
  base.map((value, i) => (i === 0 ? id : (changes[i] ?? value)));

/** Every kind of bad row the intake issue names, each with the reason codes it must get. */
const BAD_ROWS: [Row, string[]][] = [
  [withId(''), ['required']],
  [withId('K-2022-200002', { 1: '10월 20일쯤' }), ['received_at.not_a_date']],
  [withId('K-2022-200003', { 1: '2022-02-30 10:00' }), ['received_at.impossible_date']],
  [withId('K-2022-200004', { 2: '프리랜서' }), ['unknown_claimant_type']],
  [withId('K-2022-200005', { 6: '정신적피해' }), ['unknown_damage_type']],
  [withId('K-2022-200006', { 10: '약 백만원 정도' }), ['claimed_loss.not_money']],
  [withId('K-2022-200007', { 10: '-5,000' }), ['claimed_loss.negative']],
  [withId('K-2022-200008', { 10: '1,234.5' }), ['claimed_loss.fraction']],
  [withId('K-2022-200009', { 7: '214-86-12342' }), ['business_reg_no.bad_check_digit']],
  [withId('K-2022-200010', { 7: '' }), ['business_reg_no_required']],
  [withId('K-2022-200011', { 10: '' }), ['loss_required']],
  [withId('K-2022-200012', { 5: '모름' }), ['bad_paid_flag']],
  [withId('K-2022-200013', { 3: '', 4: '', 2: '' }), ['required', 'required', 'required']],
  [withId('K-2022-100001'), ['duplicate_in_file']],
];

function badBatch(dir: string) {
  return writeCsv(
    dir,
    'bad.csv',
    [GOOD_ROWS[0]!, ...BAD_ROWS.map(([row]) => row), GOOD_ROWS[1]!],
    'utf-8-bom',
  );
}

describe('quarantine', () => {
  it('imports the good rows, quarantines each bad row with every reason, and loses nothing', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const report = await importBatch(ws, { file: badBatch(dir) });
    expect(report.rows).toBe(BAD_ROWS.length + 2);
    expect(report.imported).toBe(2);
    expect(report.quarantined).toBe(BAD_ROWS.length);
    expect(report.rows).toBe(report.imported + report.quarantined + report.duplicates);
    // Row numbers are the spreadsheet's: the header is row 1, the first good row is row 2.
    expect(report.quarantine.map((q) => [q.row, q.reasons.map((r) => r.code)])).toEqual(
      BAD_ROWS.map(([, codes], i) => [i + 3, codes]),
    );
    for (const entry of report.quarantine)
      for (const reason of entry.reasons) expect(reason.ko && reason.en).toBeTruthy();
    const stored = listQuarantine(ws.db, report.batchId);
    expect(stored).toHaveLength(BAD_ROWS.length);
    // The raw values are kept exactly as the file had them, under the file's own headers.
    expect(stored[1]!.raw['접수일시']).toBe('10월 20일쯤');
    expect(stored[1]!.raw['상호']).toBe('을지로 국밥집');
  });

  it('refuses the same file again, naming the earlier batch, and reports claims already in another batch', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const first = await importBatch(ws, { file: badBatch(dir) });
    const before = ws.db.prepare('SELECT count(*) FROM claims').pluck().get();
    await expect(importBatch(ws, { file: badBatch(dir) })).rejects.toThrow(
      `already imported into batch ${first.batchId} ("bad.csv")`,
    );
    expect(ws.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(before);

    const overlapping = writeCsv(dir, 'next.csv', [GOOD_ROWS[0]!, GOOD_ROWS[2]!], 'utf-8');
    const second = await importBatch(ws, { file: overlapping });
    expect(second).toMatchObject({ rows: 2, imported: 1, duplicates: 1, quarantined: 0 });
    expect(second.duplicateClaims).toEqual([
      { row: 2, claimId: 'K-2022-100001', existingBatchId: first.batchId },
    ]);
    // Never overwritten: the claim still belongs to the first batch.
    expect(
      ws.db.prepare("SELECT batch_id FROM claims WHERE claim_id = 'K-2022-100001'").pluck().get(),
    ).toBe(first.batchId);
    expect(listAudit(ws.db).map((e) => e.action)).toEqual(['batch.imported', 'batch.imported']);
  });

  it('exports quarantined rows as CSV that, once fixed, imports into the same batch', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const first = await importBatch(ws, { file: badBatch(dir) });
    const exported = `${dir}/quarantine.csv`;
    exportQuarantineCsv(ws, first.batchId, exported);
    const text = readFileSync(exported, 'utf8');
    expect(text.startsWith('\uFEFF보류번호,행번호,보류사유,접수번호,접수일시')).toBe(true);
    // Fix the two date rows by hand, as a secretary would in Excel, and import the file back.
    const fixed = text
      .replace('10월 20일쯤', '2022-10-20 10:00')
      .replace('2022-02-30 10:00', '2022-02-28 10:00');
    const fixedFile = `${dir}/quarantine-fixed.csv`;
    writeFileSync(fixedFile, fixed, 'utf8');
    const fix = await importBatch(ws, { file: fixedFile, intoBatchId: first.batchId });
    expect(fix.batchId).toBe(first.batchId);
    expect(fix.imported).toBe(2);
    // The rows that came back unfixed replace their entries: one open entry per row still bad,
    // each still pointing at its row in the batch's own file.
    const firstRows = listQuarantine(ws.db, first.batchId).filter((q) => q.importFileId === 1);
    const open = listQuarantine(ws.db, first.batchId, { openOnly: true });
    expect(open).toHaveLength(BAD_ROWS.length - 2);
    expect(open.every((q) => q.importFileId === 2)).toBe(true);
    expect(new Set(open.map((q) => q.originalRow)).size).toBe(open.length);
    for (const q of open) expect(firstRows.map((f) => f.sourceRow)).toContain(q.originalRow);
    expect(firstRows.filter((q) => q.status === 'resolved')).toHaveLength(2);
    expect(listAudit(ws.db)[0]!.action).toBe('batch.fixes_imported');
  });

  it('writes formula payloads of quarantined rows as inert text, and negative amounts as they were', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    // Each row is quarantined for its amount; the payloads ride along in name and description.
    const hostile = FORMULA_PAYLOADS.map((payload, i) =>
      withId(`K-2022-2100${String(i).padStart(2, '0')}`, { 8: payload, 10: '-5,000', 11: payload }),
    );
    const file = writeCsv(dir, 'hostile.csv', [GOOD_ROWS[0]!, ...hostile], 'utf-8-bom');
    const report = await importBatch(ws, { file });
    expect(report.quarantined).toBe(hostile.length);
    const exported = `${dir}/quarantine.csv`;
    exportQuarantineCsv(ws, report.batchId, exported);
    const parsed = Papa.parse<Record<string, string>>(
      readFileSync(exported, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    const stored = listQuarantine(ws.db, report.batchId);
    expect(parsed.data).toHaveLength(stored.length);
    for (const [i, row] of parsed.data.entries()) {
      const raw = stored[i]!.raw;
      // Quarantine keeps the raw text exactly, so every payload is still live there.
      expect(raw['상호']).toBe(FORMULA_PAYLOADS[i]);
      for (const header of ['상호', '피해내용']) expect(row[header]).toBe(`'${raw[header]}`);
      expect(row['피해금액']).toBe('-5,000');
    }
  });

  it('never exports over a file: a taken name is a typed refusal and that file stays as it was', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const first = await importBatch(ws, { file: badBatch(dir) });
    // The secretary's fixed copy of an earlier export, not yet imported, under the same name.
    const fixedCopy = `${dir}/quarantine.csv`;
    writeFileSync(fixedCopy, 'fixed by hand', 'utf8');
    let refusal: unknown;
    try {
      exportQuarantineCsv(ws, first.batchId, fixedCopy);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ServiceError);
    expect(refusal).toMatchObject({ code: 'conflict', issues: [{ code: 'file_exists' }] });
    expect((refusal as Error).message).toContain('never saved over another file');
    expect(readFileSync(fixedCopy, 'utf8')).toBe('fixed by hand');
    expect(readdirSync(dir).sort()).toEqual(['bad.csv', 'quarantine.csv']);
  });
});

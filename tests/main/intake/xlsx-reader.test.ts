import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import { generateClaimRows } from '../../../src/main/demo/generate-claims';
import { writeBatchXlsx } from '../../../src/main/demo/write-batch';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { openBatchReader, type SourceRow } from '../../../src/main/services/intake/readers';
import { XLSX_LIMITS } from '../../../src/main/services/intake/readers/xlsx';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { handMadeXlsx, readXlsxParts, SHEET_NS, writeXlsxParts } from '../../helpers/xlsx-parts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir() {
  const made = makeTempDir();
  cleanups.push(made.cleanup);
  return made.dir;
}

function workspace() {
  const ws = openTempWorkspace();
  cleanups.push(ws.cleanup);
  return ws;
}

async function readAll(file: string) {
  const reader = await openBatchReader(file);
  const rows: SourceRow[] = [];
  try {
    for await (const chunk of reader.chunks()) rows.push(...chunk);
  } finally {
    reader.close();
  }
  return { headers: reader.headers, sheets: reader.sheets, rows };
}

/** The refusal an import ends in, or null when it imported. */
async function refusalOf(ws: ReturnType<typeof workspace>, file: string) {
  return importBatch(ws, { file }).then(
    () => null,
    (error: Error & { code?: string; issues?: { code: string; path: string }[] }) => ({
      code: error.code,
      issue: error.issues?.[0]?.code,
      at: error.issues?.[0]?.path,
      message: error.message,
    }),
  );
}

function nothingImported(ws: ReturnType<typeof workspace>) {
  expect(ws.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
  expect(ws.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
  expect(ws.db.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(0);
}

describe('XLSX cells, read as Excel shows them', () => {
  it('reads shared, inline, rich, boolean, error, number and date cells, with prefixed element names', async () => {
    const dir = tempDir();
    const styles = `<styleSheet xmlns="${SHEET_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;년&quot; m&quot;월&quot; d&quot;일&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>`;
    const sheetXml =
      `<x:worksheet xmlns:x="${SHEET_NS}"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>비고</x:t></x:is></x:c></x:row>` +
      `<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:r><x:t>을지로 </x:t></x:r><x:r><x:t>국밥집</x:t></x:r><x:rPh><x:t>ウルチロ</x:t></x:rPh></x:is></x:c>` +
      `<x:c r="B3" s="1"><x:v>44854.60625</x:v></x:c><x:c r="C3" s="2"><x:v>44855</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c></x:row>` +
      `<x:row r="4"><x:c r="A4" t="e"><x:v>#N/A</x:v></x:c><x:c r="B4" s="3"><x:v>1850000</x:v></x:c><x:c r="C4" t="str"><x:f>A1</x:f><x:v>계산값</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    const file = join(dir, 'hand.xlsx');
    await writeXlsxParts(
      file,
      handMadeXlsx({ sheetXml, sharedStrings: ['상호', '접수일시'], stylesXml: styles }),
    );
    const read = await readAll(file);
    expect(read.sheets).toEqual(['신청']);
    expect(read.headers).toEqual(['상호', '접수일시', '(열 3)', '비고']);
    expect(read.rows).toEqual([
      {
        row: 3,
        values: {
          상호: '을지로 국밥집',
          접수일시: '2022-10-20T14:33:00',
          '(열 3)': '2022-10-21T00:00:00',
          비고: 'true',
        },
      },
      { row: 4, values: { 상호: '#N/A', 접수일시: '1850000', '(열 3)': '계산값', 비고: '' } },
    ]);
  });

  it('counts dates from 1904-01-01 in a workbook that says so', async () => {
    const dir = tempDir();
    const styles = `<styleSheet xmlns="${SHEET_NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const sheetXml = `<worksheet xmlns="${SHEET_NS}"><sheetData><row><c t="inlineStr"><is><t>접수일시</t></is></c></row><row><c s="1"><v>43392</v></c></row></sheetData></worksheet>`;
    const file = join(dir, 'mac.xlsx');
    await writeXlsxParts(file, handMadeXlsx({ sheetXml, stylesXml: styles, date1904: true }));
    expect((await readAll(file)).rows).toEqual([
      { row: 2, values: { 접수일시: '2022-10-20T00:00:00' } },
    ]);
  });
});

describe('a damaged or cut workbook is refused whole', () => {
  async function batchWorkbook(dir: string, count = 200) {
    const file = join(dir, 'batch.xlsx');
    await writeBatchXlsx(file, generateClaimRows({ count, seed: 12 }), 'ko');
    return file;
  }

  it('refuses a sheet whose XML is cut at any of 70 places, naming the row after which it broke', async () => {
    const dir = tempDir();
    const parts = await readXlsxParts(await batchWorkbook(dir));
    const sheetPart = [...parts.keys()].find((name) => name.startsWith('xl/worksheets/'))!;
    const sheet = parts.get(sheetPart)!;
    const ws = workspace();
    const outcomes: string[] = [];
    for (let i = 1; i <= 70; i++) {
      const cut = Math.floor((sheet.length * i) / 71);
      const file = join(dir, `cut-${i}.xlsx`);
      await writeXlsxParts(file, new Map([...parts, [sheetPart, sheet.subarray(0, cut)]]));
      const refusal = await refusalOf(ws, file);
      expect(refusal, `cut at byte ${cut} of ${sheet.length}`).toMatchObject({
        code: 'validation_failed',
        issue: 'xlsx_damaged',
        message: expect.stringMatching(/damaged or cut at sheet "[^"]+" (after row \d+|before)/),
      });
      outcomes.push(refusal!.issue!);
    }
    expect(outcomes).toHaveLength(70);
    nothingImported(ws);
  });

  it('refuses a file cut short or with a flipped byte in its sheet data', async () => {
    const dir = tempDir();
    const whole = readFileSync(await batchWorkbook(dir));
    const ws = workspace();
    for (let i = 1; i <= 20; i++) {
      const file = join(dir, `short-${i}.xlsx`);
      writeFileSync(file, whole.subarray(0, 100 + Math.floor(((whole.length - 100) * i) / 21)));
      expect(await refusalOf(ws, file)).toMatchObject({ issue: 'xlsx_damaged' });
    }
    // The sheet is the largest entry: a byte in the middle of the file is inside its data.
    const flipped = Buffer.from(whole);
    flipped[Math.floor(whole.length / 3)]! ^= 0x5a;
    writeFileSync(join(dir, 'flipped.xlsx'), flipped);
    expect(await refusalOf(ws, join(dir, 'flipped.xlsx'))).toMatchObject({
      issue: 'xlsx_damaged',
    });
    nothingImported(ws);
  });

  it('checks the sheet whole before showing any of it: a changed header byte is damage, not a missing column', async () => {
    const dir = tempDir();
    const parts = await readXlsxParts(await batchWorkbook(dir, 20));
    const file = join(dir, 'stored.xlsx');
    await writeXlsxParts(file, parts, { store: true });
    const bytes = readFileSync(file);
    // 서비스 -> 서비슘: one byte of the stored sheet's header text, its CRC left as it was.
    const at = bytes.indexOf(Buffer.from('서비스'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 8] = 0x98;
    writeFileSync(file, bytes);
    await expect(openBatchReader(file)).rejects.toMatchObject({
      issues: [{ code: 'xlsx_damaged' }],
      message: expect.stringMatching(/CRC-32 does not match/),
    });
  });

  it('refuses a 700 MB cell by its limit, without holding it in memory', async () => {
    const dir = tempDir();
    const file = join(dir, 'huge-cell.xlsx');
    const size = 700 * 1024 * 1024;
    const piece = Buffer.alloc(1024 * 1024, 0x41);
    const sheet = Readable.from(
      (function* () {
        yield Buffer.from(
          `<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
        );
        for (let sent = 0; sent < size; sent += piece.length) yield piece;
        yield Buffer.from('</t></is></c></row></sheetData></worksheet>');
      })(),
    );
    const parts = handMadeXlsx({ sheetXml: '' });
    parts.delete('xl/worksheets/sheet1.xml');
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of parts) zip.addBuffer(bytes, name);
    zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    writeFileSync(file, Buffer.concat(chunks));

    const ws = workspace();
    const heapBefore = process.memoryUsage().heapUsed;
    const refusal = await refusalOf(ws, file);
    expect(refusal).toMatchObject({
      issue: 'xlsx_value_too_long',
      message: expect.stringContaining(XLSX_LIMITS.cellChars.toLocaleString('en')),
    });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    nothingImported(ws);
  }, 60_000);

  it('reads the sheet from the zip directly: nothing is spooled to the temp folder', async () => {
    const dir = tempDir();
    const file = await batchWorkbook(dir, 3000);
    const ws = workspace();
    const spool = tempDir();
    const before = process.env.TMPDIR;
    process.env.TMPDIR = spool;
    try {
      const report = await importBatch(ws, { file });
      expect(report.rows).toBe(3000);
      expect(readdirSync(spool)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  }, 60_000);
});

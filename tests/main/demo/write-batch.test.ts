import { excelJs } from '../../../src/main/lib/exceljs';
import iconv from 'iconv-lite';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { BATCH_FIELDS, FIELD_HEADERS } from '../../../src/shared/domain/batch-format';
import {
  generateClaimRows,
  writeBatchCsv,
  writeBatchJson,
  writeBatchXlsx,
  writeEvidenceFolder,
  writeEvidenceZip,
  writeLargeBatch,
  type ClaimRow,
} from '../../../src/main/demo';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});
const tempDir = (): string => (dir = mkdtempSync(join(tmpdir(), 'demo-batch-')));

const rows: ClaimRow[] = [...generateClaimRows({ count: 3_000, seed: 1015 })];
const KO = BATCH_FIELDS.map((f) => FIELD_HEADERS[f].ko);
const EN = BATCH_FIELDS.map((f) => FIELD_HEADERS[f].en);

function parseCsv(text: string): { headers: string[]; records: string[][] } {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [headers = [], ...records] = parsed.data;
  return { headers, records };
}

const asRecords = (list: ClaimRow[]): string[][] =>
  list.map((row) => BATCH_FIELDS.map((f) => row[f]));

/** A row whose text needs quoting, and one naming evidence that is meant to be missing. */
const awkward: ClaimRow = {
  ...rows[0]!,
  claim_id: 'K-2022-999999',
  description: '쉼표, "따옴표" 그리고\n줄바꿈이 있는 설명 ',
};

describe('writeBatchCsv', () => {
  it('writes UTF-8 with BOM and Korean headers that read back to the same rows', async () => {
    const path = join(tempDir(), 'batch.csv');
    const list = [...rows.slice(0, 500), awkward];
    expect(await writeBatchCsv(path, list, { encoding: 'utf-8-bom', headers: 'ko' })).toBe(501);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { headers, records } = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(headers).toEqual(KO);
    expect(records).toEqual(asRecords(list));
  });

  it('writes plain UTF-8 with English headers and CRLF line ends', async () => {
    const path = join(tempDir(), 'batch.csv');
    await writeBatchCsv(path, rows.slice(0, 50), { encoding: 'utf-8', headers: 'en' });
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith(`${EN.join(',')}\r\n`)).toBe(true);
    expect(parseCsv(text).records).toEqual(asRecords(rows.slice(0, 50)));
  });

  it('writes CP949 that decodes back to identical Hangul, the won sign as Excel saves it', async () => {
    const root = tempDir();
    const cp949 = join(root, 'cp949.csv');
    const utf8 = join(root, 'utf8.csv');
    await writeBatchCsv(cp949, rows, { encoding: 'cp949', headers: 'ko' });
    await writeBatchCsv(utf8, rows, { encoding: 'utf-8', headers: 'ko' });
    const bytes = readFileSync(cp949);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = iconv.decode(bytes, 'cp949');
    const original = readFileSync(utf8, 'utf8');
    expect(original).toContain('₩');
    expect(decoded).not.toContain('?');
    expect(decoded).toBe(original.replace(/₩/g, '\\'));
    expect(parseCsv(decoded).headers).toEqual(KO);
  });
  it('rejects, rather than crashing, when the file cannot be created', async () => {
    const path = join(tempDir(), 'no-such-folder', 'batch.csv');
    await expect(
      writeBatchCsv(path, rows.slice(0, 10), { encoding: 'utf-8', headers: 'ko' }),
    ).rejects.toThrow(/ENOENT/);
    await expect(writeBatchJson(path, rows.slice(0, 10))).rejects.toThrow(/ENOENT/);
  });
});

describe('writeBatchXlsx and writeBatchJson', () => {
  it('writes an XLSX sheet of strings that exceljs reads back', async () => {
    const path = join(tempDir(), 'batch.xlsx');
    const list = rows.slice(0, 200);
    expect(await writeBatchXlsx(path, list, 'ko')).toBe(200);
    const workbook = new (excelJs().Workbook)();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(201);
    const values = (n: number) =>
      BATCH_FIELDS.map((_, i) => String(sheet.getRow(n).getCell(i + 1).value ?? ''));
    expect(values(1)).toEqual(KO);
    expect(values(2)).toEqual(BATCH_FIELDS.map((f) => list[0]![f]));
    expect(values(201)).toEqual(BATCH_FIELDS.map((f) => list[199]![f]));
  });

  it('writes JSON objects keyed by header name', async () => {
    const path = join(tempDir(), 'batch.json');
    const list = [...rows.slice(0, 2_500), awkward];
    await writeBatchJson(path, list, 'en');
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>[];
    expect(parsed).toEqual(list);
    const empty = join(dir, 'empty.json');
    await writeBatchJson(empty, [], 'ko');
    expect(JSON.parse(readFileSync(empty, 'utf8'))).toEqual([]);
  });
});

describe('evidence folder and zip', () => {
  const withEvidence = rows.filter((r) => r.evidence !== '').slice(0, 12);
  const missingRow: ClaimRow = {
    ...withEvidence[0]!,
    claim_id: 'K-2022-999998',
    evidence: 'K-2022-999998/pos_2022-10-16.csv;K-2022-999998/receipt_scan.jpg',
  };
  const list = [...withEvidence, missingRow];
  const named = list.flatMap((r) => r.evidence.split(';'));

  it('creates every named file under a folder per claim, except the deliberately missing one', async () => {
    const root = tempDir();
    const result = await writeEvidenceFolder(join(root, 'evidence'), list);
    expect(result.missing).toEqual(['K-2022-999998/receipt_scan.jpg']);
    expect(result.written).toBe(named.length - 1);
    for (const name of named) {
      expect(existsSync(join(root, 'evidence', ...name.split('/')))).toBe(
        !name.endsWith('receipt_scan.jpg'),
      );
    }
    expect(readdirSync(join(root, 'evidence')).sort()).toEqual(list.map((r) => r.claim_id).sort());
  });

  it('refuses a hand-edited name that would escape the folder', async () => {
    const evil = { ...missingRow, evidence: 'K-2022-999998/../../escape.txt' };
    await expect(writeEvidenceFolder(join(tempDir(), 'evidence'), [evil])).rejects.toThrow(
      RangeError,
    );
  });

  it('zips the same files under the same names, byte-identical on a second run', async () => {
    const root = tempDir();
    const first = join(root, 'a.zip');
    const second = join(root, 'b.zip');
    await writeEvidenceZip(first, list);
    await writeEvidenceZip(second, list);
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
    const entries = await new Promise<string[]>((resolve, reject) => {
      yauzl.open(first, { lazyEntries: true }, (error, zip) => {
        if (error || !zip) return reject(error ?? new Error('no zip'));
        const names: string[] = [];
        zip.on('entry', (entry: yauzl.Entry) => {
          names.push(entry.fileName);
          zip.readEntry();
        });
        zip.on('end', () => resolve(names));
        zip.on('error', reject);
        zip.readEntry();
      });
    });
    expect(entries.sort()).toEqual(named.filter((n) => !n.endsWith('receipt_scan.jpg')).sort());
  });
});

describe('writeLargeBatch', () => {
  it('writes 50,000 rows as 50,001 lines of UTF-8 with Korean headers', async () => {
    const path = join(tempDir(), 'large.csv');
    expect(await writeLargeBatch(path, 50_000, 99)).toBe(50_000);
    let lines = 0;
    let first = '';
    const reader = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const line of reader) {
      if (lines === 0) first = line;
      lines += 1;
    }
    expect(lines).toBe(50_001);
    expect(first).toBe(KO.join(','));
  }, 60_000);
});

import { excelJs } from '../../../src/main/lib/exceljs';
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  makeEvidenceFile,
  makeJpeg,
  makePdf,
  makePng,
  type EvidenceContext,
} from '../../../src/main/demo';

const context = (file: string): EvidenceContext => ({
  claimId: 'K-2022-000123',
  name: `K-2022-000123/${file}`,
  businessName: '을지로 국밥집',
  industry: '음식점업',
});

const FILES = [
  'sales_chart.png',
  'receipt_1015.jpg',
  'bank_statement_2022-10.pdf',
  'pos_2022-10-15.csv',
  'sales_ledger_2022-10.xlsx',
  '피해경위서.txt',
];

const MAGIC: Record<string, number[]> = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpg: [0xff, 0xd8, 0xff],
  pdf: Array.from(Buffer.from('%PDF-')),
  csv: [0xef, 0xbb, 0xbf],
  xlsx: [0x50, 0x4b, 0x03, 0x04],
};

describe('evidence files', () => {
  it.each(FILES)('%s starts with the magic bytes of its type and is small', async (file) => {
    const bytes = await makeEvidenceFile(context(file));
    const magic = MAGIC[file.slice(file.lastIndexOf('.') + 1)];
    if (magic) expect([...bytes.subarray(0, magic.length)]).toEqual(magic);
    expect(bytes.length).toBeGreaterThan(50);
    expect(bytes.length).toBeLessThan(20_000);
  });

  it.each(FILES)('%s is the same bytes for the same claim and name', async (file) => {
    const [a, b] = await Promise.all([
      makeEvidenceFile(context(file)),
      makeEvidenceFile(context(file)),
    ]);
    expect(a.equals(b)).toBe(true);
    const other = await makeEvidenceFile({ ...context(file), claimId: 'K-2022-000124' });
    expect(other.equals(a)).toBe(false);
  });

  it('writes a structurally valid PNG: IHDR first, IEND last, every CRC right', () => {
    const png = makePng(42);
    let offset = 8;
    const types: string[] = [];
    const idat: Buffer[] = [];
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.toString('ascii', offset + 4, offset + 8);
      const data = png.subarray(offset + 8, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(
        zlibCrc32(png.subarray(offset + 4, offset + 8 + length)),
      );
      types.push(type);
      if (type === 'IDAT') idat.push(data);
      offset += 12 + length;
    }
    expect(offset).toBe(png.length);
    expect(types[0]).toBe('IHDR');
    expect(types.at(-1)).toBe('IEND');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect([width, height, png[24], png[25]]).toEqual([64, 48, 8, 2]);
    // Every scanline is a filter byte plus three bytes per pixel.
    expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + width * 3));
  });

  it('writes a PDF whose startxref points at its xref table and whose offsets find each object', () => {
    const pdf = makePdf(42, 'Statement (synthetic)', ['a (bracketed) line', 'back\\slash']);
    const text = pdf.toString('latin1');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const table = text.slice(startxref).split('\n');
    const count = Number(table[1]?.split(' ')[1]);
    expect(count).toBe(6);
    for (let i = 1; i < count; i += 1) {
      const entry = table[2 + i] ?? '';
      expect(entry).toHaveLength(19); // plus the newline: 20 bytes, as the spec requires
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${i} 0 obj`.length)).toBe(`${i} 0 obj`);
    }
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
    const start = text.indexOf('stream\n') + 'stream\n'.length;
    expect(text.slice(start + length, start + length + '\nendstream'.length)).toBe('\nendstream');
    expect(text).toContain('(a \\(bracketed\\) line)');
  });

  it('writes a baseline JPEG whose segments chain up to a scan and end with EOI', () => {
    const jpg = makeJpeg(42, 'K-2022-000123');
    expect([...jpg.subarray(-2)]).toEqual([0xff, 0xd9]);
    let offset = 2;
    const markers: number[] = [];
    while (jpg[offset] === 0xff && jpg[offset + 1] !== 0xda) {
      markers.push(jpg[offset + 1] ?? 0);
      offset += 2 + jpg.readUInt16BE(offset + 2);
    }
    expect(jpg[offset + 1]).toBe(0xda);
    expect(markers).toEqual([0xe0, 0xfe, 0xdb, 0xc0, 0xc4, 0xc4]);
    const sof = jpg.indexOf(Buffer.from([0xff, 0xc0]));
    expect([jpg.readUInt16BE(sof + 5), jpg.readUInt16BE(sof + 7)]).toEqual([128, 96]);
    expect(jpg.toString('latin1')).toContain('K-2022-000123');
    // Inside the entropy-coded data every 0xFF is stuffed, so no marker appears before EOI.
    const scan = jpg.subarray(offset + 2 + jpg.readUInt16BE(offset + 2), -2);
    for (let i = 0; i < scan.length; i += 1) if (scan[i] === 0xff) expect(scan[i + 1]).toBe(0);
  });

  it('writes a POS export in UTF-8 with BOM and Korean headers', async () => {
    const csv = await makeEvidenceFile(context('pos_2022-10-15.csv'));
    const text = csv.subarray(3).toString('utf8');
    const [header, ...lines] = text.trimEnd().split('\r\n');
    expect(header).toBe('일자,시간,영수증번호,품목,수량,단가,결제수단,결제금액');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.startsWith('2022-10-15,')).toBe(true);
  });

  it('writes a sales ledger that exceljs reads back, with a formula total per day', async () => {
    const xlsx = await makeEvidenceFile(context('sales_ledger_2022-10.xlsx'));
    const workbook = new (excelJs().Workbook)();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('매출장부');
    expect(sheet?.rowCount).toBe(32);
    expect(sheet?.getRow(1).getCell(1).value).toBe('일자');
    const outageDay = sheet?.getRow(16);
    expect(outageDay?.getCell(1).value).toBe('2022-10-15');
    expect(outageDay?.getCell(7).value).toBe('카카오 장애');
    expect(outageDay?.getCell(6).formula).toBe('C16+D16+E16');
  });

  it('writes the written account as UTF-8 Hangul without a BOM', async () => {
    const txt = await makeEvidenceFile(context('피해경위서.txt'));
    expect(txt[0]).not.toBe(0xef);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(txt);
    expect(text.startsWith('피해 경위서')).toBe(true);
    expect(text).toContain('K-2022-000123');
  });

  it('refuses a file type it does not make', async () => {
    await expect(makeEvidenceFile(context('virus.exe'))).rejects.toThrow(RangeError);
  });
});

import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Entry } from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { openEvidenceSource } from '../../../src/main/services/evidence/source';
import { decodeEntryName } from '../../../src/main/services/evidence/zip-source';
import {
  cleanupTempDirs,
  PDF_BYTES,
  patchCrc,
  patchDeclaredSize,
  tempDir,
  withCrc,
  writeZip,
  zipBytes,
} from './helpers';

afterEach(cleanupTempDirs);

const MiB = 1024 * 1024;

describe('openEvidenceSource on a zip', () => {
  it('reads entries by name, with either separator, and closes', async () => {
    const path = await writeZip(tempDir(), 'evidence.zip', [
      { name: 'receipt.pdf', data: PDF_BYTES },
      { name: 'sub/ledger.txt', data: 'ledger' },
    ]);
    const source = await openEvidenceSource(path);
    const pdf = await source.read('receipt.pdf');
    expect(pdf.ok && pdf.bytes.equals(PDF_BYTES)).toBe(true);
    const ledger = await source.read('sub\\ledger.txt');
    expect(ledger.ok && ledger.bytes.toString()).toBe('ledger');
    expect(await source.read('ledger.txt')).toEqual({ ok: false, problem: 'not_found' });
    expect(await source.read('sub')).toEqual({ ok: false, problem: 'not_found' });
    await source.close();
  });

  it('opens a zip by its PK signature even without the .zip extension', async () => {
    const path = await writeZip(tempDir(), 'evidence.bin', [{ name: 'a.txt', data: 'a' }]);
    const source = await openEvidenceSource(path);
    const read = await source.read('a.txt');
    expect(read.ok && read.bytes.toString()).toBe('a');
    await source.close();
  });

  it('refuses escaping and absolute names', async () => {
    const path = await writeZip(tempDir(), 'e.zip', [{ name: 'a.txt', data: 'a' }]);
    const source = await openEvidenceSource(path);
    expect(await source.read('x/../../a.txt')).toEqual({ ok: false, problem: 'path_escapes' });
    expect(await source.read('/a.txt')).toEqual({ ok: false, problem: 'absolute_path' });
    expect(await source.read('C:a.txt')).toEqual({ ok: false, problem: 'absolute_path' });
    await source.close();
  });

  it('refuses a symlink entry', async () => {
    const path = await writeZip(tempDir(), 'e.zip', [
      { name: 'passwd', data: '/etc/passwd', mode: 0o120777 },
    ]);
    const source = await openEvidenceSource(path);
    expect(await source.read('passwd')).toEqual({ ok: false, problem: 'link' });
    await source.close();
  });

  it('refuses an entry whose header declares more than the cap, before inflating it', async () => {
    const path = await writeZip(tempDir(), 'bomb.zip', [
      { name: 'zeros.txt', data: Buffer.alloc(2 * MiB, 0x61) },
    ]);
    const source = await openEvidenceSource(path, { maxZipEntryBytes: MiB });
    expect(await source.read('zeros.txt')).toEqual({ ok: false, problem: 'zip_too_large' });
    await source.close();
  });

  it('stops an entry that inflates past what its header declares', async () => {
    const dir = tempDir();
    const honest = await zipBytes([{ name: 'zeros.txt', data: Buffer.alloc(2 * MiB, 0x61) }]);
    expect(honest.length).toBeLessThan(64 * 1024);
    const path = join(dir, 'liar.zip');
    writeFileSync(path, patchDeclaredSize(honest, 1000));
    const source = await openEvidenceSource(path, { maxZipEntryBytes: MiB });
    expect(await source.read('zeros.txt')).toEqual({ ok: false, problem: 'zip_too_large' });
    await source.close();
  });

  it('reports an entry shorter than declared as unreadable', async () => {
    const dir = tempDir();
    const honest = await zipBytes([{ name: 'a.txt', data: 'short' }]);
    const path = join(dir, 'short.zip');
    writeFileSync(path, patchDeclaredSize(honest, 500));
    const source = await openEvidenceSource(path);
    expect(await source.read('a.txt')).toEqual({ ok: false, problem: 'unreadable' });
    await source.close();
  });

  it('stops once the total inflated across entries passes the zip cap', async () => {
    const path = await writeZip(tempDir(), 'many.zip', [
      { name: 'a.txt', data: Buffer.alloc(600, 0x61) },
      { name: 'b.txt', data: Buffer.alloc(600, 0x62) },
    ]);
    const source = await openEvidenceSource(path, { maxZipTotalBytes: 1000 });
    expect((await source.read('a.txt')).ok).toBe(true);
    expect(await source.read('b.txt')).toEqual({ ok: false, problem: 'zip_too_large' });
    await source.close();
  });

  it('finds an NFD-named entry (a macOS zip) by its NFC name', async () => {
    const nfc = '증빙/영수증.pdf';
    const path = await writeZip(tempDir(), 'mac.zip', [
      { name: nfc.normalize('NFD'), data: PDF_BYTES },
    ]);
    const source = await openEvidenceSource(path);
    expect(nfc.normalize('NFD')).not.toBe(nfc);
    const read = await source.read(nfc);
    expect(read.ok && read.bytes.equals(PDF_BYTES)).toBe(true);
    await source.close();
  });
});

describe('a name several zip entries answer to', () => {
  it('is ambiguous when the entries differ, and read when they hold the same bytes', async () => {
    const path = await writeZip(tempDir(), 'twice.zip', [
      { name: 'sub/receipt.pdf', data: PDF_BYTES },
      { name: 'sub/receipt.pdf', data: Buffer.concat([PDF_BYTES, Buffer.from('forged')]) },
      { name: 'ledger.txt', data: 'ledger', compress: false },
      { name: 'ledger.txt', data: 'ledger', compress: true },
      { name: 'same-size.txt', data: 'aaaa' },
      { name: 'same-size.txt', data: 'bbbb' },
    ]);
    const source = await openEvidenceSource(path);
    expect(await source.read('sub/receipt.pdf')).toEqual({ ok: false, problem: 'ambiguous_name' });
    expect(await source.read('sub\\receipt.pdf')).toEqual({
      ok: false,
      problem: 'ambiguous_name',
    });
    expect(await source.read('same-size.txt')).toEqual({ ok: false, problem: 'ambiguous_name' });
    const ledger = await source.read('ledger.txt');
    expect(ledger.ok && ledger.bytes.toString()).toBe('ledger');
    await source.close();
  });

  it('is ambiguous when NFC and NFD spellings of a name hold different bytes', async () => {
    const nfc = '증빙/영수증.txt';
    const path = await writeZip(tempDir(), 'mixed.zip', [
      { name: nfc, data: '윈도에서 넣은 영수증' },
      { name: nfc.normalize('NFD'), data: '맥에서 넣은 영수증' },
      { name: '매출.txt', data: '매출' },
      { name: '매출.txt'.normalize('NFD'), data: '매출' },
    ]);
    const source = await openEvidenceSource(path);
    expect(await source.read(nfc)).toEqual({ ok: false, problem: 'ambiguous_name' });
    expect(await source.read(nfc.normalize('NFD'))).toEqual({
      ok: false,
      problem: 'ambiguous_name',
    });
    const same = await source.read('매출.txt');
    expect(same.ok && same.bytes.toString()).toBe('매출');
    await source.close();
  });

  it('compares the bytes when size and CRC-32 agree but the content does not', async () => {
    const genuine = Buffer.from('receipt: 1,200,000 KRW');
    const forged = withCrc(Buffer.from('receipt: 9,900,000'), crc32(genuine), crc32);
    expect(forged.length).toBe(genuine.length);
    expect(crc32(forged)).toBe(crc32(genuine));
    expect(forged.equals(genuine)).toBe(false);
    const path = await writeZip(tempDir(), 'collide.zip', [
      { name: 'receipt.txt', data: genuine },
      { name: 'receipt.txt', data: forged },
    ]);
    const source = await openEvidenceSource(path);
    expect(await source.read('receipt.txt')).toEqual({ ok: false, problem: 'ambiguous_name' });
    await source.close();
  });

  it('reads an entry whose bytes do not match its CRC-32 as unreadable', async () => {
    const dir = tempDir();
    const honest = await zipBytes([{ name: 'a.txt', data: 'receipt', compress: false }]);
    const path = join(dir, 'bad-crc.zip');
    writeFileSync(path, patchCrc(honest, crc32('receipt') ^ 1));
    const source = await openEvidenceSource(path);
    expect(await source.read('a.txt')).toEqual({ ok: false, problem: 'unreadable' });
    await source.close();
  });

  it('does not take an entry whose CRC-32 lies as the same as its honest twin', async () => {
    // Both headers say the same size and CRC; the second entry's bytes are other bytes.
    const twin = await zipBytes([
      { name: 'a.txt', data: 'receipt', compress: false },
      { name: 'a.txt', data: 'forgery', compress: false },
    ]);
    const out = Buffer.from(twin);
    const wanted = crc32('receipt');
    for (let i = 0; i + 4 <= out.length; i++) {
      const sig = out.readUInt32LE(i);
      if (sig === 0x04034b50) out.writeUInt32LE(wanted, i + 14);
      if (sig === 0x02014b50) out.writeUInt32LE(wanted, i + 16);
    }
    const path = join(tempDir(), 'liar-twin.zip');
    writeFileSync(path, out);
    const source = await openEvidenceSource(path);
    expect(await source.read('a.txt')).toEqual({ ok: false, problem: 'ambiguous_name' });
    await source.close();
  });
});

describe('decodeEntryName', () => {
  const entry = (raw: Buffer, flags = 0, extraFields: Entry['extraFields'] = []) =>
    ({ fileNameRaw: raw, generalPurposeBitFlag: flags, extraFields }) as unknown as Entry;

  it('reads CP949 names written by Korean Windows tools without the UTF-8 flag', () => {
    expect(decodeEntryName(entry(iconv.encode('영수증.pdf', 'cp949')))).toBe('영수증.pdf');
  });

  it('reads UTF-8 names, flagged or not', () => {
    expect(decodeEntryName(entry(Buffer.from('영수증.pdf'), 0x800))).toBe('영수증.pdf');
    expect(decodeEntryName(entry(Buffer.from('영수증.pdf')))).toBe('영수증.pdf');
  });

  it('prefers a matching Info-ZIP Unicode Path field', () => {
    const raw = Buffer.from('???.pdf');
    const data = Buffer.concat([Buffer.from([1, 0, 0, 0, 0]), Buffer.from('매출.pdf')]);
    data.writeUInt32LE(crc32(raw), 1);
    expect(decodeEntryName(entry(raw, 0, [{ id: 0x7075, data }]))).toBe('매출.pdf');
    data.writeUInt32LE(0, 1);
    expect(decodeEntryName(entry(raw, 0, [{ id: 0x7075, data }]))).toBe('???.pdf');
  });
});

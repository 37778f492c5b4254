import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEvidenceSource } from '../../../src/main/services/evidence/source';
import { cleanupTempDirs, PDF_BYTES, tempDir } from './helpers';

afterEach(cleanupTempDirs);

function evidenceFolder(): { root: string; outside: string } {
  const base = tempDir();
  const root = join(base, 'evidence');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'receipt.pdf'), PDF_BYTES);
  writeFileSync(join(root, 'sub', 'ledger.txt'), 'ledger');
  const outside = join(base, 'secret.txt');
  writeFileSync(outside, 'secret');
  return { root, outside };
}

describe('openEvidenceSource(null)', () => {
  it('answers not_supplied for every name', async () => {
    const source = await openEvidenceSource(null);
    expect(await source.read('receipt.pdf')).toEqual({ ok: false, problem: 'not_supplied' });
    expect(await source.read('../x')).toEqual({ ok: false, problem: 'not_supplied' });
    await source.close();
  });
});

describe('openEvidenceSource on a folder', () => {
  it('reads files, with either separator, in sub-folders', async () => {
    const { root } = evidenceFolder();
    const source = await openEvidenceSource(root);
    const pdf = await source.read('receipt.pdf');
    expect(pdf.ok && pdf.bytes.equals(PDF_BYTES)).toBe(true);
    for (const name of ['sub/ledger.txt', 'sub\\ledger.txt', './sub//ledger.txt']) {
      const read = await source.read(name);
      expect(read.ok && read.bytes.toString()).toBe('ledger');
    }
    await source.close();
  });

  it('refuses names that escape or are absolute before touching the disk', async () => {
    const { root, outside } = evidenceFolder();
    const source = await openEvidenceSource(root);
    expect(await source.read('../secret.txt')).toEqual({ ok: false, problem: 'path_escapes' });
    expect(await source.read('sub\\..\\..\\secret.txt')).toEqual({
      ok: false,
      problem: 'path_escapes',
    });
    for (const name of [outside, '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share\\a']) {
      expect(await source.read(name)).toEqual({ ok: false, problem: 'absolute_path' });
    }
  });

  it('reports missing and empty names as not_found', async () => {
    const { root } = evidenceFolder();
    const source = await openEvidenceSource(root);
    expect(await source.read('nope.pdf')).toEqual({ ok: false, problem: 'not_found' });
    expect(await source.read('receipt.pdf/inner')).toEqual({ ok: false, problem: 'not_found' });
    expect(await source.read('')).toEqual({ ok: false, problem: 'not_found' });
  });

  it.skipIf(process.platform === 'win32')(
    'refuses symlinks to files and through folders',
    async () => {
      const { root, outside } = evidenceFolder();
      symlinkSync(outside, join(root, 'link.txt'));
      symlinkSync(join(root, 'receipt.pdf'), join(root, 'inner-link.pdf'));
      symlinkSync(join(outside, '..'), join(root, 'up'));
      const source = await openEvidenceSource(root);
      expect(await source.read('link.txt')).toEqual({ ok: false, problem: 'link' });
      expect(await source.read('inner-link.pdf')).toEqual({ ok: false, problem: 'link' });
      expect(await source.read('up/secret.txt')).toEqual({ ok: false, problem: 'link' });
    },
  );

  it('refuses a hard link, which can share bytes with any file on the disk', async () => {
    const { root, outside } = evidenceFolder();
    linkSync(outside, join(root, 'hard.txt'));
    const source = await openEvidenceSource(root);
    expect(await source.read('hard.txt')).toEqual({ ok: false, problem: 'link' });
  });

  it('reports a directory as unreadable and a file over the cap as too_large', async () => {
    const { root } = evidenceFolder();
    writeFileSync(join(root, 'big.txt'), Buffer.alloc(1025, 0x61));
    const source = await openEvidenceSource(root, { maxFileBytes: 1024 });
    expect(await source.read('sub')).toEqual({ ok: false, problem: 'unreadable' });
    expect(await source.read('big.txt')).toEqual({ ok: false, problem: 'too_large' });
    const exact = await source.read('sub/ledger.txt');
    expect(exact.ok).toBe(true);
  });

  it('finds an NFD-named file (copied from a Mac) by its NFC name', async () => {
    const { root } = evidenceFolder();
    const nfc = '영수증/매출.txt';
    mkdirSync(join(root, '영수증'.normalize('NFD')));
    writeFileSync(join(root, nfc.normalize('NFD')), '매출');
    const source = await openEvidenceSource(root);
    const read = await source.read(nfc);
    expect(read.ok && read.bytes.toString()).toBe('매출');
  });

  it('is ambiguous when NFC and NFD spellings of a name both exist with different bytes', async () => {
    const { root } = evidenceFolder();
    const name = '영수증.txt';
    writeFileSync(join(root, name), '윈도에서 넣은 영수증');
    writeFileSync(join(root, name.normalize('NFD')), '맥에서 넣은 영수증');
    // Only a file system that keeps both spellings apart can hold this (Linux does).
    const source = await openEvidenceSource(root);
    expect(await source.read(name)).toEqual({ ok: false, problem: 'ambiguous_name' });
    expect(await source.read(name.normalize('NFD'))).toEqual({
      ok: false,
      problem: 'ambiguous_name',
    });
  });

  it('reads a name whose NFC and NFD files hold the same bytes', async () => {
    const { root } = evidenceFolder();
    writeFileSync(join(root, '매출.txt'), '매출');
    writeFileSync(join(root, '매출.txt'.normalize('NFD')), '매출');
    const source = await openEvidenceSource(root);
    const read = await source.read('매출.txt');
    expect(read.ok && read.bytes.toString()).toBe('매출');
  });

  it('is ambiguous when NFC and NFD folders each hold the file, differently', async () => {
    const { root } = evidenceFolder();
    mkdirSync(join(root, '증빙'));
    mkdirSync(join(root, '증빙'.normalize('NFD')));
    writeFileSync(join(root, '증빙', 'pos.csv'), '일자,매출\n2022-10-15,1200000\n');
    writeFileSync(
      join(root, '증빙'.normalize('NFD'), 'pos.csv'),
      '일자,매출\n2022-10-15,9900000\n',
    );
    writeFileSync(join(root, '증빙', 'only-here.txt'), 'one');
    const source = await openEvidenceSource(root);
    expect(await source.read('증빙/pos.csv')).toEqual({ ok: false, problem: 'ambiguous_name' });
    const single = await source.read('증빙/only-here.txt');
    expect(single.ok && single.bytes.toString()).toBe('one');
  });
});

describe('openEvidenceSource errors', () => {
  it('throws when the path does not exist or is neither a folder nor a zip', async () => {
    const dir = tempDir();
    await expect(openEvidenceSource(join(dir, 'missing'))).rejects.toThrow(/not found/);
    writeFileSync(join(dir, 'notes.txt'), 'hi');
    await expect(openEvidenceSource(join(dir, 'notes.txt'))).rejects.toThrow(/folder or a zip/);
    writeFileSync(join(dir, 'broken.zip'), 'PK not really');
    await expect(openEvidenceSource(join(dir, 'broken.zip'))).rejects.toThrow(/zip/);
  });
});

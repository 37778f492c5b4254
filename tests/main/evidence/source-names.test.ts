import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEvidenceSource } from '../../../src/main/services/evidence/source';
import { cleanupTempDirs, JPEG_BYTES, PDF_BYTES, tempDir } from './helpers';
import { MAC_EXTRAS, writeTree, writeZipFile } from './layout-fixtures';

/* What a folder or zip holds, for evidence that arrives without a list of names. */

afterEach(cleanupTempDirs);

const namesOf = async (path: string | null) => {
  const source = await openEvidenceSource(path);
  try {
    return await source.names();
  } finally {
    await source.close();
  }
};

describe('the names an evidence source holds', () => {
  it('walks a folder to its files, lists links without following them, skips the OS extras', async () => {
    const outside = writeTree(join(tempDir(), 'outside'), [
      { name: 'secret.pdf', bytes: PDF_BYTES },
    ]);
    const root = writeTree(join(tempDir(), 'reply'), [
      { name: 'a.pdf', bytes: PDF_BYTES },
      { name: 'K-1/b.jpg', bytes: JPEG_BYTES },
      { name: 'K-1/deeper/c.jpg', bytes: JPEG_BYTES },
      { name: 'K-1/.DS_Store', bytes: Buffer.from('Bud1') },
      { name: 'Thumbs.db', bytes: Buffer.from('') },
      { name: 'empty/' },
    ]);
    symlinkSync(outside, join(root, 'linked-folder'));
    symlinkSync(join(outside, 'secret.pdf'), join(root, 'linked.pdf'));

    expect(await namesOf(root)).toEqual([
      'K-1/b.jpg',
      'K-1/deeper/c.jpg',
      'a.pdf',
      'linked-folder',
      'linked.pdf',
    ]);
    const source = await openEvidenceSource(root);
    expect(await source.read('linked.pdf')).toEqual({ ok: false, problem: 'link' });
    await source.close();
  });

  it('names a folder holding one folder from inside it, as a batch would', async () => {
    const root = writeTree(join(tempDir(), 'download'), [
      { name: 'evidence/K-1/b.jpg', bytes: JPEG_BYTES },
      { name: '.DS_Store', bytes: Buffer.from('Bud1') },
    ]);
    expect(await namesOf(root)).toEqual(['K-1/b.jpg']);
  });

  it('lists a zip’s files, not its folders, from inside its one top folder', async () => {
    const dir = tempDir();
    const zip = await writeZipFile(join(dir, 'evidence.zip'), [
      { name: 'evidence/' },
      { name: 'evidence/K-1/' },
      { name: 'evidence/K-1/b.jpg', bytes: JPEG_BYTES },
      { name: 'evidence/a.pdf', bytes: PDF_BYTES },
      ...MAC_EXTRAS,
    ]);
    expect(await namesOf(zip)).toEqual(['K-1/b.jpg', 'a.pdf']);

    const flat = await writeZipFile(join(dir, 'flat.zip'), [
      { name: 'a.pdf', bytes: PDF_BYTES },
      { name: 'K-1/b.jpg', bytes: JPEG_BYTES },
    ]);
    expect(await namesOf(flat)).toEqual(['K-1/b.jpg', 'a.pdf']);
  });

  it('lists one name for a file a zip holds twice or in two Unicode spellings', async () => {
    const zip = await writeZipFile(join(tempDir(), 'twice.zip'), [
      { name: '영수증.pdf'.normalize('NFC'), bytes: PDF_BYTES },
      { name: '영수증.pdf'.normalize('NFD'), bytes: PDF_BYTES },
    ]);
    expect(await namesOf(zip)).toEqual(['영수증.pdf'.normalize('NFC')]);
  });

  it('holds nothing when no folder or zip was given', async () => {
    expect(await namesOf(null)).toEqual([]);
  });
});

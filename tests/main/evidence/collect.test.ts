import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectEvidence,
  createEvidenceCollector,
} from '../../../src/main/services/evidence/collect';
import {
  openEvidenceSource,
  type EvidenceSource,
} from '../../../src/main/services/evidence/source';
import { EvidenceStore } from '../../../src/main/services/evidence/store';
import { sha256Hex } from '../../../src/main/services/hashing';
import {
  cleanupTempDirs,
  ELF_BYTES,
  JPEG_BYTES,
  PDF_BYTES,
  PNG_BYTES,
  tempDir,
  writeZip,
  xlsxBytes,
} from './helpers';
import { TEST_KEY } from '../../helpers/workspace-key';

afterEach(cleanupTempDirs);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function folderWithEvidence(): Promise<string> {
  const root = tempDir();
  writeFileSync(join(root, 'receipt.pdf'), PDF_BYTES);
  writeFileSync(join(root, 'photo.png'), PNG_BYTES);
  writeFileSync(join(root, 'scan.jpg'), JPEG_BYTES);
  writeFileSync(join(root, 'sales.xlsx'), await xlsxBytes());
  writeFileSync(join(root, 'losses.csv'), '날짜,금액\n2022-10-15,650000\n');
  writeFileSync(join(root, 'note.txt'), '카카오 T 운행 중단');
  writeFileSync(join(root, 'tool'), ELF_BYTES);
  writeFileSync(join(root, 'run.bat'), 'echo hi');
  return root;
}

function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'evidence');
  try {
    return readdirSync(root).flatMap((shard) => readdirSync(join(root, shard)));
  } catch {
    return [];
  }
}

describe('collectEvidence', () => {
  it('stores each accepted type under its content hash with the sniffed media type', async () => {
    const source = await openEvidenceSource(await folderWithEvidence());
    const dataDir = tempDir();
    const store = new EvidenceStore(dataDir, TEST_KEY);
    const expected = {
      'receipt.pdf': 'application/pdf',
      'photo.png': 'image/png',
      'scan.jpg': 'image/jpeg',
      'sales.xlsx': XLSX,
      'losses.csv': 'text/csv',
      'note.txt': 'text/plain',
    };
    for (const [name, mediaType] of Object.entries(expected)) {
      const outcome = await collectEvidence(source, store, name);
      expect(outcome).toMatchObject({ fileName: name, status: 'stored', mediaType, problem: null });
      if (outcome.status !== 'stored') throw new Error('unreachable');
      const bytes = store.read(outcome.sha256);
      expect(sha256Hex(bytes)).toBe(outcome.sha256);
      expect(outcome.sizeBytes).toBe(bytes.length);
    }
    expect(storedFiles(dataDir)).toHaveLength(6);
  });

  it('rejects executables by content and by name without storing them', async () => {
    const source = await openEvidenceSource(await folderWithEvidence());
    const dataDir = tempDir();
    const store = new EvidenceStore(dataDir, TEST_KEY);
    expect(await collectEvidence(source, store, 'tool')).toEqual({
      fileName: 'tool',
      status: 'rejected',
      sha256: null,
      mediaType: null,
      sizeBytes: ELF_BYTES.length,
      problem: 'executable',
    });
    expect(await collectEvidence(source, store, 'run.bat')).toMatchObject({
      status: 'rejected',
      problem: 'executable',
    });
    expect(storedFiles(dataDir)).toEqual([]);
  });

  it('marks not_found and not_supplied as missing, escapes as rejected', async () => {
    const store = new EvidenceStore(tempDir(), TEST_KEY);
    const folder = await openEvidenceSource(await folderWithEvidence());
    expect(await collectEvidence(folder, store, 'gone.pdf')).toEqual({
      fileName: 'gone.pdf',
      status: 'missing',
      sha256: null,
      mediaType: null,
      sizeBytes: null,
      problem: 'not_found',
    });
    expect(await collectEvidence(folder, store, '../x.pdf')).toMatchObject({
      status: 'rejected',
      problem: 'path_escapes',
    });
    const none = await openEvidenceSource(null);
    expect(await collectEvidence(none, store, 'receipt.pdf')).toMatchObject({
      status: 'missing',
      problem: 'not_supplied',
    });
  });

  it('collects from a zip too', async () => {
    const path = await writeZip(tempDir(), 'e.zip', [
      { name: '증빙/receipt.pdf', data: PDF_BYTES },
    ]);
    const source = await openEvidenceSource(path);
    const outcome = await collectEvidence(
      source,
      new EvidenceStore(tempDir(), TEST_KEY),
      '증빙\\receipt.pdf',
    );
    expect(outcome).toMatchObject({ status: 'stored', sha256: sha256Hex(PDF_BYTES) });
    await source.close();
  });
});

describe('createEvidenceCollector', () => {
  function countingSource(inner: EvidenceSource): { source: EvidenceSource; reads: string[] } {
    const reads: string[] = [];
    return {
      reads,
      source: {
        read: (name) => (reads.push(name), inner.read(name)),
        names: inner.names,
        close: inner.close,
      },
    };
  }

  it('reads a file named by several claims once, keeping each spelling', async () => {
    const { source, reads } = countingSource(await openEvidenceSource(await folderWithEvidence()));
    const collector = createEvidenceCollector(source, new EvidenceStore(tempDir(), TEST_KEY));
    const [a, b] = await Promise.all([
      collector.collect('receipt.pdf'),
      collector.collect('./receipt.pdf'),
    ]);
    const c = await collector.collect('receipt.pdf');
    expect(reads).toEqual(['receipt.pdf']);
    expect(a.sha256).toBe(sha256Hex(PDF_BYTES));
    expect(b).toEqual({ ...a, fileName: './receipt.pdf' });
    expect(c).toEqual(a);
  });

  it('counts distinct files by outcome', async () => {
    const source = await openEvidenceSource(await folderWithEvidence());
    const collector = createEvidenceCollector(source, new EvidenceStore(tempDir(), TEST_KEY));
    for (const name of ['receipt.pdf', 'receipt.pdf', 'photo.png', 'run.bat', 'gone', 'gone']) {
      await collector.collect(name);
    }
    expect(collector.counts()).toEqual({ stored: 2, rejected: 1, missing: 1 });
  });
});

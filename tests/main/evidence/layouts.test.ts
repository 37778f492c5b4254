import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEvidenceSource } from '../../../src/main/services/evidence/source';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { openTempWorkspace } from '../../helpers/temp-workspace';
import { cleanupTempDirs, PDF_BYTES, tempDir } from './helpers';
import {
  DEMO_BATCH,
  demoEntriesUnder,
  demoReferences,
  MAC_EXTRAS,
  writeTree,
  writeZipFile,
} from './layout-fixtures';

const workspaces: (() => void)[] = [];
afterEach(() => {
  workspaces.splice(0).forEach((cleanup) => cleanup());
  cleanupTempDirs();
});

async function importDemoWith(evidence: string) {
  const ctx = openTempWorkspace();
  workspaces.push(ctx.cleanup);
  return importBatch(ctx, { file: DEMO_BATCH, evidence });
}

describe('evidence zipped or copied as one top folder', { timeout: 60_000 }, () => {
  const { referenced, present } = demoReferences();

  it('imports every file from a zip whose entries all start with evidence/', async () => {
    const zip = await writeZipFile(join(tempDir(), 'evidence.zip'), demoEntriesUnder('evidence/'));
    const report = await importDemoWith(zip);
    expect(report.evidence).toEqual({
      stored: present,
      rejected: 0,
      missing: referenced - present,
    });
    expect(report.evidence.stored).toBeGreaterThan(30);
    expect(report.evidenceLayout).toBeNull();
  });

  it('imports every file from a folder holding one sub-folder', async () => {
    const root = writeTree(join(tempDir(), 'handed-in'), demoEntriesUnder('evidence/'));
    const report = await importDemoWith(root);
    expect(report.evidence).toEqual({
      stored: present,
      rejected: 0,
      missing: referenced - present,
    });
  });

  it('looks past the __MACOSX folder and .DS_Store files a Mac adds', async () => {
    const entries = [...demoEntriesUnder('evidence/'), ...MAC_EXTRAS];
    const zip = await writeZipFile(join(tempDir(), 'evidence.zip'), entries);
    const report = await importDemoWith(zip);
    expect(report.evidence.stored).toBe(present);
    const folder = writeTree(join(tempDir(), 'copied'), entries);
    expect((await importDemoWith(folder)).evidence.stored).toBe(present);
  });
});

describe('the report when none of the named files is found', { timeout: 60_000 }, () => {
  it('names the top of the zip, an example path and what the zip holds instead', async () => {
    const entries = [...demoEntriesUnder('scans/'), { name: 'readme.txt', bytes: Buffer.from('') }];
    const zip = await writeZipFile(join(tempDir(), 'evidence.zip'), entries);
    const report = await importDemoWith(zip);
    expect(report.evidence.stored).toBe(0);
    const example = report.evidenceProblems[0]!.fileName;
    expect(report.evidenceLayout).toMatchObject({
      source: 'evidence.zip',
      looked: 'root',
      folder: null,
      example,
      topNames: ['readme.txt', 'scans/'],
    });
    expect(report.evidenceLayout!.hint.en).toContain(
      `looked for ${example} at the top of evidence.zip; its top holds 'readme.txt', 'scans/'.`,
    );
    expect(report.evidenceLayout!.hint.ko).toContain(
      `evidence.zip의 맨 위에서 찾았습니다 (예: ${example})`,
    );
  });

  it('names the one top folder it also looked in', async () => {
    const zip = await writeZipFile(
      join(tempDir(), 'evidence.zip'),
      demoEntriesUnder('evidence/2022/'),
    );
    const report = await importDemoWith(zip);
    expect(report.evidence.stored).toBe(0);
    const name = report.evidenceProblems[0]!.fileName;
    expect(report.evidenceLayout).toMatchObject({
      looked: 'top-folder',
      folder: 'evidence',
      example: `evidence/${name}`,
      topNames: ['evidence/'],
    });
    expect(report.evidenceLayout!.hint.en).toContain('sits under evidence/');
  });

  it('says nothing of the layout when some files were found', async () => {
    const entries = demoEntriesUnder('').filter((e) => !e.name.startsWith('K-2022-000022'));
    const report = await importDemoWith(writeTree(join(tempDir(), 'partial'), entries));
    expect(report.evidence.missing).toBeGreaterThan(1);
    expect(report.evidenceLayout).toBeNull();
  });
});

describe('looking inside the top folder', () => {
  it('keeps names that spell the top folder out, and keeps refused names refused', async () => {
    const dir = tempDir();
    const zip = await writeZipFile(join(dir, 'e.zip'), [
      { name: 'evidence/' },
      { name: 'evidence/a.pdf', bytes: PDF_BYTES },
    ]);
    const source = await openEvidenceSource(zip);
    expect(source.shape?.layout).toEqual({ kind: 'top-folder', folder: 'evidence' });
    for (const name of ['a.pdf', 'evidence/a.pdf', 'evidence\\a.pdf'])
      expect((await source.read(name)).ok, name).toBe(true);
    expect(await source.read('')).toEqual({ ok: false, problem: 'not_found' });
    expect(await source.read('../a.pdf')).toEqual({ ok: false, problem: 'path_escapes' });
    await source.close();
  });

  it('looks only at the top when there is more than one folder or a file there', async () => {
    const dir = tempDir();
    const two = writeTree(join(dir, 'two'), [
      { name: 'a/x.pdf', bytes: PDF_BYTES },
      { name: 'b/' },
    ]);
    const beside = await writeZipFile(join(dir, 'beside.zip'), [
      { name: 'a/x.pdf', bytes: PDF_BYTES },
      { name: 'list.txt', bytes: Buffer.from('x.pdf') },
    ]);
    for (const path of [two, beside]) {
      const source = await openEvidenceSource(path);
      expect(source.shape?.layout).toEqual({ kind: 'root' });
      expect(await source.read('x.pdf')).toEqual({ ok: false, problem: 'not_found' });
      await source.close();
    }
    mkdirSync(join(dir, 'empty'));
    expect((await openEvidenceSource(join(dir, 'empty'))).shape).toMatchObject({
      container: 'folder',
      layout: { kind: 'root' },
      topNames: [],
    });
  });
});

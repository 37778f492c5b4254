import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-workspace';
import { cli } from '../../helpers/run-cli';
import { openTestWorkspace } from '../../helpers/workspace-key';
import { JPEG_BYTES } from '../evidence/helpers';
import {
  DEMO_BATCH,
  demoEntriesUnder,
  demoReferences,
  writeZipFile,
} from '../evidence/layout-fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** A temp folder with an encrypted workspace already made (the tests' passphrase opens it). */
function setup() {
  const { dir, cleanup } = makeTempDir('review-desk-cli-evidence-');
  cleanups.push(cleanup);
  openTestWorkspace(join(dir, 'workspace')).db.close();
  return { dir, db: join(dir, 'workspace', 'review-desk.db') };
}

/** The demo's files, but under scans/ beside a readme: none where the 증빙 column says. */
async function misplacedZip(dir: string): Promise<string> {
  return writeZipFile(join(dir, 'evidence.zip'), [
    ...demoEntriesUnder('scans/'),
    { name: 'readme.txt', bytes: Buffer.from('') },
  ]);
}

describe('review-desk import with evidence files missing', { timeout: 60_000 }, () => {
  it('keeps the batch, exits 3 and says where it looked and which flag accepts it', async () => {
    const { dir, db } = setup();
    const run = cli('import', DEMO_BATCH, '--evidence', await misplacedZip(dir), '--db', db);
    expect(run.code).toBe(3);
    const [summary, ko, en] = run.stderr.trim().split('\n');
    expect(summary).toMatch(/batch 1 was imported and kept/);
    expect(summary).toMatch(/--allow-missing-evidence accepts missing files/);
    expect(ko).toMatch(/^review-desk: 증빙 파일을 하나도 찾지 못했습니다\. evidence\.zip의 맨 위/);
    expect(en).toMatch(/looked for K-2022-\d{6}\/\S+ at the top of evidence\.zip/);
    expect(en).toContain("its top holds 'readme.txt', 'scans/'");
    // The text report on stdout carries the same hint under its counts.
    expect(run.stdout).toContain('at the top of evidence.zip');
    const again = cli('stats', '--db', db, '--batch', '1', '--json');
    expect(JSON.parse(again.stdout).claims).toBeGreaterThan(0);
  });

  it('exits 0 with --allow-missing-evidence, the hint still in the report', async () => {
    const { dir, db } = setup();
    const zip = await misplacedZip(dir);
    const run = cli(
      'import',
      DEMO_BATCH,
      '--evidence',
      zip,
      '--allow-missing-evidence',
      '--db',
      db,
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.evidence.stored).toBe(0);
    expect(report.evidenceLayout).toMatchObject({ looked: 'root', source: 'evidence.zip' });
  });

  it('exits 0 for the usual zip of the evidence folder once every named file is in it', async () => {
    const { dir, db } = setup();
    const { absent } = demoReferences();
    const zip = await writeZipFile(join(dir, 'evidence.zip'), [
      ...demoEntriesUnder('evidence/'),
      ...absent.map((name) => ({ name: `evidence/${name}`, bytes: JPEG_BYTES })),
    ]);
    const run = cli('import', DEMO_BATCH, '--evidence', zip, '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).evidence).toMatchObject({ missing: 0, rejected: 0 });
  });

  it('exits 3 for the one file the demo leaves out, with no layout hint', async () => {
    const { dir, db } = setup();
    const zip = await writeZipFile(join(dir, 'evidence.zip'), demoEntriesUnder('evidence/'));
    const run = cli('import', DEMO_BATCH, '--evidence', zip, '--db', db, '--json');
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.evidence).toMatchObject({ missing: 1, rejected: 0 });
    expect(report.evidenceLayout).toBeNull();
    expect(run.stderr).toMatch(/^review-desk: 증빙 파일 1개를 찾지 못했습니다/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { storedEvidenceHashes, workspaceCounts } from '../../../src/main/db/queries/backup';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import { restoreBackup } from '../../../src/main/services/backup/restore-backup';
import type { ServiceContext } from '../../../src/main/services/context';
import { convertPlainWorkspace } from '../../../src/main/services/convert-plain-workspace';
import { EvidenceStore } from '../../../src/main/services/evidence/store';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { unlockWorkspace } from '../../../src/main/services/unlock-workspace';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import {
  forgetKey,
  newWorkspaceKey,
  workspaceStateOf,
} from '../../../src/main/services/workspace-key';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_SCRYPT } from '../../helpers/workspace-key';

/*
 * A workspace from before encryption (a plain database, evidence stored plain under its
 * SHA-256) is converted on its first open: a backup first, then everything encrypted, nothing
 * lost, nothing plain left behind.
 */
const RESOURCES = join(import.meta.dirname, '../../../resources');
const PASSPHRASE = 'converted at last';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Builds what an earlier version left: plain database, plain evidence named by its hash. */
async function plainWorkspace(): Promise<{ dir: string; evidence: Map<string, Buffer> }> {
  const temp = makeTempDir('review-desk-plain-');
  cleanups.push(temp.cleanup);
  const db = openDatabase(join(temp.dir, 'review-desk.db'), { key: null });
  const key = newWorkspaceKey();
  const ctx: ServiceContext = {
    db,
    dataDir: temp.dir,
    workspaceKey: key,
    actor: UNIDENTIFIED_OPERATOR,
    acting: null,
    now: () => new Date(),
    nativeBinding: undefined,
  };
  await importBatch(ctx, demoBatchPaths(RESOURCES));
  const store = new EvidenceStore(temp.dir, key);
  const evidence = new Map<string, Buffer>();
  for (const sha256 of storedEvidenceHashes(db)) {
    const bytes = store.read(sha256);
    evidence.set(sha256, bytes);
    rmSync(store.pathFor(sha256), { force: true });
    mkdirSync(join(temp.dir, 'evidence', sha256.slice(0, 2)), { recursive: true });
    writeFileSync(join(temp.dir, 'evidence', sha256.slice(0, 2), sha256), bytes);
  }
  db.close();
  return { dir: temp.dir, evidence };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('a workspace from before encryption', () => {
  it('is refused by an unlock, naming what it is', async () => {
    const { dir } = await plainWorkspace();
    expect(workspaceStateOf(join(dir, 'review-desk.db'))).toBe('plain');
    expect(() => unlockWorkspace(dir, { passphrase: PASSPHRASE })).toThrow(/before encryption/);
  });

  it('is converted: backed up first, then encrypted whole, with every claim and evidence file', async () => {
    const { dir, evidence } = await plainWorkspace();
    const plainText = Buffer.from('카카오', 'utf8');
    expect(filesUnder(dir).some((f) => readFileSync(f).includes(plainText))).toBe(true);

    const { ctx, recoveryCode, backupFile } = await convertPlainWorkspace(dir, {
      passphrase: PASSPHRASE,
      scrypt: TEST_SCRYPT,
    });
    const counts = workspaceCounts(ctx.db);
    expect(counts.claims).toBeGreaterThan(300);
    const store = new EvidenceStore(dir, ctx.workspaceKey);
    for (const [sha256, bytes] of evidence) expect(store.read(sha256).equals(bytes)).toBe(true);
    ctx.db.close();

    // Nothing plain is left: no file holds the claims' text, no evidence file its old name.
    for (const file of filesUnder(dir))
      expect(readFileSync(file).includes(plainText), file).toBe(false);
    for (const sha256 of evidence.keys())
      expect(existsSync(join(dir, 'evidence', sha256.slice(0, 2), sha256))).toBe(false);

    // The passphrase opens it from now on; the backup made first restores with the code alone.
    const reopened = unlockWorkspace(dir, { passphrase: PASSPHRASE });
    expect(workspaceCounts(reopened.db)).toEqual(counts);
    reopened.db.close();
    const to = makeTempDir('review-desk-plain-restore-');
    cleanups.push(to.cleanup);
    const restored = await restoreBackup(backupFile, join(to.dir, 'ws'), { recoveryCode });
    forgetKey(restored.key);
    expect(restored.report.counts).toEqual(counts);
  });
});

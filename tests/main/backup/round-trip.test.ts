import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceCounts } from '../../../src/main/db/queries/backup';
import { verifyAuditLog } from '../../../src/main/services/audit-log/verify-acts';
import { restoreBackup } from '../../../src/main/services/backup/restore-backup';
import { writeBackup } from '../../../src/main/services/backup/write-backup';
import type { ServiceContext } from '../../../src/main/services/context';
import { EvidenceStore } from '../../../src/main/services/evidence/store';
import { sha256Hex } from '../../../src/main/services/hashing';
import { actAs } from '../../../src/main/services/identity/acting';
import { buildLedger } from '../../../src/main/services/ledger';
import {
  DATABASE_FILE_NAME,
  openWorkspaceConnection,
} from '../../../src/main/services/open-workspace';
import { queuePage } from '../../../src/main/services/queue/queue';
import { lockWorkspace, unlockWorkspace } from '../../../src/main/services/unlock-workspace';
import type { BackupProgress } from '../../../src/shared/ipc/backup-schemas';
import type { QueueQuery } from '../../../src/shared/ipc/queue-query';
import { councilOf } from '../../helpers/council';
import { InMemoryKeyProtector } from '../../helpers/in-memory-key-protector';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_PASSPHRASE } from '../../helpers/workspace-key';
import { PNG_BYTES } from '../evidence/helpers';
import { SECRETARY } from '../meetings/support';
import {
  backupParts,
  councilWorkspaceWithEvidence,
  EVIDENCE_CSV,
  refusalOf,
  sha256Of,
  snapshot,
} from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir(): string {
  const { dir, cleanup } = makeTempDir('review-desk-backup-');
  cleanups.push(cleanup);
  return dir;
}

function track<T extends ServiceContext>(ctx: T): T {
  cleanups.unshift(() => {
    if (ctx.db.open) ctx.db.close();
  });
  return ctx;
}

const ALL: QueueQuery = { view: 'all', search: '', sort: [], filters: {} };
const QUERIES: QueueQuery[] = [
  ALL,
  { ...ALL, sort: [{ colId: 'claimedLoss', sort: 'desc' }] },
  {
    ...ALL,
    sort: [
      { colId: 'businessName', sort: 'asc' },
      { colId: 'claimId', sort: 'desc' },
    ],
  },
  { ...ALL, view: 'decided', sort: [{ colId: 'reviewState', sort: 'asc' }] },
  { ...ALL, search: '국밥' },
];

/** What the person sees of a workspace: grid pages, the ledger, the audit log, the evidence. */
function whatItShows(ctx: ServiceContext) {
  const store = new EvidenceStore(ctx.dataDir, ctx.workspaceKey);
  const hashes = ctx.db
    .prepare("SELECT DISTINCT sha256 FROM evidence WHERE status = 'stored' ORDER BY sha256")
    .pluck()
    .all() as string[];
  const audit = verifyAuditLog(ctx.db);
  return {
    pages: QUERIES.map((query) => [
      queuePage(ctx, { query, startRow: 0, endRow: 5 }),
      queuePage(ctx, { query, startRow: 5, endRow: 100 }),
    ]),
    ledger: (({ rows, awaiting, outsideViews, summary }) => ({
      rows,
      awaiting,
      outsideViews,
      summary,
    }))(buildLedger(ctx)),
    audit: { ok: audit.ok, entries: audit.entries, problems: audit.actProblems },
    evidence: hashes.map((sha256) => ({ sha256, bytes: store.read(sha256) })),
    counts: workspaceCounts(ctx.db),
  };
}

/** writeBackup, checking its progress: phases in order, bytes never going back, ending whole. */
async function backUpWatchingProgress(ctx: ServiceContext, out: string) {
  const progress: BackupProgress[] = [];
  const made = await writeBackup(ctx, out, (p) => progress.push(p));
  expect([...new Set(progress.map((p) => p.phase))]).toEqual(['database', 'evidence', 'finishing']);
  expect(progress.at(-1)!.doneBytes).toBe(progress.at(-1)!.totalBytes);
  expect(isSorted(progress.map((p) => p.doneBytes))).toBe(true);
  return made;
}

const isSorted = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! <= v);

describe('a backup restored', () => {
  it('with the recovery code alone, on another computer: the same workspace', async () => {
    const dir = tempDir();
    const protector = new InMemoryKeyProtector();
    const { ctx, recoveryCode } = await councilWorkspaceWithEvidence(
      join(dir, 'original'),
      tempDir(),
      { protector },
    );
    track(ctx);
    const before = whatItShows(ctx);
    // The story is all there: the check below compares something.
    expect(before.counts.meetings).toBe(2);
    expect(before.counts.decisions).toBeGreaterThan(0);
    expect(before.counts.evidenceFiles).toBe(2);
    expect(before.ledger.rows.length).toBeGreaterThan(0);
    expect(before.audit.ok).toBe(true);
    expect(before.pages[0]![0]!.rows).toHaveLength(5);
    expect(before.evidence.map((e) => e.bytes)).toEqual(
      expect.arrayContaining([Buffer.from(EVIDENCE_CSV), PNG_BYTES]),
    );

    const made = await backUpWatchingProgress(ctx, join(dir, 'council.rdbackup'));
    expect(made.counts).toEqual(before.counts);
    expect(readFileSync(made.file).length).toBe(made.sizeBytes);
    // Only the backup itself beside it: no copy or temp file left behind.
    expect(readdirSync(dir).sort()).toEqual(['council.rdbackup', 'original']);

    const restoreProgress: BackupProgress[] = [];
    const target = join(dir, 'restored');
    const { report, key } = await restoreBackup(
      made.file,
      target,
      { recoveryCode: recoveryCode.toLowerCase() },
      { onProgress: (p) => restoreProgress.push(p) },
    );
    expect([...new Set(restoreProgress.map((p) => p.phase))]).toEqual([
      'checking',
      'restoring',
      'verifying',
      'finishing',
    ]);
    expect(isSorted(restoreProgress.map((p) => p.doneBytes))).toBe(true);
    expect(restoreProgress.at(-1)!.doneBytes).toBe(restoreProgress.at(-1)!.totalBytes);
    // Checking and restoring each pass over every entry, verifying over the evidence again.
    expect(restoreProgress[0]!.totalBytes).toBeGreaterThan(2 * made.sizeBytes - 10_000);
    expect(key.equals(ctx.workspaceKey)).toBe(true);
    expect(report.workspaceDir).toBe(target);
    expect(report.takenAt).toBe(made.takenAt);
    expect(report.counts).toEqual(made.counts);
    expect(report.checks.length).toBeGreaterThan(0);
    expect(report.checks).toEqual([
      { check: 'fileWhole', count: 4 },
      { check: 'manifestAuthentic', count: null },
      { check: 'entryHashes', count: 4 },
      { check: 'integrity', count: null },
      { check: 'auditChain', count: before.audit.entries },
      { check: 'evidenceDecrypts', count: 2 },
    ]);
    expect(readdirSync(dir).filter((name) => name.includes('.restoring-'))).toEqual([]);

    // The keychain seal belongs to the computer that made it: not in the backup.
    const refused = await refusalOf(() => unlockWorkspace(target, { keychain: protector }));
    expect(refused.codes).toEqual(['keychain_unavailable']);

    const restored = track(unlockWorkspace(target, { recoveryCode }));
    expect(restored.unlockedBy).toBe('recovery-code');
    // The same person acting in both, as the grid depends on who looks ("mine", assignments).
    actAs(restored, councilOf(ctx).identities.get(SECRETARY)!);
    expect(restored.actor).toBe(ctx.actor);
    const after = whatItShows(restored);
    expect(after.pages).toEqual(before.pages);
    expect(after.ledger).toEqual(before.ledger);
    expect(after.audit).toEqual(before.audit);
    expect(after.evidence).toEqual(before.evidence);
    for (const { sha256, bytes } of after.evidence) expect(sha256Hex(bytes)).toBe(sha256);
    expect(after.counts).toEqual(report.counts);

    // The stored (encrypted) evidence files are the very same files.
    const evidenceOf = (root: string) =>
      Object.fromEntries(
        Object.entries(snapshot(join(root, 'evidence'))).filter(([name]) => !name.includes('.tmp')),
      );
    expect(evidenceOf(target)).toEqual(evidenceOf(ctx.dataDir));
    lockWorkspace(restored);
    lockWorkspace(ctx);
  });

  it('with the passphrase too, and the restored workspace opens with either', async () => {
    const dir = tempDir();
    const { ctx, recoveryCode } = await councilWorkspaceWithEvidence(
      join(dir, 'original'),
      tempDir(),
    );
    track(ctx);
    const before = whatItShows(ctx);
    const made = await backUpWatchingProgress(ctx, join(dir, 'council.rdbackup'));
    lockWorkspace(ctx);

    const target = join(dir, 'restored');
    const { report } = await restoreBackup(made.file, target, { passphrase: TEST_PASSPHRASE });
    expect(report.counts).toEqual(before.counts);
    expect(readdirSync(target).sort()).toEqual(
      [DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}.keys.json`, 'evidence'].sort(),
    );
    const byPassphrase = track(unlockWorkspace(target, { passphrase: TEST_PASSPHRASE }));
    expect(byPassphrase.unlockedBy).toBe('passphrase');
    expect(verifyAuditLog(byPassphrase.db)).toMatchObject({ ok: true });
    expect(verifyAuditLog(byPassphrase.db).entries).toBe(before.audit.entries);
    expect(buildLedger(byPassphrase).rows).toEqual(before.ledger.rows);
    lockWorkspace(byPassphrase);
    const byCode = track(unlockWorkspace(target, { recoveryCode }));
    expect(whatItShows(byCode).evidence).toEqual(before.evidence);
    lockWorkspace(byCode);
  });

  it('taken while another connection holds a write open: the committed state, its WAL included', async () => {
    const dir = tempDir();
    const { ctx } = await councilWorkspaceWithEvidence(join(dir, 'original'), tempDir());
    track(ctx);
    // Commits left in the WAL, and a writer (as an import is) holding its transaction open, so
    // the backup can neither fold the WAL first nor wait for it.
    ctx.db.pragma('wal_autocheckpoint = 0');
    ctx.db.exec(
      "CREATE TABLE committed_note (x); INSERT INTO committed_note VALUES ('in the WAL')",
    );
    const before = whatItShows(ctx);
    const writer = openWorkspaceConnection(ctx);
    writer.exec('BEGIN IMMEDIATE');
    writer.exec('CREATE TABLE not_committed (x)');
    writer.exec("INSERT INTO not_committed VALUES ('never in a backup')");
    const made = await writeBackup(ctx, join(dir, 'council.rdbackup'));
    writer.exec('COMMIT');
    writer.close();
    expect(backupParts(made.file).entries.map((e) => e.name)).toContain('database-wal');
    expect(made.counts).toEqual(before.counts);
    lockWorkspace(ctx);

    const target = join(dir, 'restored');
    const { report } = await restoreBackup(made.file, target, { passphrase: TEST_PASSPHRASE });
    expect(report.counts).toEqual(before.counts);
    // The WAL was replayed and folded in: the workspace is its database file again.
    expect(readdirSync(target).sort()).toEqual(
      [DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}.keys.json`, 'evidence'].sort(),
    );
    const restored = track(unlockWorkspace(target, { passphrase: TEST_PASSPHRASE }));
    const tables = restored.db
      .prepare("SELECT name FROM sqlite_schema WHERE name IN ('committed_note', 'not_committed')")
      .pluck()
      .all();
    expect(tables).toEqual(['committed_note']);
    const after = whatItShows(restored);
    expect(after.pages).toEqual(before.pages);
    expect(after.ledger).toEqual(before.ledger);
    expect(after.audit).toEqual(before.audit);
    lockWorkspace(restored);
  });

  it('a second backup to the same path is refused and the first file is unchanged', async () => {
    const dir = tempDir();
    const { ctx } = await councilWorkspaceWithEvidence(join(dir, 'original'), tempDir());
    track(ctx);
    const out = join(dir, 'council.rdbackup');
    const first = await writeBackup(ctx, out);
    const bytes = sha256Of(out);
    const refused = await refusalOf(() => writeBackup(ctx, out));
    expect(refused.error.code).toBe('conflict');
    expect(refused.codes).toEqual(['file_exists']);
    expect(refused.error.message).toMatch(/never written over/);
    expect(sha256Of(out)).toBe(bytes);
    expect(readFileSync(out).length).toBe(first.sizeBytes);
    expect(readdirSync(dir).sort()).toEqual(['council.rdbackup', 'original']);
    // The first one is still a whole backup.
    const { report } = await restoreBackup(out, join(dir, 'restored'), {
      passphrase: TEST_PASSPHRASE,
    });
    expect(report.counts).toEqual(first.counts);
    lockWorkspace(ctx);
  });
});

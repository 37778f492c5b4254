// npm run bench:backup: a 100k-claim encrypted workspace with its evidence, backed up and
// restored (against tar of the same folder), and what encryption costs the import and the
// grid's page query (against the same work on an unencrypted database).
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import yazl from 'yazl';
import { openAnotherConnection, openDatabase } from '../src/main/db/connection';
import { integrityProblems } from '../src/main/db/queries/backup';
import { generateClaimRows, listEvidence, writeLargeBatch } from '../src/main/demo';
import { restoreBackup } from '../src/main/services/backup/restore-backup';
import { writeBackup } from '../src/main/services/backup/write-backup';
import { verifyAuditLog } from '../src/main/services/audit-log/verify-acts';
import { importBatch } from '../src/main/services/intake/import-batch';
import { DATABASE_FILE_NAME } from '../src/main/services/open-workspace';
import { queuePage } from '../src/main/services/queue/queue';
import { createWorkspace } from '../src/main/services/unlock-workspace';
import { databaseKeyPragma, forgetKey } from '../src/main/services/workspace-key';
import type { QueueQuery } from '../src/shared/ipc/queue-query';
import { plainContext } from './plain-workspace';
import { builtChild } from './built-child';
import { emit, round, scratchDir } from './support';

const ROOT = join(import.meta.dirname, '..');
/** The import as built (bench/built-child.ts): encrypted and plain imports run the same code. */
const importChild = await builtChild('import-child', 'bench/import-child.ts');
const ROWS = 100_000;
const SEED = 1015;
const PASSPHRASE = 'bench backup passphrase';

const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (started: number): number => (performance.now() - started) / 1000;
const mb = (bytes: number): number => round(bytes / 1024 / 1024);

/** Flushes everything written so far, so no timed step pays for an earlier one's writeback. */
function sync(): void {
  spawnSync('sync');
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
}

function folderBytes(dir: string): number {
  const out = spawnSync('du', ['-sb', dir], { encoding: 'utf8' }).stdout;
  return Number(out.split('\t')[0]);
}

// --- Evidence: the files the generated batch names, 5-50 KB each, of the kinds people send.

/** A PRNG-free filler: images, PDFs' streams and zips are compressed, so random bytes. */
const noise = (bytes: number): Buffer => randomBytes(bytes);

function pngOf(size: number): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    return Buffer.concat([head, data, Buffer.alloc(4)]); // the CRC is not checked by anyone here
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1170, 0);
  ihdr.writeUInt32BE(2532, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', noise(Math.max(0, size - 57))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpegOf(size: number): Buffer {
  const head = Buffer.from('ffd8ffe000104a46494600010101004800480000', 'hex');
  return Buffer.concat([
    head,
    noise(Math.max(0, size - head.length - 2)),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function pdfOf(size: number): Buffer {
  const body = noise(Math.max(0, size - 160));
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length ${body.length} /Filter /FlateDecode >>\nstream\n`,
      'latin1',
    ),
    body,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

/** A POS export or a written account: text, so it is made of lines, not noise. */
function textOf(size: number, csv: boolean): Buffer {
  const lines = [csv ? '일자,시간,영수증번호,품목,수량,단가,결제수단,결제금액' : '피해 경위서'];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const n = randomBytes(6);
    const line = csv
      ? `2022-10-${10 + (n[0]! % 10)},${10 + (n[1]! % 12)}:${10 + (n[2]! % 50)},R${String(i).padStart(5, '0')},상품 ${n[3]! % 40},${1 + (n[4]! % 4)},${(n[5]! % 50) * 1000},카드,${(n[5]! % 50) * 1000 * (1 + (n[4]! % 4))}`
      : `10월 ${15 + (n[0]! % 3)}일 ${n[1]! % 24}시경 카카오톡 채널 주문이 들어오지 않아 예약 ${n[2]! % 30}건을 받지 못했습니다.`;
    lines.push(line);
    length += Buffer.byteLength(line) + 2;
  }
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A workbook: a zip whose sheet is real XML and whose bulk is an embedded (compressed) image. */
async function xlsxOf(size: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const at = new Date(Date.UTC(2022, 10, 1));
  const text = (name: string, body: string) =>
    zip.addBuffer(Buffer.from(body), name, { mtime: at, compress: true });
  text('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  text('xl/workbook.xml', '<?xml version="1.0"?><workbook/>');
  text('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><worksheet><sheetData/></worksheet>');
  zip.addBuffer(noise(Math.max(0, size - 700)), 'xl/media/image1.png', {
    mtime: at,
    compress: false,
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function evidenceBytes(name: string): Promise<Buffer> {
  const size = 5 * 1024 + Math.floor(Math.random() * 45 * 1024);
  const ext = name.slice(name.lastIndexOf('.') + 1);
  if (ext === 'png') return pngOf(size);
  if (ext === 'jpg') return jpegOf(size);
  if (ext === 'pdf') return pdfOf(size);
  if (ext === 'xlsx') return xlsxOf(size);
  return textOf(size, ext === 'csv');
}

/** Writes every file the batch names (but the ones meant to be missing); returns their count. */
async function writeEvidence(folder: string): Promise<{ files: number; bytes: number }> {
  const { files } = listEvidence(generateClaimRows({ count: ROWS, seed: SEED }));
  let bytes = 0;
  for (const file of files) {
    const path = join(folder, ...file.name.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    const content = await evidenceBytes(file.name);
    bytes += content.length;
    writeFileSync(path, content);
  }
  return { files: files.length, bytes };
}

// --- The import, encrypted or not, as bench/import.ts runs it: in a child of its own.

function importInChild(
  csv: string,
  dir: string,
  plain: boolean,
): { seconds: number; rows: number; peakRssMB: number } {
  const dataDir = join(dir, `workspace-${plain ? 'plain' : 'encrypted'}-${Date.now()}`);
  sync();
  const result = spawnSync(
    process.execPath,
    [importChild, csv, dataDir, ...(plain ? ['--plain'] : [])],
    { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 20 },
  );
  rmSync(dataDir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { seconds: number; rows: number; peakRssMB: number };
}

const dir = scratchDir('backup');
try {
  const csv = join(dir, 'batch-100k.csv');
  await writeLargeBatch(csv, ROWS, SEED);

  // 3. encryption.import.100k: alternating, so drift on the machine hits both alike.
  const encrypted: number[] = [];
  const plain: number[] = [];
  const rss = { encrypted: [] as number[], plain: [] as number[] };
  for (let i = 0; i < 3; i++) {
    const e = importInChild(csv, dir, false);
    encrypted.push(e.seconds);
    rss.encrypted.push(e.peakRssMB);
    const p = importInChild(csv, dir, true);
    plain.push(p.seconds);
    rss.plain.push(p.peakRssMB);
  }
  emit({
    bench: 'encryption.import.100k',
    value: round(median(encrypted), 2),
    unit: 's',
    reference:
      'the same import of the same 100k CSV (child process, as import.100k) into an unencrypted database, same run, runs alternated',
    referenceValue: round(median(plain), 2),
    target: '≤ 1.15',
    runs: encrypted.length,
    encryptedRuns: encrypted.map((s) => round(s, 2)),
    plainRuns: plain.map((s) => round(s, 2)),
    peakRssMB: round(median(rss.encrypted)),
    plainPeakRssMB: round(median(rss.plain)),
    evidence: 'none (as import.100k)',
  });

  // The workspace the backup figures take: the same batch, with its evidence folder.
  const evidenceFolder = join(dir, 'evidence-in');
  const written = await writeEvidence(evidenceFolder);
  const wsDir = join(dir, 'workspace');
  const created = createWorkspace(wsDir, {
    passphrase: PASSPHRASE,
    scrypt: { N: 2 ** 14, r: 8, p: 1 },
  });
  const ctx = created.ctx;
  const imported = await importBatch(ctx, { file: csv, evidence: evidenceFolder });
  rmSync(evidenceFolder, { recursive: true, force: true });
  if (imported.evidence.stored < written.files)
    throw new Error(`only ${imported.evidence.stored} of ${written.files} evidence files stored`);
  // The database whole in its file, so tar and the backup read the same bytes.
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  const workspaceBytes = folderBytes(wsDir);

  // 1. backup.100k against tar -cf of the folder, three rounds alternated (tar, then a backup),
  // medians. Both read warm: the workspace was just written (24 GB of RAM, so all of it is in
  // the page cache), then synced. Each round's files are removed before the next (the last
  // round's kept for the restore).
  const tarFile = join(dir, 'workspace.tar');
  const backupFile = join(dir, 'workspace.rdbackup');
  type Phases = Partial<Record<'writing' | 'evidence' | 'finishing', number>>;
  const rounds: { tar: number; tarFsync: number; backup: number; at: Phases }[] = [];
  let made: Awaited<ReturnType<typeof writeBackup>> | null = null;
  for (let round = 0; round < 3; round += 1) {
    rmSync(tarFile, { force: true });
    rmSync(backupFile, { force: true });
    sync();
    let started = performance.now();
    run('tar', ['-cf', tarFile, '-C', wsDir, '.']);
    const tar = seconds(started);
    started = performance.now();
    const fd = openSync(tarFile, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    const tarFsync = seconds(started);
    sync();
    // Where the time goes, from writeBackup's own progress reports (each change of phase).
    const at: Phases = {};
    started = performance.now();
    made = await writeBackup(ctx, backupFile, (progress) => {
      if (progress.phase === 'database' && progress.doneBytes > 0) at.writing ??= seconds(started);
      if (progress.phase === 'evidence' || progress.phase === 'finishing')
        at[progress.phase] ??= seconds(started);
    });
    rounds.push({ tar, tarFsync, backup: seconds(started), at });
  }
  if (made === null) throw new Error('no backup was made');
  const byBackup = [...rounds].sort((a, b) => a.backup - b.backup);
  const middle = byBackup[1]!;
  const backupSeconds = middle.backup;
  const tarSeconds = median(rounds.map((r) => r.tar));
  const tarPlusFsync = median(rounds.map((r) => r.tar + r.tarFsync));
  emit({
    bench: 'backup.100k',
    value: round(backupSeconds, 2),
    unit: 's',
    reference:
      'tar -cf of the same workspace folder (database checkpointed, evidence), same run, 3 rounds alternated with the backups, medians; both read warm (just written, then synced)',
    referenceValue: round(tarSeconds, 2),
    target: '≤ 2x tar',
    backupRuns: rounds.map((r) => round(r.backup, 2)),
    tarRuns: rounds.map((r) => round(r.tar, 2)),
    sizeMB: mb(made.sizeBytes),
    tarMB: mb(statSync(tarFile).size),
    workspaceMB: mb(workspaceBytes),
    claims: made.counts.claims,
    evidenceFiles: made.counts.evidenceFiles,
    evidenceMB: mb(written.bytes),
    tarPlusFsyncSeconds: round(tarPlusFsync, 2),
    ratioToTarPlusFsync: round(backupSeconds / tarPlusFsync, 3),
    note: 'writeBackup hashes every byte (SHA-256) and fsyncs its file before publishing it; tar does neither (tarPlusFsyncSeconds adds the fsync)',
    phases: {
      snapshotDatabaseAndList: round(middle.at.writing ?? NaN, 2),
      writeEvidence: round((middle.at.finishing ?? NaN) - (middle.at.evidence ?? NaN), 2),
      syncAndPublish: round(backupSeconds - (middle.at.finishing ?? NaN), 2),
    },
  });

  // 2. restore.100k against tar -xf of the tar above into a fresh folder.
  const untarDir = join(dir, 'untarred');
  mkdirSync(untarDir);
  sync();
  let started = performance.now();
  run('tar', ['-xf', tarFile, '-C', untarDir]);
  const untarSeconds = seconds(started);
  rmSync(untarDir, { recursive: true, force: true });
  rmSync(tarFile, { force: true });

  const restoredDir = join(dir, 'restored');
  sync();
  const mark: Partial<Record<'checking' | 'restoring' | 'verifying' | 'finishing', number>> = {};
  started = performance.now();
  const restored = await restoreBackup(
    backupFile,
    restoredDir,
    { passphrase: PASSPHRASE },
    {
      onProgress: (progress) => {
        if (progress.phase !== 'database' && progress.phase !== 'evidence')
          mark[progress.phase] ??= seconds(started);
      },
    },
  );
  const restoreSeconds = seconds(started);
  // The database checks run between extracting and verifying the evidence: timed again here
  // (warm now) to split them from the extraction.
  started = performance.now();
  const checked = openDatabase(join(restoredDir, DATABASE_FILE_NAME), { key: restored.key });
  const integrityOk = integrityProblems(checked).length === 0;
  const integritySeconds = seconds(started);
  started = performance.now();
  const auditOk = verifyAuditLog(checked).ok;
  const auditSeconds = seconds(started);
  checked.close();
  if (!integrityOk || !auditOk) throw new Error('the restored workspace does not check');
  forgetKey(restored.key);
  const markAt = (phase: keyof typeof mark) => mark[phase] ?? NaN;
  emit({
    bench: 'restore.100k',
    value: round(restoreSeconds, 2),
    unit: 's',
    reference: 'tar -xf of the tar made for backup.100k into a fresh folder, same run, warm',
    referenceValue: round(untarSeconds, 2),
    sizeMB: mb(made.sizeBytes),
    claims: restored.report.counts.claims,
    evidenceFiles: restored.report.counts.evidenceFiles,
    checks: restored.report.checks.length,
    note: 'restore hashes every entry before writing anything, then again as it extracts, runs integrity_check and the audit chain, and decrypts every evidence file to its hash; tar only copies',
    phases: {
      openAndUnlock: round(markAt('checking'), 2),
      hashEveryEntry: round(markAt('restoring') - markAt('checking'), 2),
      extract: round(
        markAt('verifying') - markAt('restoring') - integritySeconds - auditSeconds,
        2,
      ),
      integrityCheck: round(integritySeconds, 2),
      auditChain: round(auditSeconds, 2),
      decryptEvidence: round(markAt('finishing') - markAt('verifying'), 2),
      moveIntoPlace: round(restoreSeconds - markAt('finishing'), 2),
    },
    phasesNote:
      "from restore's own progress reports; integrity_check and the audit chain timed again after the restore (warm), extract is the rest of that stretch",
  });
  rmSync(restoredDir, { recursive: true, force: true });
  rmSync(backupFile, { force: true });

  // 4. encryption.grid.page: the grid's page query on the encrypted database and on a
  // page-for-page decrypted copy of it (same layout: rekey rewrites pages in place).
  const dbFile = join(wsDir, DATABASE_FILE_NAME);
  const plainFile = join(dir, 'plain.db');
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(dbFile, plainFile);
  const rekey = new Database(plainFile);
  rekey.pragma(databaseKeyPragma(ctx.workspaceKey));
  rekey.pragma('journal_mode = DELETE');
  rekey.pragma("rekey = ''");
  rekey.close();
  if (readFileSync(plainFile).subarray(0, 16).toString('latin1') !== 'SQLite format 3\0')
    throw new Error('the copy did not decrypt');
  // Fresh connections for both (the app's is long-lived too, but neither should start with
  // the import's pages in its cache), each with openDatabase's 32 MiB page cache.
  const encryptedCtx = { ...ctx, db: openAnotherConnection(ctx.db) };
  const plainCtx = plainContext(openDatabase(plainFile, { key: null }), dir);
  const base: QueueQuery = { view: 'all', search: '', sort: [], filters: {} };
  const queries: { query: QueueQuery; startRow: number }[] = [];
  for (const [pass, startRow] of [0, 100, 2_000, 20_000, 0, 60_000].entries()) {
    for (const colId of ['claimedLoss', 'receivedAt', 'businessName'] as const)
      queries.push({
        query: { ...base, sort: [{ colId, sort: pass % 2 ? 'desc' : 'asc' }] },
        startRow,
      });
    for (const view of ['queue', 'flagged', 'tier:tier_30k', 'all'])
      queries.push({ query: { ...base, view }, startRow });
  }
  const page = (c: typeof ctx, q: (typeof queries)[number]): number => {
    const t = performance.now();
    queuePage(c, { query: q.query, startRow: q.startRow, endRow: q.startRow + 100 });
    return performance.now() - t;
  };
  for (const q of queries) {
    page(encryptedCtx, q);
    page(plainCtx, q);
  }
  const times = { encrypted: [] as number[], plain: [] as number[] };
  for (const [i, q] of queries.entries()) {
    // Alternating which goes first, so neither always follows the other.
    if (i % 2) {
      times.encrypted.push(page(encryptedCtx, q));
      times.plain.push(page(plainCtx, q));
    } else {
      times.plain.push(page(plainCtx, q));
      times.encrypted.push(page(encryptedCtx, q));
    }
  }
  // The same queries with a cold SQLite page cache each time: every page read is decrypted.
  const cold = { encrypted: [] as number[], plain: [] as number[] };
  for (const q of queries.slice(0, 14)) {
    for (const [c, into] of [
      [encryptedCtx, cold.encrypted],
      [plainCtx, cold.plain],
    ] as const) {
      c.db.pragma('shrink_memory');
      into.push(page(c, q));
    }
  }
  emit({
    bench: 'encryption.grid.page',
    value: round(median(times.encrypted), 2),
    unit: 'ms',
    reference:
      'the same page queries (queuePage, 100 rows, sorts/views/offsets as grid.ts) on a decrypted page-for-page copy of the same database, same run, alternated',
    referenceValue: round(median(times.plain), 2),
    target: '≤ 1.15',
    queries: times.encrypted.length,
    p95: round(
      [...times.encrypted].sort((a, b) => a - b)[Math.ceil(times.encrypted.length * 0.95) - 1]!,
      2,
    ),
    plainP95: round(
      [...times.plain].sort((a, b) => a - b)[Math.ceil(times.plain.length * 0.95) - 1]!,
      2,
    ),
    coldCacheMedian: round(median(cold.encrypted), 2),
    plainColdCacheMedian: round(median(cold.plain), 2),
    coldCacheRatio: round(median(cold.encrypted) / median(cold.plain), 3),
    databaseMB: mb(statSync(dbFile).size),
    pageCacheMiB: -(encryptedCtx.db.pragma('cache_size', { simple: true }) as number) / 1024,
  });
  encryptedCtx.db.close();
  plainCtx.db.close();
  ctx.db.close();
  forgetKey(ctx.workspaceKey);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

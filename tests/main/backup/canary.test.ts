import Database from 'better-sqlite3-multiple-ciphers';
import iconv from 'iconv-lite';
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../src/main/services/backup/write-backup';
import type { ServiceContext } from '../../../src/main/services/context';
import { EvidenceStore } from '../../../src/main/services/evidence/store';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { createWorkspace, lockWorkspace } from '../../../src/main/services/unlock-workspace';
import { GOOD_ROWS, writeCsv, type Row } from '../../helpers/batch-files';
import { InMemoryKeyProtector } from '../../helpers/in-memory-key-protector';
import { makeTempDir, steppingClock } from '../../helpers/temp-workspace';
import { TEST_PASSPHRASE, TEST_SCRYPT } from '../../helpers/workspace-key';
import { recordView } from '../ledger/support';
import { filesUnder, writeBackupParts } from './support';

/*
 * The canary scan: personal data put into a workspace must not be readable anywhere in its
 * folder (database, WAL, evidence, key file) nor in a backup, as raw bytes, in any encoding a
 * page could hold it in. The same scan, run over a workspace made the old, unencrypted way,
 * finds every canary: so its silence on the encrypted one means something.
 */
const CANARY_NAME = '카나리아상회캐너리';
const CANARY_PHONE = '010-9753-8642';
/** A registration number with a valid check digit (987-65-4321x: x = 5), so import keeps it. */
const CANARY_REG_NO = '987-65-43215';
const CANARY_EVIDENCE = 'CANARY-EVIDENCE-7f3a9c';
const CANARY_CLAIM = 'K-2022-977531';

interface Needle {
  label: string;
  bytes: Buffer;
}

function needles(): Needle[] {
  const cp949 = iconv.encode(CANARY_NAME, 'cp949');
  // The name is all KS X 1001 syllables: two bytes each, and decodes back to itself.
  expect(cp949.length).toBe([...CANARY_NAME].length * 2);
  expect(iconv.decode(cp949, 'cp949')).toBe(CANARY_NAME);
  return [
    { label: 'name (UTF-8)', bytes: Buffer.from(CANARY_NAME, 'utf8') },
    { label: 'name (UTF-16LE)', bytes: Buffer.from(CANARY_NAME, 'utf16le') },
    { label: 'name (CP949)', bytes: cp949 },
    // A part of the name too: a page boundary or a normalisation could split the whole.
    { label: 'name tail (UTF-8)', bytes: Buffer.from('캐너리', 'utf8') },
    { label: 'phone (UTF-8)', bytes: Buffer.from(CANARY_PHONE, 'utf8') },
    { label: 'phone digits (UTF-8)', bytes: Buffer.from(CANARY_PHONE.replace(/-/g, ''), 'utf8') },
    { label: 'registration number (UTF-8)', bytes: Buffer.from(CANARY_REG_NO, 'utf8') },
    {
      label: 'registration digits (UTF-8)',
      bytes: Buffer.from(CANARY_REG_NO.replace(/-/g, ''), 'utf8'),
    },
    { label: 'evidence text (UTF-8)', bytes: Buffer.from(CANARY_EVIDENCE, 'utf8') },
  ];
}

interface Hit {
  file: string;
  label: string;
}

/** Every file under `root` (or `root` itself, a file), read as raw bytes, searched for each needle. */
function scan(root: string): Hit[] {
  const files = statSync(root).isDirectory() ? filesUnder(root) : [root];
  expect(files.length).toBeGreaterThan(0);
  const hits: Hit[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of needles())
      if (bytes.includes(needle.bytes))
        hits.push({ file: relative(root, file) || file, label: needle.label });
  }
  return hits;
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir(): string {
  const { dir, cleanup } = makeTempDir('review-desk-canary-');
  cleanups.push(cleanup);
  return dir;
}

/** The canary claim: a small business whose loss goes to the committee, with a memo as evidence. */
function canaryRow(): Row {
  const row = [...GOOD_ROWS[0]!];
  row[0] = CANARY_CLAIM;
  row[7] = CANARY_REG_NO;
  row[8] = CANARY_NAME;
  row[11] = `${CANARY_NAME} 예약 주문을 받지 못함`;
  row[12] = CANARY_PHONE;
  row[13] = `${CANARY_CLAIM}/memo.txt`;
  return row;
}

/** Imports the canary batch (with its evidence folder) the way a secretary does. */
async function importCanaries(ctx: ServiceContext, scratch: string): Promise<string> {
  const evidence = join(scratch, 'evidence', CANARY_CLAIM);
  mkdirSync(evidence, { recursive: true });
  writeFileSync(join(evidence, 'memo.txt'), `증빙 메모\n${CANARY_EVIDENCE}\n${CANARY_NAME}\n`);
  const rows = [canaryRow(), ...GOOD_ROWS.slice(1)];
  const report = await importBatch(ctx, {
    file: writeCsv(scratch, 'canary.csv', rows, 'utf-8'),
    evidence: join(scratch, 'evidence'),
  });
  expect(report.evidence).toEqual({ stored: 1, rejected: 0, missing: 0 });
  // The canaries are in the workspace, readable through it: the scan below has something to miss.
  const claim = ctx.db
    .prepare('SELECT * FROM claims WHERE claim_id = ?')
    .get(CANARY_CLAIM) as Record<string, unknown>;
  expect(Object.values(claim)).toEqual(expect.arrayContaining([CANARY_NAME, CANARY_REG_NO]));
  expect(JSON.stringify(claim)).toContain(CANARY_PHONE.replace(/-/g, '').slice(-4));
  const sha256 = ctx.db
    .prepare("SELECT sha256 FROM evidence WHERE claim_id = ? AND status = 'stored'")
    .pluck()
    .get(CANARY_CLAIM) as string;
  const stored = new EvidenceStore(ctx.dataDir, ctx.workspaceKey).read(sha256).toString('utf8');
  expect(stored).toContain(CANARY_EVIDENCE);
  return sha256;
}

describe('the canary scan', () => {
  it('finds no canary in the open workspace (WAL included), the closed one, nor its backup', async () => {
    const dir = tempDir();
    const scratch = tempDir();
    const { ctx } = createWorkspace(join(dir, 'workspace'), {
      passphrase: TEST_PASSPHRASE,
      scrypt: TEST_SCRYPT,
      protector: new InMemoryKeyProtector(),
      now: steppingClock(),
    });
    const workspace = ctx.dataDir;
    try {
      await importCanaries(ctx, scratch);
      // More writes after the import: a member's view naming the canaries, in the WAL now.
      recordView(ctx, CANARY_CLAIM, 'approve', 1_000_000, [], `${CANARY_NAME} ${CANARY_PHONE}`);
      recordView(ctx, CANARY_CLAIM, 'partial', 900_000, ['insufficient_proof'], CANARY_REG_NO);

      // Copied while open, as a thief with the disk would take it: the WAL is part of it.
      const live = join(dir, 'live-copy');
      cpSync(workspace, live, { recursive: true });
      const wal = join(live, `${DATABASE_FILE_NAME}-wal`);
      expect(statSync(wal).size).toBeGreaterThan(0);
      const names = filesUnder(live).map((file) => relative(live, file));
      expect(names).toEqual(
        expect.arrayContaining([
          DATABASE_FILE_NAME,
          `${DATABASE_FILE_NAME}-wal`,
          `${DATABASE_FILE_NAME}.keys.json`,
        ]),
      );
      expect(names.filter((name) => name.startsWith('evidence/'))).toHaveLength(1);
      expect(scan(live)).toEqual([]);
      expect(scan(workspace)).toEqual([]);

      const made = await writeBackup(ctx, join(dir, 'canary.rdbackup'));
      expect(made.counts.evidenceFiles).toBe(1);
      expect(scan(made.file)).toEqual([]);
    } finally {
      lockWorkspace(ctx);
    }
    // Closed, the WAL is checkpointed into the database file: still nothing readable.
    expect(scan(workspace)).toEqual([]);
  });

  it('finds every canary in a workspace made the old, unencrypted way (WAL included)', () => {
    const dir = tempDir();
    const db = new Database(join(dir, DATABASE_FILE_NAME));
    try {
      db.pragma('journal_mode = WAL');
      db.exec(
        `CREATE TABLE claims (claim_id TEXT PRIMARY KEY, business_name TEXT, business_reg_no TEXT,
           contact TEXT, contact_digits TEXT, reg_digits TEXT, name_utf16 BLOB, name_cp949 BLOB)`,
      );
      db.prepare('INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        CANARY_CLAIM,
        CANARY_NAME,
        CANARY_REG_NO,
        CANARY_PHONE,
        CANARY_PHONE.replace(/-/g, ''),
        CANARY_REG_NO.replace(/-/g, ''),
        Buffer.from(CANARY_NAME, 'utf16le'),
        iconv.encode(CANARY_NAME, 'cp949'),
      );
      mkdirSync(join(dir, 'evidence', 'ab'), { recursive: true });
      writeFileSync(join(dir, 'evidence', 'ab', 'memo.txt'), `${CANARY_EVIDENCE}\n`);

      // Still open: the rows are in the WAL only, and the scan finds them there.
      const hits = scan(dir);
      const labels = needles().map((n) => n.label);
      expect(new Set(hits.map((h) => h.label))).toEqual(new Set(labels));
      const inWal = hits.filter((h) => h.file === `${DATABASE_FILE_NAME}-wal`).map((h) => h.label);
      expect(new Set(inWal)).toEqual(new Set(labels.filter((l) => !l.startsWith('evidence'))));
      expect(hits).toContainEqual({ file: 'evidence/ab/memo.txt', label: 'evidence text (UTF-8)' });
    } finally {
      db.close();
    }
    // Closed: checkpointed into the database file, found there.
    const closed = scan(join(dir, DATABASE_FILE_NAME)).map((h) => h.label);
    expect(new Set(closed)).toEqual(
      new Set(
        needles()
          .map((n) => n.label)
          .filter((l) => !l.startsWith('evidence')),
      ),
    );
  });

  it('finds a canary in a backup-shaped file whose entries are not encrypted', () => {
    // The scan reads a backup's entries as they lie in the file, as it would a real one's.
    const dir = tempDir();
    const file = join(dir, 'plain.rdbackup');
    writeBackupParts(
      file,
      [
        { data: Buffer.from(`..${CANARY_NAME}..${CANARY_PHONE}..`, 'utf8') },
        { data: Buffer.from(CANARY_EVIDENCE) },
      ],
      '{}',
    );
    expect(scan(file).map((h) => h.label)).toEqual(
      expect.arrayContaining([
        'name (UTF-8)',
        'name tail (UTF-8)',
        'phone (UTF-8)',
        'evidence text (UTF-8)',
      ]),
    );
  });
});

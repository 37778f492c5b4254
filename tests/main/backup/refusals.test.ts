import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backUpInto } from '../../../src/main/services/backup/auto-backup';
import { ENTRY, manifestMac, type BackupManifest } from '../../../src/main/services/backup/format';
import { restoreBackup } from '../../../src/main/services/backup/restore-backup';
import { writeBackup } from '../../../src/main/services/backup/write-backup';
import { ServiceError } from '../../../src/main/services/errors';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { lockWorkspace, unlockWorkspace } from '../../../src/main/services/unlock-workspace';
import {
  keyFilePathFor,
  newRecoveryCode,
  newWorkspaceKey,
} from '../../../src/main/services/workspace-key';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { openRawDatabase, openTestWorkspace, TEST_PASSPHRASE } from '../../helpers/workspace-key';
import {
  backupParts,
  councilWorkspaceWithEvidence,
  sha256Of,
  snapshot,
  writeBackupParts,
  type EntryBytes,
} from './support';

/*
 * Every way a restore is refused, and what each refusal leaves: the target as it was (absent,
 * empty, or the workspace already there, byte for byte) and no staging folder beside it.
 */

let root: string;
let removeRoot: () => void;
/** A good backup of a council workspace (claims, decisions, meetings, evidence). */
let backup: string;
let recoveryCode: string;
let workspaceKey: Buffer;
let entries: EntryBytes[];
/** The good backup's sealed manifest, as its bytes read, and where it starts in the file. */
let manifestText: string;
let manifestOffset: number;

beforeAll(async () => {
  ({ dir: root, cleanup: removeRoot } = makeTempDir('review-desk-refusals-'));
  const made = await councilWorkspaceWithEvidence(join(root, 'original'), join(root, 'scratch'));
  recoveryCode = made.recoveryCode;
  workspaceKey = Buffer.from(made.ctx.workspaceKey);
  backup = (await writeBackup(made.ctx, join(root, 'good.rdbackup'))).file;
  lockWorkspace(made.ctx);
  ({ entries, manifestText, manifestOffset } = backupParts(backup));
  expect(entries.map((e) => e.name)).toEqual([
    ENTRY.keys,
    ENTRY.database,
    expect.stringMatching(/^evidence\//),
    expect.stringMatching(/^evidence\//),
  ]);
}, 60_000);

afterAll(() => removeRoot());

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  cleanups.splice(0).forEach((fn) => fn());
});

/** A folder for one case: the (altered) backup goes in it, and the restore targets it. */
function caseDir(): string {
  const { dir, cleanup } = makeTempDir('review-desk-refusal-');
  cleanups.push(cleanup);
  return dir;
}

const unlockByCode = () => ({ recoveryCode });

/** What a path holds: a folder's files and their hashes, a file's hash, or null when absent. */
function contentsOf(path: string): Record<string, string> | string | null {
  if (!existsSync(path)) return null;
  return statSync(path).isDirectory() ? snapshot(path) : sha256Of(path);
}

/**
 * Restores `file` into `target` (by default `<its folder>/restored`, absent), checks nothing
 * was written (the target as before, nothing new beside it: no `.restoring-` staging folder,
 * the backup itself unchanged), then that the refusal is a ServiceError with one of `codes`.
 */
async function expectRefused(
  file: string,
  codes: string[],
  options: {
    unlock?: { recoveryCode: string } | { passphrase: string };
    target?: string;
    status?: string | string[];
  } = {},
): Promise<ServiceError> {
  const target = options.target ?? join(file, '..', 'restored');
  const parent = join(target, '..');
  const besideBefore = readdirSync(parent).sort();
  const targetBefore = contentsOf(target);
  const fileBefore = sha256Of(file);
  let caught: unknown = null;
  try {
    await restoreBackup(file, target, options.unlock ?? unlockByCode());
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the restore went through').not.toBeNull();
  expect(readdirSync(parent).sort()).toEqual(besideBefore);
  expect(readdirSync(parent).filter((name) => name.includes('.restoring-'))).toEqual([]);
  expect(contentsOf(target)).toEqual(targetBefore);
  expect(sha256Of(file)).toBe(fileBefore);
  const error = caught as ServiceError;
  expect(
    error,
    `a refusal the person can act on (ServiceError with ${codes.join(' or ')}), not ${String(error)}`,
  ).toBeInstanceOf(ServiceError);
  expect([options.status ?? 'validation_failed'].flat()).toContain(error.code);
  expect(error.issues).toHaveLength(1);
  expect(codes).toContain(error.issues[0]!.code);
  return error;
}

/** A copy of the good backup with `change` made to its bytes. */
function alteredCopy(change: (bytes: Buffer) => Buffer, name = 'altered.rdbackup'): string {
  const file = join(caseDir(), name);
  writeFileSync(file, change(Buffer.from(readFileSync(backup))));
  return file;
}

function flipped(bytes: Buffer, at: number): Buffer {
  bytes[at] = bytes[at]! ^ 0x01;
  return bytes;
}

function entry(name: string): EntryBytes {
  return entries.find((e) => e.name === name)!;
}

function sealedManifestOf(): { manifest: BackupManifest; mac: string } {
  return JSON.parse(manifestText);
}

/**
 * A backup rebuilt from the good one's entries with `edit` applied to the list, and `sealed`
 * as its manifest (the good one's, byte for byte, when not given).
 */
function rebuilt(
  edit: (list: { name: string; data: Buffer }[]) => { name: string; data: Buffer }[],
  sealed?: { manifest: BackupManifest; mac: string },
): string {
  const file = join(caseDir(), 'rebuilt.rdbackup');
  const list = edit(entries.map(({ name, data }) => ({ name, data: Buffer.from(data) })));
  writeBackupParts(file, list, sealed ? JSON.stringify(sealed) : manifestText);
  return file;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('the good backup restores (the refusals below are the alterations, not the setup)', () => {
  it('as written, and rebuilt entry for entry', async () => {
    for (const file of [backup, rebuilt((list) => list)]) {
      const target = join(caseDir(), 'restored');
      const { report } = await restoreBackup(file, target, unlockByCode());
      expect(report.counts.evidenceFiles).toBe(2);
      expect(readdirSync(target)).toHaveLength(3);
    }
  });
});

describe('a cut backup', () => {
  const cuts: [string, (length: number) => number][] = [
    ['cut in half', (length) => Math.floor(length / 2)],
    ['the last 100 bytes gone', (length) => length - 100],
    ['only the first 1000 bytes', () => 1000],
    ['the closing record gone (last 24 bytes)', (length) => length - 24],
    ['the closing record and the manifest gone (ends after its entries)', () => manifestOffset],
    ['one byte short', (length) => length - 1],
    ['empty', () => 0],
  ];
  for (const [name, at] of cuts)
    it(`${name}: backup_unreadable, nothing restored`, async () => {
      const file = alteredCopy((bytes) => bytes.subarray(0, at(bytes.length)));
      const refused = await expectRefused(file, ['backup_unreadable', 'backup_altered']);
      expect(refused.message).toContain(file);
    });

  it('into an empty folder that exists: it stays empty', async () => {
    const file = alteredCopy((bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = join(file, '..', 'empty');
    mkdirSync(target);
    await expectRefused(file, ['backup_unreadable'], { target });
    expect(readdirSync(target)).toEqual([]);
  });

  it('a file that is no backup at all: backup_unreadable', async () => {
    const file = join(caseDir(), 'notes.rdbackup');
    writeFileSync(file, 'not a backup at all\n'.repeat(200));
    const refused = await expectRefused(file, ['backup_unreadable']);
    expect(refused.message).toMatch(/is not a Review Desk backup/);
  });

  it('a zip (the layout of development builds before this one): backup_unreadable, saying so', async () => {
    const file = join(caseDir(), 'old.rdbackup');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(400)]));
    const refused = await expectRefused(file, ['backup_unreadable']);
    expect(refused.message).toMatch(/is a zip/);
  });

  it('a backup from a newer format: backup_too_new, saying to update', async () => {
    const file = alteredCopy((bytes) => {
      bytes.writeUInt32LE(3, 8);
      return bytes;
    });
    const refused = await expectRefused(file, ['backup_too_new']);
    expect(refused.message).toMatch(/newer Review Desk/);
  });
});

describe('a byte flipped in the backup', () => {
  it('in the middle of the database entry: backup_altered, nothing restored', async () => {
    const db = entry(ENTRY.database);
    expect(db.data.length).toBeGreaterThan(4096);
    const file = alteredCopy((bytes) => flipped(bytes, db.dataOffset + db.data.length / 2));
    const refused = await expectRefused(file, ['backup_altered']);
    expect(refused.message).toMatch(/database does not match its SHA-256/);
  });

  it('in the first or last byte of the database entry: backup_altered', async () => {
    const db = entry(ENTRY.database);
    for (const at of [db.dataOffset, db.dataOffset + db.data.length - 1])
      await expectRefused(
        alteredCopy((bytes) => flipped(bytes, at)),
        ['backup_altered'],
      );
  });

  it('in an evidence entry: backup_altered', async () => {
    const evidence = entries.find((e) => e.name.startsWith('evidence/'))!;
    const file = alteredCopy((bytes) =>
      flipped(bytes, evidence.dataOffset + Math.floor(evidence.data.length / 2)),
    );
    const refused = await expectRefused(file, ['backup_altered']);
    expect(refused.message).toContain(evidence.name);
  });

  it('in the middle of the file: backup_altered or backup_unreadable', async () => {
    const file = alteredCopy((bytes) => flipped(bytes, Math.floor(bytes.length / 2)));
    await expectRefused(file, ['backup_altered', 'backup_unreadable']);
  });

  it('in the manifest: backup_altered', async () => {
    const text = manifestText;
    // A digit of the first entry's size (the entries no longer tile the file), a digit of the
    // time it was taken and a character of the MAC (the MAC no longer verifies): each still
    // valid JSON.
    const at = [
      text.indexOf('"size":') + 7,
      text.indexOf('"takenAt":"') + 12,
      text.indexOf('"mac":"') + 9,
    ];
    const messages = [];
    for (const offset of at) {
      expect(offset).toBeGreaterThan(10);
      const refused = await expectRefused(
        alteredCopy((bytes) => flipped(bytes, manifestOffset + offset)),
        ['backup_altered'],
      );
      messages.push(refused.message);
    }
    expect(messages[0]).toMatch(/does not start where the entry before it ends/);
    expect(messages[1]).toMatch(/manifest does not match the workspace key/);
    expect(messages[2]).toMatch(/manifest does not match the workspace key/);
  });

  it("in the closing record's pointer to the manifest: backup_altered", async () => {
    const file = alteredCopy((bytes) => flipped(bytes, bytes.length - 24));
    const refused = await expectRefused(file, ['backup_altered']);
    expect(refused.message).toMatch(/closing record does not point at its manifest/);
  });

  it('in the sealed key of the key file inside it: refused, nothing restored', async () => {
    const keys = entry(ENTRY.keys);
    const text = keys.data.toString('utf8');
    const seal = text.indexOf('"ciphertext":"', text.indexOf('"by":"recovery-code"'));
    expect(seal).toBeGreaterThan(0);
    // The seal no longer opens: to the person, the code does not open this backup.
    await expectRefused(
      alteredCopy((bytes) => flipped(bytes, keys.dataOffset + seal + 16)),
      ['wrong_recovery_code', 'backup_altered'],
      { status: ['forbidden', 'validation_failed'] },
    );
  });

  it('in the key file so it is no longer JSON: refused as a ServiceError, nothing restored', async () => {
    const keys = entry(ENTRY.keys);
    expect(keys.data.toString('utf8', 0, 1)).toBe('{');
    // The opening brace turned into a 'z': the entry no longer parses.
    await expectRefused(
      alteredCopy((bytes) => flipped(bytes, keys.dataOffset)),
      ['backup_altered', 'backup_unreadable', 'key_file_unreadable'],
    );
  });
});

describe('a manifest rewritten by hand (the old MAC kept)', () => {
  const cases: [string, (sealed: { manifest: BackupManifest; mac: string }) => void][] = [
    ['another takenAt', (s) => (s.manifest.takenAt = '2020-01-01T00:00:00.000Z')],
    ['other counts', (s) => (s.manifest.counts.claims += 1)],
    ['a changed workspace id', (s) => (s.manifest.workspaceId = randomUUID())],
  ];
  for (const [name, edit] of cases)
    it(`${name}: backup_altered`, async () => {
      const sealed = sealedManifestOf();
      edit(sealed);
      const file = rebuilt((list) => list, sealed);
      const refused = await expectRefused(file, ['backup_altered']);
      expect(refused.message).toMatch(/manifest does not match the workspace key/);
    });

  it('a new database with its hash put in the manifest: backup_altered', async () => {
    const other = flipped(
      Buffer.from(entry(ENTRY.database).data),
      entry(ENTRY.database).data.length - 10,
    );
    const sealed = sealedManifestOf();
    const listed = sealed.manifest.entries.find((e) => e.name === ENTRY.database)!;
    listed.sha256 = sha256(other);
    const file = rebuilt(
      (list) => list.map((e) => (e.name === ENTRY.database ? { ...e, data: other } : e)),
      sealed,
    );
    await expectRefused(file, ['backup_altered']);
  });

  it('an evidence file taken out of the file and the manifest: backup_altered', async () => {
    // The last one, so the others keep their offsets and only the MAC can tell.
    const gone = entries.at(-1)!.name;
    expect(gone).toMatch(/^evidence\//);
    const sealed = sealedManifestOf();
    sealed.manifest.entries = sealed.manifest.entries.filter((e) => e.name !== gone);
    const file = rebuilt((list) => list.filter((e) => e.name !== gone), sealed);
    const refused = await expectRefused(file, ['backup_altered']);
    expect(refused.message).toMatch(/manifest does not match the workspace key/);
  });

  it('a MAC made under another key: backup_altered', async () => {
    const sealed = sealedManifestOf();
    sealed.manifest.takenAt = '2020-01-01T00:00:00.000Z';
    sealed.mac = manifestMac(newWorkspaceKey(), sealed.manifest);
    const file = rebuilt((list) => list, sealed);
    await expectRefused(file, ['backup_altered']);
  });

  it('the manifest as it was, bytes added that it does not list: backup_altered', async () => {
    const file = rebuilt((list) => [
      ...list,
      { name: 'evidence/ab/extra.txt', data: Buffer.from('planted') },
    ]);
    const refused = await expectRefused(file, ['backup_altered']);
    expect(refused.message).toMatch(/not in its manifest/);
  });

  it('a key file entry claiming to be huge: backup_altered, read no further', async () => {
    const sealed = sealedManifestOf();
    const huge = 2 * 1024 * 1024;
    // The key file's bytes padded out so the entries still tile the file; the MAC is the old one.
    const padded = Buffer.concat([entry(ENTRY.keys).data, Buffer.alloc(huge)]);
    let shift = 0;
    for (const listed of sealed.manifest.entries) {
      listed.offset += shift;
      if (listed.name === ENTRY.keys) {
        shift = padded.length - listed.size;
        listed.size = padded.length;
      }
    }
    const file = rebuilt(
      (list) => list.map((e) => (e.name === ENTRY.keys ? { ...e, data: padded } : e)),
      sealed,
    );
    const refused = await expectRefused(file, ['backup_altered']);
    expect(refused.message).toMatch(/keys\.json\) is 2\d{6} bytes/);
  });

  it('a manifest (sealed with the key) that lists no database: backup_incomplete', async () => {
    const sealed = sealedManifestOf();
    sealed.manifest.entries = sealed.manifest.entries.filter((e) => e.name !== ENTRY.database);
    sealed.mac = manifestMac(workspaceKey, sealed.manifest);
    const file = rebuilt((list) => list.filter((e) => e.name !== ENTRY.database), sealed);
    const refused = await expectRefused(file, ['backup_incomplete']);
    expect(refused.message).toMatch(/lacks its database/);
  });
});

describe('a damaged workspace inside an authentic backup', () => {
  it('an audit log altered before the backup was taken: backup_damaged', async () => {
    const dir = caseDir();
    const ws = await councilWorkspaceWithEvidence(join(dir, 'ws'), join(dir, 'scratch'));
    const raw = openRawDatabase(join(ws.ctx.dataDir, DATABASE_FILE_NAME), ws.ctx.workspaceKey);
    raw.exec('DROP TRIGGER audit_no_update');
    raw.exec(`UPDATE audit_log SET actor = '다른 사람' WHERE seq = 2`);
    raw.close();
    const made = await writeBackup(ws.ctx, join(dir, 'damaged.rdbackup'));
    lockWorkspace(ws.ctx);
    const refused = await expectRefused(made.file, ['backup_damaged'], {
      unlock: { recoveryCode: ws.recoveryCode },
    });
    expect(refused.message).toMatch(/audit log does not verify/);
  });

  /**
   * What a backup of a database already damaged on disk would hold: every hash fits and the
   * manifest is authentic, the database is not. Made here with the key, as only the workspace
   * itself could.
   */
  function backupWithDamagedDatabase(at: (size: number) => number): string {
    const damaged = Buffer.from(entry(ENTRY.database).data);
    flipped(damaged, at(damaged.length));
    const sealed = sealedManifestOf();
    const listed = sealed.manifest.entries.find((e) => e.name === ENTRY.database)!;
    listed.sha256 = sha256(damaged);
    sealed.mac = manifestMac(workspaceKey, sealed.manifest);
    return rebuilt(
      (list) => list.map((e) => (e.name === ENTRY.database ? { ...e, data: damaged } : e)),
      sealed,
    );
  }

  const PAGE = 4096;
  const pages: [string, (size: number) => number][] = [
    ['its first page', () => 100],
    ['its third page', () => 2 * PAGE + 100],
    ['its last page', (size) => size - 100],
  ];
  for (const [name, at] of pages)
    it(`a byte of ${name} damaged before the backup was taken: backup_damaged`, async () => {
      expect(entry(ENTRY.database).data.length).toBeGreaterThan(3 * PAGE);
      const refused = await expectRefused(backupWithDamagedDatabase(at), ['backup_damaged']);
      expect(refused.message).toMatch(/damaged|integrity/);
    });
});

describe('the wrong secret', () => {
  it('a wrong recovery code: wrong_recovery_code, nothing restored', async () => {
    const file = join(caseDir(), 'copy.rdbackup');
    copyFileSync(backup, file);
    const refused = await expectRefused(file, ['wrong_recovery_code'], {
      unlock: { recoveryCode: newRecoveryCode() },
      status: 'forbidden',
    });
    expect(refused.message).toMatch(/check it against the printed code/);
    expect(refused.message).toContain(file);
  });

  it('a wrong passphrase: wrong_passphrase; a malformed code: malformed_recovery_code', async () => {
    const file = join(caseDir(), 'copy.rdbackup');
    copyFileSync(backup, file);
    await expectRefused(file, ['wrong_passphrase'], {
      unlock: { passphrase: `${TEST_PASSPHRASE}x` },
      status: 'forbidden',
    });
    await expectRefused(file, ['malformed_recovery_code'], {
      unlock: { recoveryCode: recoveryCode.slice(0, 20) },
    });
    // And the right one, after all that, restores.
    const { report } = await restoreBackup(file, join(file, '..', 'restored'), unlockByCode());
    expect(report.counts.evidenceFiles).toBe(2);
  });
});

describe('restoring where a workspace is', () => {
  it('refuses with workspace_not_empty and leaves the workspace there byte for byte', async () => {
    const target = join(caseDir(), 'existing');
    lockWorkspace(openTestWorkspace(target));
    const file = join(caseDir(), 'copy.rdbackup');
    copyFileSync(backup, file);
    const before = snapshot(target);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([DATABASE_FILE_NAME, basename(keyFilePathFor(DATABASE_FILE_NAME))]),
    );
    const refused = await expectRefused(file, ['workspace_not_empty'], { target });
    expect(refused.message).toMatch(/never over one/);
    expect(snapshot(target)).toEqual(before);
    // Still the workspace it was, opening with its own passphrase.
    const reopened = unlockWorkspace(target, { passphrase: TEST_PASSPHRASE });
    expect(reopened.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    lockWorkspace(reopened);
  });

  it('refuses a folder with only a key file, or stored evidence, in it', async () => {
    const file = join(caseDir(), 'copy.rdbackup');
    copyFileSync(backup, file);
    const keyOnly = join(file, '..', 'key-only');
    mkdirSync(keyOnly);
    writeFileSync(keyFilePathFor(join(keyOnly, DATABASE_FILE_NAME)), '{}');
    await expectRefused(file, ['workspace_not_empty'], { target: keyOnly });
    const evidenceOnly = join(file, '..', 'evidence-only');
    mkdirSync(join(evidenceOnly, 'evidence', 'ab'), { recursive: true });
    writeFileSync(join(evidenceOnly, 'evidence', 'ab', 'x'), 'x');
    await expectRefused(file, ['workspace_not_empty'], { target: evidenceOnly });
    const notFolder = join(file, '..', 'a-file');
    writeFileSync(notFolder, 'x');
    await expectRefused(file, ['restore_target_not_folder'], { target: notFolder });
  });

  it("restores beside other files in the folder (the app's user data), leaving them be", async () => {
    const file = join(caseDir(), 'copy.rdbackup');
    copyFileSync(backup, file);
    const target = join(file, '..', 'user-data');
    mkdirSync(join(target, 'evidence'), { recursive: true });
    mkdirSync(join(target, 'logs'));
    writeFileSync(join(target, 'logs', 'main.log'), 'log line\n');
    writeFileSync(join(target, 'Preferences'), '{}');
    await restoreBackup(file, target, unlockByCode());
    expect(readFileSync(join(target, 'logs', 'main.log'), 'utf8')).toBe('log line\n');
    expect(readFileSync(join(target, 'Preferences'), 'utf8')).toBe('{}');
    const ctx = unlockWorkspace(target, { recoveryCode });
    expect(ctx.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBeGreaterThan(0);
    lockWorkspace(ctx);
  });
});

describe('automatic backups into a folder', () => {
  it('keeps the last N and never removes a file not named like an automatic backup', async () => {
    const folder = caseDir();
    const others = {
      'my-backup.rdbackup': 'a backup saved by hand',
      'review-desk-20221220-093000.rdbackup.txt': 'a note',
      'review-desk-2022-12-20.rdbackup': 'named by hand',
      'Review-Desk-20221220-093000.rdbackup': 'other case',
      'review-desk-20221220-0930000.rdbackup': 'one digit more',
      'notes.txt': 'notes',
    };
    for (const [name, text] of Object.entries(others)) writeFileSync(join(folder, name), text);
    // An old automatic backup from before: the oldest, the first to go.
    writeFileSync(join(folder, 'review-desk-20221201-000000.rdbackup'), 'old automatic');
    mkdirSync(join(folder, 'review-desk-20221202-000000.rdbackup.d'));

    const ws = openTempWorkspace();
    cleanups.push(ws.cleanup);
    const times = [
      '2023-01-05T09:00:00.000Z',
      '2023-01-05T09:00:01.000Z',
      '2023-01-06T18:30:59.000Z',
      '2023-01-07T00:00:00.000Z',
    ];
    const made: string[] = [];
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const at of times) {
      vi.setSystemTime(new Date(at));
      made.push(basename((await backUpInto(ws, folder, 2)).file));
    }
    vi.useRealTimers();
    expect(made).toEqual([
      'review-desk-20230105-090000.rdbackup',
      'review-desk-20230105-090001.rdbackup',
      'review-desk-20230106-183059.rdbackup',
      'review-desk-20230107-000000.rdbackup',
    ]);
    const left = readdirSync(folder).sort();
    expect(left).toEqual(
      [
        ...Object.keys(others),
        'review-desk-20221202-000000.rdbackup.d',
        'review-desk-20230106-183059.rdbackup',
        'review-desk-20230107-000000.rdbackup',
      ].sort(),
    );
    for (const [name, text] of Object.entries(others))
      expect(readFileSync(join(folder, name), 'utf8')).toBe(text);
    // What is kept is a whole backup.
    const { report } = await restoreBackup(
      join(folder, 'review-desk-20230107-000000.rdbackup'),
      join(caseDir(), 'restored'),
      { passphrase: TEST_PASSPHRASE },
    );
    expect(report.takenAt).toBe('2023-01-07T00:00:00.000Z');
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionFileSha256 } from '../../../src/main/services/decision-files';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir, steppingClock } from '../../helpers/temp-workspace';
import { CHAIR, SECRETARY } from '../meetings/support';
import { PASSPHRASE } from './council';
import { heldMeeting, makeKeys, rosterOf } from './export-fixture';
import { openTestWorkspace, testPassphraseFile } from '../../helpers/workspace-key';

/*
 * Issue 12, "durable before acknowledged": export-decisions killed (SIGKILL, through the
 * test-only REVIEW_DESK_CRASH_AT crash points) at each step of its work. On the next start the
 * workspace either records a file that is complete under its name, or does not record the
 * export at all; the next export never chains to a file nobody has; a retry under the same
 * name works (no 0-byte or partial file is ever left under the name).
 */

const ROOT = join(import.meta.dirname, '../../..');
const { dir, cleanup } = makeTempDir('review-desk-export-crash-');
afterAll(cleanup);
const keys = makeKeys(dir);
const rosterText = rosterOf(keys);
const passFile = join(dir, 'pass.txt');
writeFileSync(passFile, `${PASSPHRASE}\n`);

function cli(args: string[], crashAt?: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REVIEW_DESK_PASSPHRASE_FILE: testPassphraseFile(),
  };
  delete env.REVIEW_DESK_CRASH_AT;
  if (crashAt) env.REVIEW_DESK_CRASH_AT = crashAt;
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/review-desk.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env,
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** A workspace with the keys' roster and meeting 1 held and closed; returns its db file. */
function workspace(name: string): string {
  const wsDir = join(dir, name);
  mkdirSync(wsDir);
  const ws = openTestWorkspace(wsDir, { now: steppingClock() });
  try {
    loadSampleClaims(ws);
    importRoster(ws, rosterText);
    heldMeeting(ws, 1, keys);
  } finally {
    ws.db.close();
  }
  return join(wsDir, DATABASE_FILE_NAME);
}

/** The secretary exports (their key unlocked with --as); the chair and secretary sign. */
function exportArgs(db: string, out: string): string[] {
  return [
    'export-decisions',
    '--as',
    keys[SECRETARY]!.keyFile,
    '--passphrase-file',
    passFile,
    '--meeting',
    '1',
    '--sign-with',
    keys[CHAIR]!.keyFile,
    '--sign-with',
    keys[SECRETARY]!.keyFile,
    '--passphrase-file',
    passFile,
    '--passphrase-file',
    passFile,
    '--db',
    db,
    '--out',
    out,
  ];
}

interface Recorded {
  id: number;
  fileSha256: string;
  payloadSha256: string;
  previous: string | null;
  text: string;
}

/** What the next start finds: the recorded files, oldest first (opening runs migrations). */
function recorded(db: string): Recorded[] {
  const ws = openTestWorkspace(join(db, '..'), {});
  try {
    return ws.db
      .prepare(
        `SELECT id, file_sha256 AS fileSha256, payload_sha256 AS payloadSha256,
                previous_payload_sha256 AS previous, file_text AS text
         FROM decision_files ORDER BY id`,
      )
      .all() as Recorded[];
  } finally {
    ws.db.close();
  }
}

/** Every recorded file is complete: its bytes are exactly the recorded text. */
function expectComplete(path: string, file: Recorded) {
  expect(existsSync(path)).toBe(true);
  expect(readFileSync(path, 'utf8')).toBe(file.text);
  expect(decisionFileSha256(readFileSync(path, 'utf8'))).toBe(file.payloadSha256);
}

const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.partial'));

describe('export-decisions killed mid-way', { timeout: 240_000 }, () => {
  it('killed with the file in place but not yet recorded: the retry under the same name records that very file', () => {
    const db = workspace('in-place');
    const outDir = join(dir, 'out-in-place');
    mkdirSync(outDir);
    const out = join(outDir, 'decisions-1.json');

    const killed = cli(exportArgs(db, out), 'export-decisions:file-in-place');
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe('');
    // The next start: the export is not recorded; the file under the name is complete.
    expect(recorded(db)).toEqual([]);
    const left = readFileSync(out, 'utf8');
    expect(decisionFileSha256(left)).toMatch(/^[0-9a-f]{64}$/);
    expect(leftovers(outDir)).toEqual([]);

    const retry = cli(exportArgs(db, out));
    expect(retry.stderr).toBe('');
    expect(retry.code).toBe(0);
    expect(retry.stdout).toMatch(/interrupted export/);
    const files = recorded(db);
    expect(files).toHaveLength(1);
    expect(files[0]!.previous).toBeNull();
    expect(files[0]!.text).toBe(left);
    expectComplete(out, files[0]!);
  });

  it('killed before the file is in place: nothing recorded, nothing under the name, the retry works', () => {
    const db = workspace('temp');
    const outDir = join(dir, 'out-temp');
    mkdirSync(outDir);
    const out = join(outDir, 'decisions-1.json');

    const killed = cli(exportArgs(db, out), 'new-file:temp-synced');
    expect(killed.signal).toBe('SIGKILL');
    expect(recorded(db)).toEqual([]);
    expect(existsSync(out)).toBe(false);
    // A kill (unlike a failure) may leave the dot-named temp file; never a file under the name.
    expect(leftovers(outDir)).toHaveLength(1);

    const retry = cli(exportArgs(db, out));
    expect(retry.stderr).toBe('');
    expect(retry.code).toBe(0);
    expect(retry.stdout).not.toMatch(/interrupted export/);
    const files = recorded(db);
    expect(files).toHaveLength(1);
    expect(files[0]!.previous).toBeNull();
    expectComplete(out, files[0]!);
    // The killed attempt's temp file goes once the name holds its file.
    expect(leftovers(outDir)).toEqual([]);
  });

  it('killed after the commit: the recorded file is complete, the next export chains to it, --resave writes it again', () => {
    const db = workspace('committed');
    const outDir = join(dir, 'out-committed');
    mkdirSync(outDir);
    const out = join(outDir, 'decisions-1.json');

    const killed = cli(exportArgs(db, out), 'export-decisions:after-commit');
    expect(killed.signal).toBe('SIGKILL');
    const [first] = recorded(db);
    expect(first).toBeDefined();
    expectComplete(out, first!);

    const next = join(outDir, 'decisions-1-again.json');
    const again = cli(exportArgs(db, next));
    expect(again.code).toBe(0);
    const files = recorded(db);
    expect(files).toHaveLength(2);
    expect(files[1]!.previous).toBe(first!.payloadSha256);
    expectComplete(next, files[1]!);

    // --resave: the exact recorded text, the latest by default or a chosen one; never over.
    const copy = join(outDir, 'copy.json');
    const resaved = cli([
      'export-decisions',
      '--resave',
      '--meeting',
      '1',
      '--db',
      db,
      '--out',
      copy,
    ]);
    expect(resaved.stderr).toBe('');
    expect(resaved.code).toBe(0);
    expect(readFileSync(copy, 'utf8')).toBe(files[1]!.text);
    const firstCopy = join(outDir, 'first-copy.json');
    const chosen = cli([
      'export-decisions',
      '--resave',
      '--meeting',
      '1',
      '--file',
      String(first!.id),
      '--db',
      db,
      '--out',
      firstCopy,
    ]);
    expect(chosen.code).toBe(0);
    expect(readFileSync(firstCopy, 'utf8')).toBe(first!.text);
    const over = cli(['export-decisions', '--resave', '--meeting', '1', '--db', db, '--out', copy]);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/never overwritten/);
    expect(leftovers(outDir)).toEqual([]);
  });
});

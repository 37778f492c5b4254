import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import { backUpInto } from '../../../src/main/services/backup/auto-backup';
import { restoreBackup } from '../../../src/main/services/backup/restore-backup';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { forgetKey } from '../../../src/main/services/workspace-key';
import { makeTempDir } from '../../helpers/temp-workspace';
import {
  openTestWorkspace,
  TEST_PASSPHRASE,
  testPassphraseFile,
} from '../../helpers/workspace-key';

/*
 * kill -9 at random moments of an automatic backup, 30 times: the backup made before stays
 * restorable every time, and no file under a backup's name is ever a cut one (each file named
 * like an automatic backup restores whole). Only dot-named .partial litter may be left.
 */
const TRIALS = 30;
const MAX_ATTEMPTS = 3 * TRIALS;
const RESOURCES = join(import.meta.dirname, '../../../resources');
const CHILD = join(import.meta.dirname, 'backup-child.ts');
const AUTOMATIC = /^review-desk-\d{8}-\d{6}\.rdbackup$/;

const temp = makeTempDir('review-desk-kill-backup-');
const dataDir = join(temp.dir, 'workspace');
const folder = join(temp.dir, 'usb-stick');
let firstBackup: string;
let backupMs: number;

/** Starts the child; resolves when it says it is backing up, with the process. */
function startChild() {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, folder], {
    env: { ...process.env, REVIEW_DESK_PASSPHRASE_FILE: testPassphraseFile() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const backingUp = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('backing up')) resolve();
    });
    void ended.then(() => reject(new Error(`the child ended first: ${output}`)));
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, ended, backingUp, output: () => output };
}

/** The milliseconds a child that finished says its backup took. */
function durationOf(output: string): number | null {
  const match = /done (\d+)/.exec(output);
  return match ? Number(match[1]) : null;
}

async function restores(file: string): Promise<boolean> {
  const to = makeTempDir('review-desk-kill-restore-');
  try {
    const { report, key } = await restoreBackup(file, join(to.dir, 'ws'), {
      passphrase: TEST_PASSPHRASE,
    });
    forgetKey(key);
    return report.counts.claims > 0;
  } finally {
    to.cleanup();
  }
}

beforeAll(async () => {
  const ws = openTestWorkspace(dataDir);
  const { file, evidence } = demoBatchPaths(RESOURCES);
  await importBatch(ws, { file, evidence, mapping: null, sheet: null, intoBatchId: null });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder);
  firstBackup = (await backUpInto(ws, folder, 100)).file;
  ws.db.close();
  // How long one backup takes in a child, so the kills land across all of it.
  const timing = startChild();
  await timing.ended;
  backupMs = durationOf(timing.output()) ?? 300;
}, 120_000);
afterAll(() => temp.cleanup());

describe('kill -9 during an automatic backup', () => {
  it(`leaves the previous backup restorable and no cut file under a backup's name (${TRIALS} kills inside a backup)`, async () => {
    // A kill only proves something when it lands inside the backup. How long a backup takes
    // depends on the machine's load at the time, so each child that finishes before its kill
    // says how long it took and the kills aim within the shortest time seen; attempts stop at
    // TRIALS kills inside a backup, or fail after MAX_ATTEMPTS.
    const outcomes = { killedMidway: 0, finishedFirst: 0 };
    let aimMs = backupMs;
    for (let attempt = 0; outcomes.killedMidway < TRIALS; attempt += 1) {
      expect(attempt, `kills inside a backup after ${attempt} attempts`).toBeLessThan(MAX_ATTEMPTS);
      const run = startChild();
      await run.backingUp;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * aimMs));
      run.child.kill('SIGKILL');
      const { signal } = await run.ended;
      if (signal === 'SIGKILL') outcomes.killedMidway += 1;
      else {
        outcomes.finishedFirst += 1;
        aimMs = Math.min(aimMs, durationOf(run.output()) ?? aimMs);
      }
      expect(await restores(firstBackup), `attempt ${attempt}`).toBe(true);
      // Every file named as a backup is whole: a kill leaves only dot-named litter.
      for (const name of readdirSync(folder).filter((n) => !n.startsWith('.'))) {
        expect(name).toMatch(AUTOMATIC);
      }
    }
    const named = readdirSync(folder).filter((n) => AUTOMATIC.test(n));
    for (const name of named) expect(await restores(join(folder, name)), name).toBe(true);
    console.log(
      `kill -9 trials: ${JSON.stringify({ ...outcomes, backupMs, aimMs, backupsNamed: named.length })}`,
    );
  }, 900_000);
});

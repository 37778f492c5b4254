import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir, steppingClock } from '../../helpers/temp-workspace';
import { CHAIR, SECRETARY } from '../meetings/support';
import { PASSPHRASE } from './council';
import { heldMeeting, makeKeys, rosterOf, storeEvidence } from './export-fixture';
import { cli } from '../../helpers/run-cli';
import { openTestWorkspace } from '../../helpers/workspace-key';

const { dir, cleanup } = makeTempDir('review-desk-cli-export-');
afterAll(cleanup);

describe('review-desk export-decisions', { timeout: 120_000 }, () => {
  it('exports a signed file that review-desk verify accepts', () => {
    const keys = makeKeys(dir);
    const rosterText = rosterOf(keys);
    const rosterFile = join(dir, 'roster.json');
    writeFileSync(rosterFile, rosterText);
    const wsDir = join(dir, 'ws');
    mkdirSync(wsDir);
    const ws = openTestWorkspace(wsDir, { now: steppingClock() });
    let evidenceDir: string;
    try {
      loadSampleClaims(ws);
      importRoster(ws, rosterText);
      evidenceDir = storeEvidence(ws, dir);
      heldMeeting(ws, 1, keys);
    } finally {
      ws.db.close();
    }
    const passFile = join(dir, 'pass.txt');
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    const db = join(wsDir, DATABASE_FILE_NAME);
    const out = join(dir, 'decisions-1.json');
    // The secretary exports, their key unlocked for the run (--as); the signers sign the file.
    const asSecretary = ['--as', keys[SECRETARY]!.keyFile, '--passphrase-file', passFile];
    const unlocked = [
      'export-decisions',
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
    ];
    const args = [...unlocked.slice(0, 1), ...asSecretary, ...unlocked.slice(1)];

    // Without a key unlocked nobody may export: refused, naming who may, nothing left behind.
    const nobody = cli(...unlocked, '--out', out);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(
      /^review-desk: Exporting a decision file needs the key of a secretary or chair: unlock your key first/,
    );
    expect(existsSync(out)).toBe(false);
    const member = cli(
      ...unlocked,
      '--as',
      keys['김민준']!.keyFile,
      '--passphrase-file',
      passFile,
      '--out',
      out,
    );
    expect(member.code).toBe(1);
    expect(member.stderr).toMatch(/secretary or chair.*김민준 is the member/);
    expect(existsSync(out)).toBe(false);

    const run = cli(...args, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/signed 2 decisions/);

    const verified = cli(
      'verify',
      out,
      '--roster',
      rosterFile,
      '--evidence',
      evidenceDir,
      '--json',
    );
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({
      valid: true,
      records: { total: 2, valid: 2, invalid: [] },
      evidence: { checked: 1, mismatched: 0 },
    });

    // Refusals: an existing out file, a passphrase file count that does not match, chair alone.
    expect(cli(...args, '--out', out).stderr).toMatch(/never overwritten/);
    const mismatched = cli(...args.slice(0, -4), '--db', db, '--out', join(dir, 'x.json'));
    expect(mismatched.code).toBe(1);
    expect(mismatched.stderr).toMatch(/one --passphrase-file per --sign-with/);
    const alone = cli(
      'export-decisions',
      ...asSecretary,
      '--meeting',
      '1',
      '--sign-with',
      keys[CHAIR]!.keyFile,
      '--passphrase-file',
      passFile,
      '--db',
      db,
      '--out',
      join(dir, 'y.json'),
    );
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/missing: secretary/);
    expect(existsSync(join(dir, 'y.json'))).toBe(false);

    const after = openTestWorkspace(wsDir);
    try {
      expect(after.db.prepare('SELECT exported_by AS by FROM decision_files').all()).toEqual([
        { by: SECRETARY },
      ]);
    } finally {
      after.db.close();
    }
  });
});

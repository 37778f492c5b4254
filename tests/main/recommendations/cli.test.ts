import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { actAs } from '../../../src/main/services/identity/acting';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir, steppingClock } from '../../helpers/temp-workspace';
import { PASSPHRASE } from '../decision-file/council';
import { makeKeys, rosterOf, type Keyed } from '../decision-file/export-fixture';
import { REVIEW_CLAIM } from '../meetings/support';
import { cli } from '../../helpers/run-cli';
import { openTestWorkspace } from '../../helpers/workspace-key';

const { dir, cleanup } = makeTempDir('review-desk-cli-recs-');
afterAll(cleanup);

/** A workspace with the sample claims and the roster; a member's also holds a decision of theirs. */
function workspace(name: string, rosterText: string, member?: Keyed): string {
  const ws = openTestWorkspace(join(dir, name), { now: steppingClock() });
  try {
    loadSampleClaims(ws);
    importRoster(ws, rosterText);
    if (member) {
      actAs(ws, member);
      recordDecision(ws, {
        claimId: REVIEW_CLAIM,
        outcome: 'approve',
        amount: 620_000,
        reasonCodes: [],
        note: '',
        replacesId: null,
        amendmentReason: null,
      });
    }
  } finally {
    ws.db.close();
  }
  return join(dir, name, DATABASE_FILE_NAME);
}

describe('review-desk recommendations', { timeout: 120_000 }, () => {
  it('exports a signed file and imports it, refusing a tampered copy with exit 1', () => {
    const keys = makeKeys(dir);
    const rosterText = rosterOf(keys);
    const memberDb = workspace('member', rosterText, keys['김민준']);
    const secretaryDb = workspace('secretary', rosterText);
    const passFile = join(dir, 'pass.txt');
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    const as = (name: string) => ['--as', keys[name]!.keyFile, '--passphrase-file', passFile];
    const out = join(dir, 'recs.json');
    // The member acts with their own key, which signs the file.
    const exportTo = (file: string) =>
      cli(
        'recommendations',
        'export',
        '--batch',
        '1',
        ...as('김민준'),
        '--out',
        file,
        '--db',
        memberDb,
      );
    const exported = exportTo(out);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const written = readFileSync(out, 'utf8');
    const overwrite = exportTo(out);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toMatch(/already exists; a signed file is never overwritten/);
    expect(readFileSync(out, 'utf8')).toBe(written);

    // Importing members' files is the secretary's act: refused without the key, or with a member's.
    const nobody = cli('recommendations', 'import', out, '--db', secretaryDb);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(
      /recommendations\.imported needs the key of a secretary or chair on the roster; nobody has unlocked/,
    );
    const member = cli('recommendations', 'import', out, '--db', secretaryDb, ...as('김민준'));
    expect(member.code).toBe(1);
    expect(member.stderr).toMatch(/secretary or chair .*김민준 is the member/);

    const secretary = as('박서연');
    const imported = cli(
      'recommendations',
      'import',
      out,
      '--db',
      secretaryDb,
      '--json',
      ...secretary,
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      files: [{ member: '김민준', count: 1, alreadyImported: false }],
      refused: [],
    });

    const tampered = join(dir, 'tampered.json');
    const jws = JSON.parse(readFileSync(out, 'utf8')) as { payload: string };
    const payload = Buffer.from(jws.payload, 'base64url')
      .toString('utf8')
      .replace('620000', '920000');
    writeFileSync(
      tampered,
      JSON.stringify({ ...jws, payload: Buffer.from(payload).toString('base64url') }),
    );
    const again = cli(
      'recommendations',
      'import',
      out,
      tampered,
      '--db',
      secretaryDb,
      ...secretary,
    );
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/already imported/);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/refused .*tampered\.json: .*altered/);
  });
});

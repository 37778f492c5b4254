import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runRecommendations } from '../../../src/main/cli/recommendations';
import { runRoster } from '../../../src/main/cli/signing';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { ServiceError } from '../../../src/main/services/errors';
import { actAs } from '../../../src/main/services/identity/acting';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { importRoster, verifyRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir, steppingClock } from '../../helpers/temp-workspace';
import { PASSPHRASE } from '../decision-file/council';
import { makeKeys, rosterOf } from '../decision-file/export-fixture';
import { REVIEW_CLAIM, SECRETARY } from '../meetings/support';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * The files the CLI hands out (a roster, a member's signed recommendations) go through
 * writeNewFile: written whole, and a name already taken is a typed refusal (conflict,
 * file_exists) that leaves that file as it was. Run in-process to see the refusal's type; the
 * process's exit code and message are checked in the commands' own CLI tests.
 */

const { dir, cleanup } = makeTempDir('review-desk-cli-files-');
afterAll(cleanup);
const keys = makeKeys(dir);
const passFile = join(dir, 'pass.txt');
writeFileSync(passFile, `${PASSPHRASE}\n`);
const MEMBER = '김민준';

function openAt(db: string | undefined) {
  if (db === undefined) throw new Error('the test names its workspace');
  return openTestWorkspace(dirname(db), { fileName: basename(db) });
}

/**
 * A member's workspace with the roster and one decision of theirs (recorded with their key
 * unlocked); returns its db file.
 */
function memberWorkspace(): string {
  const ws = openTestWorkspace(join(dir, 'member'), { now: steppingClock() });
  try {
    loadSampleClaims(ws);
    importRoster(ws, rosterOf(keys));
    actAs(ws, keys[MEMBER]!);
    recordDecision(ws, {
      claimId: REVIEW_CLAIM,
      outcome: 'approve',
      amount: 620_000,
      reasonCodes: [],
      note: '',
      replacesId: null,
      amendmentReason: null,
    });
  } finally {
    ws.db.close();
  }
  return join(dir, 'member', DATABASE_FILE_NAME);
}

async function refusalOf(run: Promise<unknown>): Promise<ServiceError> {
  const error = await run.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

function quietly<T>(run: () => Promise<T>): Promise<T> {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return run().finally(() => write.mockRestore());
}

describe('files the CLI hands out', { timeout: 60_000 }, () => {
  it('roster build writes the roster, and refuses a taken --out with file_exists', async () => {
    const out = join(dir, 'rosters', 'roster-v1.json');
    const build = () =>
      runRoster(openAt, [
        'build',
        '--keys',
        ...Object.values(keys).map((k) => k.publicKeyFile),
        '--version',
        '1',
        '--valid-from',
        '2022-11-14',
        '--sign-with',
        keys[SECRETARY]!.keyFile,
        '--passphrase-file',
        passFile,
        '--out',
        out,
      ]);
    mkdirSync(dirname(out));
    await quietly(build);
    const written = readFileSync(out, 'utf8');
    expect(verifyRoster(written).payload.version).toBe(1);

    const refusal = await refusalOf(quietly(build));
    expect(refusal.code).toBe('conflict');
    expect(refusal.issues?.[0]?.code).toBe('file_exists');
    expect(refusal.message).toContain('a roster is never saved over another file');
    expect(readFileSync(out, 'utf8')).toBe(written);
    expect(readdirSync(dirname(out))).toEqual(['roster-v1.json']);
  });

  it('recommendations export writes the signed file, and refuses a taken --out with file_exists', async () => {
    const db = memberWorkspace();
    const out = join(dir, 'recs.json');
    const exportTo = (path: string) =>
      runRecommendations(openAt, [
        'export',
        '--batch',
        '1',
        '--sign-with',
        keys[MEMBER]!.keyFile,
        '--passphrase-file',
        passFile,
        '--out',
        path,
        '--db',
        db,
      ]);
    expect(await quietly(() => exportTo(out))).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(JSON.parse(written)).toHaveProperty('payload');

    const taken = join(dir, 'someone-elses.json');
    writeFileSync(taken, 'someone else’s file');
    for (const path of [out, taken]) {
      const before = readFileSync(path, 'utf8');
      const refusal = await refusalOf(quietly(() => exportTo(path)));
      expect(refusal.code).toBe('conflict');
      expect(refusal.issues?.[0]?.code).toBe('file_exists');
      expect(refusal.message).toContain('a signed file is never overwritten');
      expect(readFileSync(path, 'utf8')).toBe(before);
    }
  });
});

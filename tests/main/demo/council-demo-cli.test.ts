import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionFilePath, DEMO_PATHS, minutesFilePath } from '../../../src/main/demo/council';
import { sha256Hex } from '../../../src/main/services/hashing';
import { makeTempDir } from '../../helpers/temp-workspace';
import { cli } from '../../helpers/run-cli';

const { dir, cleanup } = makeTempDir('review-desk-cli-demo-');
afterAll(cleanup);

/** Runs the installed entry point, as `npx review-desk ...` would. */

/** The arguments of the verify command the demo prints, without its quotes. */
function verifyArgs(stdout: string): string[] {
  const line = stdout.split('\n').find((l) => l.trim().startsWith('npx review-desk verify'))!;
  return [...line.matchAll(/"([^"]+)"|(--\S+)/g)].map((m) => m[1] ?? m[2]!);
}

describe('review-desk demo', { timeout: 120_000 }, () => {
  const out = join(dir, 'demo');

  it('writes the demo, prints the decision file hash and a verify command that exits 0', () => {
    const run = cli('demo', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const fileText = readFileSync(join(out, decisionFilePath(1)), 'utf8');
    expect(
      readFileSync(join(out, minutesFilePath(1, 'pdf')))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(run.stdout).toContain(`sha256 ${sha256Hex(fileText)}`);
    expect(run.stdout).toContain(join(out, DEMO_PATHS.readme));
    expect(run.stdout).toContain(`REVIEW_DESK_WORKSPACE="${join(out, 'workspace')}" npm start`);

    const args = verifyArgs(run.stdout);
    expect(args).toEqual([
      join(out, decisionFilePath(1)),
      '--roster',
      join(out, DEMO_PATHS.roster),
      '--evidence',
      join(out, DEMO_PATHS.evidence),
    ]);
    const verify = cli('verify', ...args);
    expect(verify.stdout).toMatch(/^유효 \/ VALID/);
    expect(verify.code).toBe(0);
  });

  it('refuses the same folder again, and a missing --out, with one line and exit 1', () => {
    const before = readdirSync(out).sort();
    const again = cli('demo', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(
      `review-desk: ${out} is not empty; the demo writes only into a new or empty folder\n`,
    );
    expect(readdirSync(out).sort()).toEqual(before);

    const bare = cli('demo');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/^review-desk: demo needs --out <dir>/);
    expect(bare.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is listed in the usage', () => {
    expect(cli('help').stdout).toMatch(/^ {2}demo --out <dir>/m);
  });
});

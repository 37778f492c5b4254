import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionFileSha256 } from '../../../src/main/services/decision-files';
import { decisionRecords, makeCouncil, signedFile } from '../decision-file/council';
import { makeTempDir } from '../../helpers/temp-workspace';
import { cli } from '../../helpers/run-cli';

/*
 * `review-desk verify` against issue 12's attacks, through the real CLI: the roster's
 * fingerprint always shown, --trusted-roster, a BOM, --previous and a superseded file.
 */
const { dir, cleanup } = makeTempDir('review-desk-cli-trust-');
afterAll(cleanup);

const council = makeCouncil(join(dir, 'council'));
const attacker = makeCouncil(join(dir, 'attacker'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const trusted = file('roster.json', council.rosterText);
const attackerRoster = file('attacker-roster.json', attacker.rosterText);
const forged = file(
  'forged.json',
  signedFile(
    attacker,
    decisionRecords().map((d, i) => (i === 0 ? { ...d, amount: 8_000_000 } : d)),
  ),
);

describe('review-desk verify: trust, BOM and the chain', { timeout: 120_000 }, () => {
  it("refuses the attacker's roster with --trusted-roster, and flags it without", () => {
    const refused = cli('verify', forged, '--roster', attackerRoster, '--trusted-roster', trusted);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^무효 \/ INVALID/);
    expect(refused.stdout).toContain(attacker.roster.fingerprint);
    expect(refused.stdout).toContain('NOT the trusted roster and does not chain to it');
    expect(refused.stdout).toContain('결정 / decisions: 0/3 ok');

    const json = cli(
      'verify',
      forged,
      '--roster',
      attackerRoster,
      '--trusted-roster',
      trusted,
      '--json',
    );
    const report = JSON.parse(json.stdout);
    expect(report.valid).toBe(false);
    expect(report.roster).toMatchObject({
      fingerprint: attacker.roster.fingerprint,
      trust: 'untrusted',
      trustedFingerprint: council.roster.fingerprint,
    });
    expect(report.problems.map((p: { code: string }) => p.code)).toEqual(['roster_untrusted']);

    const flagged = cli('verify', forged, '--roster', attackerRoster);
    expect(flagged.stdout).toMatch(/roster not checked against a trusted one/);
    expect(flagged.stdout).toContain(`fingerprint ${attacker.roster.fingerprint}`);
    expect(flagged.stdout).toContain('NOT checked against a trusted roster');
  });

  it('passes the genuine file saved with a BOM, against the trusted roster alone', () => {
    const withBom = file('bom.json', `\ufeff${signedFile(council)}`);
    const run = cli('verify', withBom, '--trusted-roster', trusted, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.roster).toMatchObject({
      fingerprint: council.roster.fingerprint,
      trust: 'pinned',
    });
    expect(report.warnings).toEqual([]);
  });

  it('--previous: a superseded file is reported; the newer one links', () => {
    const firstText = signedFile(council);
    const first = file('meeting-7.json', firstText);
    const second = file(
      'meeting-7-again.json',
      signedFile(
        council,
        decisionRecords().map((d, i) => (i === 0 ? { ...d, amount: 650_000 } : d)),
        decisionFileSha256(firstText),
      ),
    );
    const old = cli('verify', first, '--trusted-roster', trusted, '--previous', second);
    expect(old.code).toBe(1);
    expect(old.stdout).toContain('this file has been superseded');
    const current = cli('verify', second, '--trusted-roster', trusted, '--previous', first);
    expect(current.stdout).toMatch(/^유효 \/ VALID\n/);
    expect(current.code).toBe(0);
  });
});

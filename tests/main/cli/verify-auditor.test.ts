import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERIFY_USAGE } from '../../../src/main/cli/usage-texts';
import { decisionFileSha256 } from '../../../src/main/services/decision-files';
import { decisionRecords, makeCouncil, signedFile } from '../decision-file/council';
import { editPayload } from '../../helpers/tampering';
import { makeTempDir } from '../../helpers/temp-workspace';
import { cli } from '../../helpers/run-cli';

/*
 * `review-desk verify` as an auditor meets it (issue 14, part 5): without a roster only the
 * file's integrity can be checked, and saying "outside the council" or "0/3 ok" would be a
 * verdict on signers nobody judged; the text says what was decided; --previous checks the link.
 */
const { dir, cleanup } = makeTempDir('review-desk-cli-auditor-');
afterAll(cleanup);

const council = makeCouncil(join(dir, 'council'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const roster = file('roster.json', council.rosterText);
const firstText = signedFile(council, decisionRecords(2));
const first = file('meeting-6.json', firstText);
const decided = file(
  'meeting-7.json',
  signedFile(council, decisionRecords(), decisionFileSha256(firstText)),
);
const unrelated = file('other-council.json', signedFile(council, decisionRecords(1)));
const CANNOT_JUDGE_KO = '명부 없이 서명자 자격은 판단할 수 없음';
const CANNOT_JUDGE_EN = 'without a roster, who signed cannot be judged: integrity checked only';

describe('review-desk verify for auditors', { timeout: 120_000 }, () => {
  it('without a roster: integrity only, exit 3, and no verdict on who signed', () => {
    const run = cli('verify', decided);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^무결, 서명자 판단 안 함 \/ INTACT, SIGNERS NOT JUDGED\n/);
    expect(run.stdout).toContain(CANNOT_JUDGE_KO);
    expect(run.stdout).toContain(CANNOT_JUDGE_EN);
    expect(run.stdout).toContain(
      `the file names roster v1 fingerprint ${council.roster.fingerprint}`,
    );
    expect(run.stdout).toContain('결정 / decisions: 3/3 ok');
    expect(run.stdout).not.toContain('outside the council');
    expect(run.stdout).not.toContain('not on roster');
    expect(run.stdout).not.toMatch(/INVALID|BAD/);

    const json = cli('verify', decided, '--json');
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      valid: false,
      verdict: 'intact_unjudged',
      rosterChecked: false,
      roster: null,
      records: { total: 3, valid: 3, invalid: [] },
      problems: [],
      warnings: [expect.objectContaining({ code: 'roster_not_given', message: CANNOT_JUDGE_EN })],
    });
    expect(
      report.signatures.map((s: { verifies: boolean; valid: boolean }) => [s.verifies, s.valid]),
    ).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it('the same file with the right roster is valid, exit 0', () => {
    const run = cli('verify', decided, '--roster', roster);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^유효 \/ VALID/);
    expect(run.stdout).not.toContain(CANNOT_JUDGE_EN);
    const report = JSON.parse(cli('verify', decided, '--roster', roster, '--json').stdout);
    expect(report).toMatchObject({ valid: true, verdict: 'valid', rosterChecked: true });
  });

  it('a record tampered with is invalid without a roster too, exit 1', () => {
    const tampered = file(
      'tampered.json',
      editPayload(signedFile(council), (p) => void (p.decisions[0]!['amount'] = 9_000_000)),
    );
    const run = cli('verify', tampered);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^무효 \/ INVALID\n/);
    expect(run.stdout).toContain('the signed content was changed after signing');
    expect(run.stdout).not.toContain('outside the council');
    const report = JSON.parse(cli('verify', tampered, '--json').stdout);
    expect(report).toMatchObject({ valid: false, verdict: 'invalid', rosterChecked: false });
    expect(report.problems.map((p: { code: string }) => p.code)).toEqual(['content_changed']);
    expect(report.records.valid).toBe(0);
  });

  it('a file re-signed by a stranger is intact without a roster, and refused with the trusted one', () => {
    const stranger = makeCouncil(join(dir, 'stranger'));
    const forged = file('forged.json', signedFile(stranger));
    expect(cli('verify', forged).code).toBe(3);
    expect(cli('verify', forged, '--trusted-roster', roster).code).toBe(1);
  });

  it("lists each decision: claim id, outcome, amount and the meeting's votes", () => {
    const { stdout } = cli('verify', decided, '--roster', roster);
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  결정 / decisions: 3/3 ok'));
    expect(lines.slice(at + 1, at + 4)).toEqual([
      expect.stringMatching(
        /^ {4}K-2022-000101 +approve +600,000원 +votes 1-0-0 \(recused 1, absent 1\) +ok$/,
      ),
      expect.stringMatching(
        /^ {4}K-2022-000102 +approve +601,000원 +votes 2-0-0 \(absent 1\) +ok$/,
      ),
      expect.stringMatching(/^ {4}K-2022-000103 +reject +- +votes 2-0-0 \(absent 1\) +ok$/),
    ]);
  });

  it('a long file lists the first 1000 decisions and counts the rest', () => {
    const long = file('long.json', signedFile(council, decisionRecords(1003)));
    const run = cli('verify', long, '--roster', roster);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^ {4}K-2022-\d{6} /gm)).toHaveLength(1000);
    expect(run.stdout).toContain('    ... 외 3건 / and 3 more');
  });

  it('a line break inside a claim id cannot print a verdict line of its own', () => {
    const records = decisionRecords(1);
    records[0]!.claimId = 'K-2022-000101\n유효 / VALID';
    const run = cli('verify', file('sneaky.json', signedFile(council, records)));
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('K-2022-000101\\u{a}유효 / VALID');
    expect(run.stdout.split('\n').filter((l) => l.startsWith('유효'))).toEqual([]);
  });

  it('--previous with the true previous file: the chain link holds', () => {
    const run = cli('verify', decided, '--roster', roster, '--previous', first);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`chain link to ${first} holds`);
    const unjudged = cli('verify', decided, '--previous', first);
    expect(unjudged.code).toBe(3);
    expect(unjudged.stdout).toContain(`chain link to ${first} holds`);
    const report = JSON.parse(cli('verify', decided, '--previous', first, '--json').stdout);
    expect(report.chain).toEqual({
      names: decisionFileSha256(firstText),
      link: 'holds',
      files: [{ sha256: decisionFileSha256(firstText), relation: 'previous' }],
    });
  });

  it('--previous with an unrelated file: invalid, and the link does not hold', () => {
    const run = cli('verify', decided, '--roster', roster, '--previous', unrelated);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^무효 \/ INVALID\n/);
    expect(run.stdout).toContain(`chain link to ${unrelated} does not hold`);
    expect(run.stdout).toContain('the chain is broken');
    const unjudged = cli('verify', decided, '--previous', unrelated);
    expect(unjudged.code).toBe(1);
    expect(unjudged.stdout).toContain(`chain link to ${unrelated} does not hold`);
  });

  it('without --previous, says which previous file the link was not checked against', () => {
    const { stdout } = cli('verify', decided, '--roster', roster);
    expect(stdout).toContain(
      `not checked (no --previous given); this file names previous file ${decisionFileSha256(firstText)}`,
    );
    expect(cli('verify', first, '--roster', roster).stdout).toContain(
      'the first file of its chain',
    );
  });

  it('--help prints the options and every exit code, and exits 0', () => {
    const run = cli('verify', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^review-desk verify\n\n/);
    expect(run.stdout).toContain(VERIFY_USAGE);
    for (const option of [
      'roster',
      'trusted-roster',
      'roster-chain',
      'previous',
      'evidence',
      'json',
    ])
      expect(run.stdout).toMatch(new RegExp(`^ {9}--${option} .+\\S`, 'm'));
    for (const code of [
      'exit 0 valid',
      'exit 1 invalid',
      'exit 2 unreadable',
      'exit 3 intact, signers not judged',
    ])
      expect(run.stdout).toContain(code);
  });

  it('a wrong command line is exit 2, never 1 (a verdict on a file)', () => {
    expect(cli('verify').code).toBe(2);
    expect(cli('verify', decided, '--no-such-option').code).toBe(2);
    // Two previous files after one --previous: the second would be silently unchecked.
    const run = cli('verify', decided, '--previous', first, unrelated);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give each previous file or roster with its own option');
  });
});

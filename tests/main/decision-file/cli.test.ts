import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signDecisionFile } from '../../../src/main/services/decision-files';
import { unlockIdentity } from '../../../src/main/services/identity';
import { verifyRoster } from '../../../src/main/services/roster';
import { canonicalJson } from '../../../src/shared/domain/canonical-json';
import { makeTempDir } from '../../helpers/temp-workspace';
import { COUNCIL_PEOPLE, PASSPHRASE, payloadFor } from './council';
import { cli } from '../../helpers/run-cli';

const { dir, cleanup } = makeTempDir('review-desk-cli-signing-');
afterAll(cleanup);

describe('review-desk keygen, roster and verify', { timeout: 120_000 }, () => {
  const passFile = join(dir, 'pass.txt');
  const keys = join(dir, 'keys');
  const rosterFile = join(dir, 'roster.json');
  const decisionFile = join(dir, 'decisions.json');

  it('keygen makes key files from a passphrase file and prints the fingerprint', () => {
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    for (const { name, role } of COUNCIL_PEOPLE) {
      const run = cli(
        'keygen',
        '--name',
        name,
        '--role',
        role,
        '--out',
        keys,
        '--passphrase-file',
        passFile,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/fingerprint [0-9A-F]{4}(-[0-9A-F]{4}){3}/);
    }
    expect(
      cli('keygen', '--name', 'x', '--role', 'king', '--out', keys, '--passphrase-file', passFile)
        .code,
    ).toBe(1);
  });

  it('roster build signs with the secretary key; roster import stores it', () => {
    const files = readdirSync(keys);
    const pubs = files.filter((f) => f.endsWith('.pub.json')).map((f) => join(keys, f));
    const secretaryKey = join(
      keys,
      files.find((f) => f.includes('-secretary-') && f.endsWith('.key.json'))!,
    );
    const build = () =>
      cli(
        'roster',
        'build',
        '--keys',
        ...pubs,
        '--version',
        '1',
        '--valid-from',
        '2022-11-14',
        '--sign-with',
        secretaryKey,
        '--passphrase-file',
        passFile,
        '--out',
        rosterFile,
      );
    const run = build();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Never over a file: a refusal (exit 1, one line), not a crash; the roster stays as it was.
    const written = readFileSync(rosterFile, 'utf8');
    const again = build();
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `review-desk: ${rosterFile} already exists; a roster is never saved over another file: choose another name\n`,
    );
    expect(readFileSync(rosterFile, 'utf8')).toBe(written);
    const imported = cli('roster', 'import', rosterFile, '--db', join(dir, 'ws', 'review-desk.db'));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(verifyRoster(readFileSync(rosterFile, 'utf8')).fingerprint);
  });

  it('verify --json prints the report and exits 0 valid, 1 invalid, 2 unreadable', () => {
    const roster = verifyRoster(readFileSync(rosterFile, 'utf8'));
    const files = readdirSync(keys).filter((f) => f.endsWith('.key.json'));
    const signer = (role: string) =>
      unlockIdentity(
        join(
          keys,
          files.find((f) => f.includes(`-${role}-`))!,
        ),
        PASSPHRASE,
      );
    const text = signDecisionFile(payloadFor({ roster, people: {}, rosterText: '' }), [
      signer('chair'),
      signer('secretary'),
    ]);
    writeFileSync(decisionFile, text);

    const ok = cli('verify', decisionFile, '--roster', rosterFile, '--json');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(Object.keys(report)).toEqual([
      'valid',
      'verdict',
      'rosterChecked',
      'roster',
      'namedRoster',
      'warnings',
      'signatures',
      'records',
      'decisions',
      'evidence',
      'chain',
      'problems',
    ]);
    expect(Object.keys(report.signatures[0])).toEqual([
      'signer',
      'role',
      'keyId',
      'onRoster',
      'verifies',
      'valid',
    ]);
    expect(report).toMatchObject({
      valid: true,
      verdict: 'valid',
      rosterChecked: true,
      records: { total: 3, valid: 3, invalid: [] },
      evidence: { checked: 0, mismatched: 0 },
    });

    const file = JSON.parse(text);
    const payload = JSON.parse(Buffer.from(file.payload, 'base64url').toString());
    payload.decisions[0].amount = 1;
    file.payload = Buffer.from(canonicalJson(payload)).toString('base64url');
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(file));
    const bad = cli('verify', join(dir, 'tampered.json'), '--roster', rosterFile, '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).problems[0].code).toBe('content_changed');
    expect(cli('verify', join(dir, 'tampered.json'), '--roster', rosterFile).stdout).toMatch(
      /^무효 \/ INVALID/,
    );

    writeFileSync(join(dir, 'garbage.json'), '{"payload": 1}');
    const unreadable = cli('verify', join(dir, 'garbage.json'), '--roster', rosterFile, '--json');
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/^review-desk: malformed JWS: "payload"/);
    expect(cli('verify', join(dir, 'missing.json'), '--json').code).toBe(2);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../src/main/services/open-workspace';
import { makeTempDir } from '../../helpers/temp-workspace';
import { PASSPHRASE } from '../decision-file/council';
import { makeKeys } from '../decision-file/export-fixture';
import { CHAIR, SECRETARY } from '../meetings/support';
import { minutesWorkspace, type MinutesWorkspace } from './fixture';
import { unzipText } from './unzip';
import { cli } from '../../helpers/run-cli';

/*
 * review-desk minutes from a terminal, through the installed entry point, on a workspace with
 * meeting no. 1 held and closed under a roster of key files. Whoever drafts or approves names
 * their own key with --as (its passphrase in a file); printing needs no key.
 */

const out = makeTempDir('review-desk-minutes-cli-');
const keys = makeKeys(out.dir);
let ws: MinutesWorkspace;
let db: string;
let meeting: string;
let passphraseFile: string;
/** `--as` the key of `name` on the council, unlocked by the passphrase file. */
const as = (name: string) => ['--as', keys[name]!.keyFile, '--passphrase-file', passphraseFile];

/** One line on stderr, exit code 1. */
function refused(run: ReturnType<typeof cli>, pattern: RegExp | string) {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(
    typeof pattern === 'string'
      ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      : pattern,
  );
}

beforeAll(() => {
  passphraseFile = join(out.dir, 'passphrase.txt');
  writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
  const made = minutesWorkspace(keys);
  ws = made.ws;
  meeting = String(made.meetingId);
  db = join(ws.dataDir, DATABASE_FILE_NAME);
  ws.db.close();
});
afterAll(() => {
  ws.cleanup();
  out.cleanup();
});

describe('review-desk minutes', { timeout: 120_000 }, () => {
  it('refuses to print before any version is drafted, saying how to draft', () => {
    refused(
      cli(
        'minutes',
        '--meeting',
        meeting,
        '--format',
        'pdf',
        '--out',
        join(out.dir, 'm.pdf'),
        '--db',
        db,
      ),
      `has no minutes yet; the secretary drafts them first: review-desk minutes draft --meeting ${meeting}`,
    );
  });

  it('drafts as the secretary; approving is the chair’s', () => {
    const draftRun = (...acting: string[]) =>
      cli('minutes', 'draft', '--meeting', meeting, '--db', db, ...acting);
    const approveRun = (...acting: string[]) =>
      cli('minutes', 'approve', '--meeting', meeting, '--version', '1', '--db', db, ...acting);
    // Without a key, nobody drafts; a member's key does not draft either.
    refused(draftRun(), 'Drafting minutes needs the key of a secretary or chair');
    refused(
      draftRun(...as('김민준')),
      'Drafting minutes is for a secretary or chair; 김민준 is the member',
    );

    const draft = draftRun(...as(SECRETARY));
    expect(draft.stderr).toBe('');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(
      /v1 초안 \/ draft: 2 items, made .* by 박서연\n {4}sha256 [0-9a-f]{64}/,
    );
    refused(approveRun(), 'Approving minutes needs the key of a chair');
    refused(
      approveRun(...as(SECRETARY)),
      'Approving minutes is for a chair; 박서연 is the secretary',
    );

    const approved = approveRun(...as(CHAIR));
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`v1 승인 / approved`);
    expect(approved.stdout).toContain(`by ${CHAIR}`);
    refused(approveRun(...as(CHAIR)), 'is locked');

    const listed = cli('minutes', 'list', '--meeting', meeting, '--db', db, '--json');
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { version: 1, status: 'approved', approvedBy: CHAIR },
    ]);
  });

  it('writes the PDF and the DOCX, never over an existing file', async () => {
    const pdf = join(out.dir, 'meeting-1.pdf');
    const run = cli('minutes', '--meeting', meeting, '--format', 'pdf', '--out', pdf, '--db', db);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`minutes written: ${pdf}`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const docx = join(out.dir, 'meeting-1.docx');
    expect(
      cli(
        'minutes',
        '--meeting',
        meeting,
        '--format',
        'docx',
        '--version',
        '1',
        '--out',
        docx,
        '--db',
        db,
      ).code,
    ).toBe(0);
    expect((await unzipText(readFileSync(docx))).get('word/document.xml')).toContain(
      'w:eastAsia="바탕"',
    );

    const taken = join(out.dir, 'taken.pdf');
    writeFileSync(taken, 'keep me');
    refused(
      cli('minutes', '--meeting', meeting, '--format', 'pdf', '--out', taken, '--db', db),
      'never written over an existing file',
    );
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
  });

  it('refuses bad arguments with one line naming the argument', () => {
    const pdf = join(out.dir, 'x.pdf');
    refused(
      cli('minutes', '--meeting', meeting, '--format', 'odt', '--out', pdf, '--db', db),
      '--format must be pdf or docx, not "odt"',
    );
    refused(
      cli('minutes', '--meeting', 'one', '--format', 'pdf', '--out', pdf, '--db', db),
      '--meeting must be a positive whole number, not "one"',
    );
    refused(
      cli(
        'minutes',
        '--meeting',
        meeting,
        '--format',
        'pdf',
        '--out',
        pdf,
        '--version',
        '7',
        '--db',
        db,
      ),
      'has no minutes version 7',
    );
    refused(
      cli('minutes', '--format', 'pdf', '--out', pdf, '--db', db),
      'minutes needs --meeting <id> --format pdf|docx --out <file>',
    );
    refused(
      cli('minutes', 'approve', '--meeting', meeting, '--db', db),
      'minutes approve needs --meeting <id> --version <n>',
    );
    refused(
      cli('minutes', 'draft', '--meeting', '99', '--db', db, ...as(SECRETARY)),
      'meeting 99 does not exist',
    );
  });

  it('is listed in the usage', () => {
    const help = cli('help').stdout;
    expect(help).toContain(
      '  minutes --meeting <id> --format pdf|docx --out <file> [--version <n>] [--db <path>]',
    );
    expect(help).toContain('  minutes draft --meeting <id>');
    expect(help).toContain('  minutes approve --meeting <id> --version <n>');
  });
});

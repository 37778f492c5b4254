import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openWorkspace } from '../../../src/main/services/open-workspace';
import { setCurrentPerson } from '../../../src/main/services/people/people';
import { makeTempDir } from '../../helpers/temp-workspace';
import { CHAIR } from '../meetings/support';
import { minutesWorkspace, type MinutesWorkspace } from './fixture';
import { unzipText } from './unzip';
import { cli } from '../../helpers/run-cli';

/*
 * review-desk minutes from a terminal, through the installed entry point, on a workspace with
 * meeting no. 1 held and closed. The acting person is the workspace's person at the machine,
 * as for `decide`.
 */

const out = makeTempDir('review-desk-minutes-cli-');
let ws: MinutesWorkspace;
let db: string;
let meeting: string;

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
  const made = minutesWorkspace();
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
    const draft = cli('minutes', 'draft', '--meeting', meeting, '--db', db);
    expect(draft.stderr).toBe('');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(
      /v1 초안 \/ draft: 2 items, made .* by 박서연\n {4}sha256 [0-9a-f]{64}/,
    );
    refused(
      cli('minutes', 'approve', '--meeting', meeting, '--version', '1', '--db', db),
      "Approving minutes is the chair's to do",
    );

    const chairAtMachine = openWorkspace(ws.dataDir, { actor: 'test' });
    setCurrentPerson(chairAtMachine, CHAIR);
    chairAtMachine.db.close();
    const approved = cli('minutes', 'approve', '--meeting', meeting, '--version', '1', '--db', db);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`v1 승인 / approved`);
    expect(approved.stdout).toContain(`by ${CHAIR}`);
    refused(
      cli('minutes', 'approve', '--meeting', meeting, '--version', '1', '--db', db),
      'is locked',
    );

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
    refused(cli('minutes', 'draft', '--meeting', '99', '--db', db), 'meeting 99 does not exist');
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

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { verifyAuditLog } from '../../../src/main/services/audit-log/verify-acts';
import { claimHistory } from '../../../src/main/services/claims/claims';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { importRoster } from '../../../src/main/services/roster';
import { GOOD_ROWS, writeCsv } from '../../helpers/batch-files';
import { keyHolders } from './key-holders';
import { cli } from '../../helpers/run-cli';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * Issue 16's done-when for appeals, through the CLI a secretary runs: an appeal on a 30,000원
 * claim, with its loss corrected to 800,000원, is admitted, decided at 400,000원 in a meeting,
 * and the ledger shows 30,000원 already paid and 370,000원 more to pay. Every step is its own
 * process; the setup (roster, batch) needs no key and is done in-process to keep spawns few.
 */

const temp = makeTempDir('review-desk-cli-appeal-');
afterAll(temp.cleanup);
const { council, as } = keyHolders(temp.dir);
const SECRETARY = as('박서연');
const CHAIR = as('이도윤');
const MEMBER = as('김민준');

/** 성수 꽃집: a small business that reported 250,000원, so paid 30,000원 by bracket. */
const FLORIST = 'K-2022-100002';
const rows = GOOD_ROWS.map((row) =>
  row[0] === FLORIST ? row.map((cell, i) => (i === 10 ? '250,000원' : cell)) : row,
);

const db = join(temp.dir, 'ws', 'review-desk.db');
const ws = openTestWorkspace(join(temp.dir, 'ws'));
importRoster(ws, council.rosterText);
await importBatch(ws, { file: writeCsv(temp.dir, 'batch.csv', rows, 'utf-8-bom') });
ws.db.close();

const evidence = join(temp.dir, 'appeal-evidence');
mkdirSync(evidence);
writeFileSync(join(evidence, 'pos-october.csv'), 'date,sales\n2022-10-15,0\n2022-10-08,812000\n');

function ok(...args: string[]) {
  const run = cli(...args, '--db', db);
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
  return run.stdout;
}

function refused(pattern: RegExp, ...args: string[]) {
  const run = cli(...args, '--db', db);
  expect(run.code, `${args.join(' ')} was not refused`).toBe(1);
  expect(run.stderr).toMatch(pattern);
}

describe('review-desk appeal: the council pays the difference', { timeout: 180_000 }, () => {
  it('files, corrects, admits, decides in a meeting, and the ledger pays 370,000원 more', () => {
    // Nobody acting, or a member: refused, nothing written.
    refused(
      /Filing an appeal needs the key of a secretary or chair: unlock your key/,
      'appeal',
      'file',
      '--claim',
      FLORIST,
      '--grounds',
      '손실이 더 큼',
    );
    refused(
      /Filing an appeal is for a secretary or chair; 김민준 is the member/,
      'appeal',
      'file',
      '--claim',
      FLORIST,
      '--grounds',
      '손실이 더 큼',
      ...MEMBER,
    );
    refused(
      /claim K-2022-999999 does not exist; no appeal was recorded/,
      'appeal',
      'file',
      '--claim',
      'K-2022-999999',
      '--grounds',
      '손실이 더 큼',
      ...SECRETARY,
    );
    refused(
      /say what the claimant objects to \(--grounds\)/,
      'appeal',
      'file',
      '--claim',
      FLORIST,
      '--grounds',
      '  ',
      ...SECRETARY,
    );

    const filed = JSON.parse(
      ok(
        'appeal',
        'file',
        '--claim',
        FLORIST,
        '--grounds',
        '10월 매출 장부상 손실은 80만원',
        '--received',
        '2023-01-10',
        '--evidence',
        evidence,
        '--json',
        ...SECRETARY,
      ),
    );
    expect(filed.appeal).toMatchObject({
      id: 1,
      claimId: FLORIST,
      state: 'filed',
      receivedOn: '2023-01-10',
      evidenceSource: 'appeal-evidence',
    });
    expect(filed.evidence).toMatchObject({ stored: 1, rejected: 0, missing: 0 });
    refused(
      /already has 이의신청 #1 .* waiting for a ruling/,
      'appeal',
      'file',
      '--claim',
      FLORIST,
      '--grounds',
      '다시',
      ...SECRETARY,
    );

    ok(
      'correct',
      '--claim',
      FLORIST,
      '--set',
      '피해금액=800000',
      '--reason',
      '이의신청 #1 증빙의 매출 장부',
      ...SECRETARY,
    );
    const admitted = ok(
      'appeal',
      'admit',
      '--appeal',
      '1',
      '--reason',
      '매출 장부로 손실 80만원 확인',
      ...SECRETARY,
    );
    expect(admitted).toContain('이의신청 #1 인용 admitted: K-2022-100002');
    refused(
      /이의신청 #1 was already admitted .* a ruling is final/,
      'appeal',
      'reject',
      '--appeal',
      '1',
      '--reason',
      '늦게 온 기각',
      ...SECRETARY,
    );

    // The admitted appeal goes on the agenda like any review claim, and the council decides it.
    ok('meeting', 'open', '--number', '1', '--date', '2023-01-20', '--place', '판교', ...SECRETARY);
    ok(
      'meeting',
      'agenda',
      '--meeting',
      '1',
      '--claim',
      FLORIST,
      '--propose',
      'approve',
      '--amount',
      '400,000원',
      ...SECRETARY,
    );
    ok(
      'meeting',
      'vote',
      '--meeting',
      '1',
      '--claim',
      FLORIST,
      '--vote',
      '이도윤=for',
      '--vote',
      '김민준=for',
      '--vote',
      '최지우=for',
      '--vote',
      '정하은=for',
      ...SECRETARY,
    );
    ok('meeting', 'close-vote', '--meeting', '1', '--claim', FLORIST, ...SECRETARY);
    ok(
      'meeting',
      'confirm',
      '--meeting',
      '1',
      '--claim',
      FLORIST,
      '--outcome',
      'approve',
      '--amount',
      '400000',
      ...CHAIR,
    );

    const out = join(temp.dir, 'ledger.csv');
    ok('ledger', '--format', 'csv', '--out', out);
    const table = Papa.parse<Record<string, string>>(
      readFileSync(out, 'utf8').replace(/^\uFEFF/, ''),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    const florist = table.find((row) => row['접수번호'] === FLORIST);
    expect(florist).toMatchObject({
      등급: '위원회 심사',
      피해금액: '800000',
      지급액: '400000',
      기지급액: '30000',
      '추가 지급액': '370000',
      '지급 근거': '위원회 결정',
      회의: '1',
    });
    process.stdout.write(`ledger row for ${FLORIST}: ${JSON.stringify(florist)}\n`);
  });

  it('keeps the story in the claim’s history, in order, in a chain that verifies', () => {
    const ctx = openTestWorkspace(join(temp.dir, 'ws'));
    try {
      const actions = claimHistory(ctx, FLORIST)
        .events.map((event) => event.action)
        .filter((action) => action !== 'batch.imported' && !action.startsWith('meeting.'));
      expect(actions).toEqual([
        'evidence.attached',
        'appeal.filed',
        'claim.corrected',
        'appeal.admitted',
        'decision.recorded',
      ]);
      const appealActs = listAudit(ctx.db, { limit: 1000 })
        .filter((e) => e.action.startsWith('appeal.'))
        .reverse(); // newest first as listed
      // Every refusal wrote nothing: one filing and one admission.
      expect(appealActs.map((e) => [e.action, e.actor])).toEqual([
        ['appeal.filed', '박서연'],
        ['appeal.admitted', '박서연'],
      ]);
      expect(verifyAuditLog(ctx.db)).toMatchObject({ ok: true, actProblems: [] });
    } finally {
      ctx.db.close();
    }
  });
});

// npm run bench:minutes: the PDF minutes of a meeting with 500 decisions, made through the real
// services (generated claims imported, meeting opened, 500 motions voted on, closed, each
// result confirmed by the chair, minutes drafted and approved), then rendered as the app's
// print preview renders them. The reference, measured in the same run, is a one-page minutes
// PDF of a one-decision meeting with the same fonts: the fixed price of any PDF here (font
// parsing, subsetting, compression), so the ratio shows what the 500 decisions add. Both carry
// the workspace's payout section (지급 현황); modelMs includes the secretary's summary of the
// whole 12,000-claim workspace that drafting reads for it.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VoteValue } from '../src/shared/domain/committee';
import { writeLargeBatch } from '../src/main/demo';
import type { ServiceContext } from '../src/main/services/context';
import { importBatch } from '../src/main/services/intake/import-batch';
import {
  addToAgenda,
  closeMeeting,
  confirmFinalDecision,
  openMeeting,
  recordVote,
} from '../src/main/services/meetings';
import {
  approveMinutes,
  currentMinutesModel,
  draftMinutes,
  renderMinutes,
} from '../src/main/services/minutes';
import { getMeetingRow } from '../src/main/services/meetings/access';
import { openBenchWorkspace } from './bench-workspace';
import { actAsPerson, seatCouncil } from '../tests/helpers/council';
import { emit, round, scratchDir } from './support';

const DECISIONS = 500;
const ROWS = 12_000;
const RUNS = 7;
/** The argument that makes this file the rendering child process. */
const RENDER = '--render-child';
const TARGET_MS = 700;
const TARGET_BYTES = 300 * 1024;

const SECRETARY = '박서연';
const CHAIR = '이도윤';
const MEMBERS = [CHAIR, '김민준', '최하은', '정우진', '한지민'];
const ABSENT = '한지민';
const NOTES = [
  'POS 기록과 영수증이 신청 금액과 일치함',
  '장애 기간(10월 15~16일) 매출 감소분만 입증됨',
  '매출 감소가 장애 이전부터 이어짐',
  '주문 취소 내역과 정산서로 입증됨',
  '매출 장부 원본을 받아 다음 회의에 다시 올림',
];

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]!;

function clock(): () => Date {
  let t = Date.parse('2022-12-20T05:00:00.000Z');
  return () => new Date((t += 1000));
}

async function workspace(dir: string, claims: number) {
  const batch = join(dir, 'batch.csv');
  await writeLargeBatch(batch, ROWS, 2022);
  const ctx = openBenchWorkspace(join(dir, `ws-${claims}`), { now: clock() });
  await importBatch(ctx, { file: batch });
  seatCouncil(ctx);
  return ctx;
}

/** A closed meeting of `count` motions, each confirmed; returns its id. */
function holdMeeting(ctx: ServiceContext, count: number, number: number): number {
  const claims = ctx.db
    .prepare(
      `SELECT claim_id AS claimId, claimed_loss AS loss FROM claims
       WHERE tier = 'committee_review' AND claimed_loss IS NOT NULL
         AND claim_id NOT IN (SELECT claim_id FROM meeting_agenda)
       ORDER BY claim_id LIMIT ?`,
    )
    .all(count) as { claimId: string; loss: number }[];
  if (claims.length < count) throw new Error(`only ${claims.length} review claims generated`);
  actAsPerson(ctx, SECRETARY);
  const { id: meetingId } = openMeeting(ctx, {
    number,
    heldOn: '2022-12-20',
    place: '판교 협의체 회의실',
    quorum: { kind: 'majority_of_members' },
    threshold: { kind: 'majority_of_votes_cast' },
    attendance: MEMBERS.map((member) => ({ member, present: member !== ABSENT })),
  });
  const confirmations = claims.map(({ claimId, loss }, i) => {
    const kind = i % 4;
    const partial = Math.max(1000, Math.floor((loss * 0.6) / 1000) * 1000);
    const proposal =
      kind === 0 || kind === 3
        ? { outcome: 'approve' as const, amount: loss, reasonCodes: [] }
        : kind === 1
          ? {
              outcome: 'partial' as const,
              amount: partial,
              reasonCodes: ['insufficient_proof' as const],
            }
          : {
              outcome: 'reject' as const,
              amount: null,
              reasonCodes: ['not_caused_by_outage' as const],
            };
    addToAgenda(ctx, { meetingId, claimId, proposal });
    const carried = i % 7 !== 6;
    const votes: [string, VoteValue][] = [
      [CHAIR, carried ? 'for' : 'against'],
      ['김민준', 'for'],
      ['최하은', i % 10 === 5 ? 'recused' : carried ? 'for' : 'against'],
      ['정우진', i % 3 === 0 ? 'against' : carried ? 'for' : 'abstain'],
    ];
    for (const [member, vote] of votes) recordVote(ctx, { meetingId, claimId, member, vote });
    const note = NOTES[i % NOTES.length]!;
    return carried
      ? { meetingId, claimId, ...proposal, note }
      : { meetingId, claimId, outcome: 'defer' as const, amount: null, reasonCodes: [], note };
  });
  closeMeeting(ctx, meetingId);
  actAsPerson(ctx, CHAIR);
  for (const confirmation of confirmations) confirmFinalDecision(ctx, confirmation);
  actAsPerson(ctx, SECRETARY);
  draftMinutes(ctx, meetingId);
  actAsPerson(ctx, CHAIR);
  approveMinutes(ctx, { meetingId, version: 1 });
  return meetingId;
}

interface Rendered {
  ours: number[];
  reference: number[];
  model: number[];
  coldMs: number;
  bytes: number;
  referenceBytes: number;
}

/**
 * The timed part, in a fresh process on the workspace the setup left on disk, as the app opens
 * it to print: the setup's heap (12,000 imported claims, 4,000 service calls) would otherwise
 * slow the collector and blur the figure.
 */
async function renderRuns(
  dataDir: string,
  bigMeeting: number,
  oneMeeting: number,
): Promise<Rendered> {
  const ctx = openBenchWorkspace(dataDir, {});
  // The first rendering in a process also loads pdfmake and parses the fonts: reported apart.
  let started = performance.now();
  await renderMinutes(ctx, { meetingId: oneMeeting, format: 'pdf' });
  const result: Rendered = {
    ours: [],
    reference: [],
    model: [],
    coldMs: performance.now() - started,
    bytes: 0,
    referenceBytes: 0,
  };
  for (let run = 0; run < RUNS; run++) {
    started = performance.now();
    const rendered = await renderMinutes(ctx, { meetingId: bigMeeting, format: 'pdf' });
    result.ours.push(performance.now() - started);
    result.bytes = rendered.bytes.length;

    started = performance.now();
    const one = await renderMinutes(ctx, { meetingId: oneMeeting, format: 'pdf' });
    result.reference.push(performance.now() - started);
    result.referenceBytes = one.bytes.length;

    started = performance.now();
    currentMinutesModel(ctx, getMeetingRow(ctx, bigMeeting));
    result.model.push(performance.now() - started);
  }
  ctx.db.close();
  return result;
}

async function main(): Promise<void> {
  const dir = scratchDir('minutes');
  const setupStarted = performance.now();
  const ctx = await workspace(dir, DECISIONS);
  const bigMeeting = holdMeeting(ctx, DECISIONS, 1);
  const oneMeeting = holdMeeting(ctx, 1, 2);
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  ctx.db.close();

  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      import.meta.filename,
      RENDER,
      ctx.dataDir,
      String(bigMeeting),
      String(oneMeeting),
    ],
    { encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`the rendering process failed: ${child.stderr}`);
  const runs = JSON.parse(child.stdout) as Rendered;

  const value = median(runs.ours);
  emit({
    bench: 'minutes.pdf500',
    value: round(value),
    unit: 'ms',
    reference:
      'the one-page minutes PDF of a one-decision meeting, same fonts and code, same run (the fixed cost of any minutes PDF)',
    referenceValue: round(median(runs.reference)),
    decisions: DECISIONS,
    bytes: runs.bytes,
    referenceBytes: runs.referenceBytes,
    samplesMs: runs.ours.map((ms) => round(ms)),
    modelMs: round(median(runs.model)),
    coldMs: round(runs.coldMs),
    runs: RUNS,
    setupSeconds: round(setupSeconds),
    withinTargets: value <= TARGET_MS && runs.bytes <= TARGET_BYTES,
  });
}

if (process.argv[2] === RENDER) {
  const [dataDir, big, one] = process.argv.slice(3) as [string, string, string];
  process.stdout.write(JSON.stringify(await renderRuns(dataDir, Number(big), Number(one))));
} else {
  await main();
}

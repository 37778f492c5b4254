import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PATHS,
  inDemo,
  makeCouncilDemo,
  minutesFilePath,
  type CouncilDemo,
} from '../../../src/main/demo/council';
import { CLAIM_NAMES, MEETING } from '../../../src/main/demo/council/script';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import { draftMinutes, renderMinutes } from '../../../src/main/services/minutes';
import { latestRoster } from '../../../src/main/services/roster';
import { formatKrw, formatKrwPlain } from '../../../src/shared/domain/money';
import { makeTempDir } from '../../helpers/temp-workspace';
import { RESOURCES_DIR } from '../../helpers/test-platform';
import { minutesWorkspace } from './fixture';
import { DEMO_WORKSPACE_PASSPHRASE } from '../../../src/main/demo/council/workspaces';
import { unlockWorkspace } from '../../../src/main/services/unlock-workspace';

/*
 * The demo meeting's minutes as people get them: the PDF the demo wrote, read back with
 * poppler (pdftotext, pdffonts, pdftoppm) as a printer or a reader would. Every page is saved as
 * a PNG under artifacts/minutes/ for a person to look at.
 */

const ROOT = join(import.meta.dirname, '../../..');
const pagePng = (page: number) => join(ROOT, `artifacts/minutes/meeting-1-page-${page}.png`);

const temp = makeTempDir('review-desk-minutes-pdf-');
const outDir = join(temp.dir, 'demo');
let demo: CouncilDemo;
let pdfPath: string;
let text: string;

/** Text without any white space: pdftotext splits letter-spaced titles and table cells. */
const flat = (value: string) => value.replace(/\s+/g, '');

function poppler(command: string, ...args: string[]): string {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  return run.stdout;
}

const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', file))![1]);

beforeAll(async () => {
  const { file, evidence } = demoBatchPaths(RESOURCES_DIR);
  demo = await makeCouncilDemo(outDir, { batchFile: file, evidence });
  pdfPath = inDemo(outDir, minutesFilePath(MEETING.number, 'pdf'));
  // Without -layout, each cell's text stays whole on its own line.
  text = poppler('pdftotext', pdfPath, '-');
}, 120_000);
afterAll(temp.cleanup);

interface Totals {
  count: number;
  claimed: number;
  decided: number;
}

describe('the demo meeting’s minutes as a PDF', { timeout: 60_000 }, () => {
  it('names the council, the meeting, who attended and who did not', () => {
    expect(flat(text)).toContain('회의록1015피해지원협의체제1차회의');
    expect(text).toContain(MEETING.place);
    expect(text).toContain('2022년 12월 20일(화) 14:00 ~ 15:40');
    expect(text).toContain('4명: 이도윤(위원장), 김민준, 정우진, 최하은');
    expect(text).toContain('1명: 한지민');
    expect(text).toContain('재적위원 과반수 출석: 충족 (재적 5명 중 4명 출석)');
    expect(text).toContain(`위원장 이도윤 승인`);
    expect(text).not.toContain('초안');
  });

  it('lists each decision with its outcome, amount, reasons and roll call, recusal shown', () => {
    for (const item of MEETING.agenda) {
      expect(text).toContain(item.claimId);
      expect(text).toContain(CLAIM_NAMES[item.claimId]!.ko);
    }
    for (const label of ['인정', '일부 인정', '차기 회의 이월', '가결', '부결'])
      expect(text).toContain(label);
    expect(text).toContain('730,000원');
    expect(text).toContain('800,000원');
    expect(text).toContain('사유: 증빙 불충분');
    expect(text).toContain('상정안: 기각 (부결)');
    expect(text).toContain('표결: 찬성 4명(이도윤, 김민준, 정우진, 최하은), 불참 1명(한지민)');
    expect(text).toMatch(
      /찬성 1명\(김민준\), 반대 2명\(이도윤, 정우진\), 회피 1명\(최하은\),\s+불참 1명\(한지민\)/,
    );
  });

  it('prints totals equal to those computed from the database', () => {
    const ws = unlockWorkspace(inDemo(outDir, DEMO_PATHS.secretaryWorkspace), {
      passphrase: DEMO_WORKSPACE_PASSPHRASE,
    });
    let all: Totals;
    let byOutcome: (Totals & { outcome: string })[];
    try {
      const sql = `SELECT %KEY% count(*) AS count, coalesce(sum(c.claimed_loss), 0) AS claimed,
          coalesce(sum(d.amount), 0) AS decided
        FROM decisions d JOIN claims c ON c.claim_id = d.claim_id
        WHERE d.meeting_id = ? AND d.id = (SELECT max(id) FROM decisions e
          WHERE e.meeting_id = d.meeting_id AND e.claim_id = d.claim_id) %GROUP%`;
      all = ws.db
        .prepare(sql.replace('%KEY%', '').replace('%GROUP%', ''))
        .get(demo.meeting.id) as Totals;
      byOutcome = ws.db
        .prepare(
          sql.replace('%KEY%', 'd.outcome AS outcome,').replace('%GROUP%', 'GROUP BY d.outcome'),
        )
        .all(demo.meeting.id) as (Totals & { outcome: string })[];
    } finally {
      ws.db.close();
    }
    expect(all).toEqual({ count: 3, claimed: 2_730_000, decided: 1_530_000 });
    expect(demo.minutes.version.items).toBe(all.count);
    // Each totals row: label, count, claimed and granted, cell after cell.
    const row = (label: string, t: Totals) =>
      flat(`${label}${t.count}건${formatKrw(t.claimed)}${formatKrw(t.decided)}`);
    expect(flat(text)).toContain(row('위원회 심사', all));
    expect(flat(text).split(row('합계', all)).length - 1).toBe(2); // by tier, by outcome
    const labels: Record<string, string> = {
      approve: '인정',
      partial: '일부 인정',
      defer: '차기 회의 이월',
    };
    expect(byOutcome.map((r) => r.outcome).sort()).toEqual(Object.keys(labels).sort());
    for (const r of byOutcome) expect(flat(text)).toContain(row(labels[r.outcome]!, r));
    for (const none of ['기각', '보완 요청'])
      expect(flat(text)).toContain(row(none, { count: 0, claimed: 0, decided: 0 }));
  });

  it('shows the workspace’s payout position after the meeting’s totals, its total as SQL sums it', () => {
    const ws = unlockWorkspace(inDemo(outDir, DEMO_PATHS.secretaryWorkspace), {
      passphrase: DEMO_WORKSPACE_PASSPHRASE,
    });
    let paid: { count: number; total: number };
    try {
      // What the ledger pays: each bracket claim's support and each current approved decision.
      paid = ws.db
        .prepare(
          `SELECT count(*) AS count, coalesce(sum(amount), 0) AS total FROM (
             SELECT s.amount FROM claims c JOIN claim_support s ON s.claim_id = c.claim_id
             WHERE c.tier IN ('tier_30k', 'tier_50k')
             UNION ALL
             SELECT d.amount FROM claims c JOIN decisions d ON d.claim_id = c.claim_id
             WHERE c.tier = 'committee_review' AND d.outcome IN ('approve', 'partial')
               AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.replaces_id = d.id))`,
        )
        .get() as { count: number; total: number };
    } finally {
      ws.db.close();
    }
    expect(paid.total).toBeGreaterThan(1_530_000);
    const all = flat(text);
    const heading = flat('3. 지급 현황 (회의록 작성 시점, 작업 공간 전체)');
    expect(all).toContain(heading);
    expect(all.indexOf(flat('2. 집계'))).toBeLessThan(all.indexOf(heading));
    expect(all.indexOf(heading)).toBeLessThan(all.indexOf(flat('4. 위원 명부와 회의록 확인')));
    expect(all).toContain(
      flat(`지급 예정 합계 ${formatKrwPlain(paid.count)}건 ${formatKrw(paid.total)}`),
    );
    expect(all).toContain(flat('2022-12-20 16:00(KST) 현재'));
    expect(all).toContain(flat('발표 기준 (참고, 위 합계에 더하지 않음)'));
  });

  it('carries the roster fingerprint, the version, its hash and a signature block', () => {
    const hash = demo.minutes.version.sha256;
    expect(text).toContain(hash);
    expect(text).toMatch(/지문 [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
    expect(text).toContain(`SHA-256 ${hash.slice(0, 4).toUpperCase()}-`);
    const pages = pageCount(pdfPath);
    for (let page = 1; page <= pages; page++) expect(flat(text)).toContain(`-${page}/${pages}-`);
    expect(text).toContain('1015 피해지원 협의체 · 제1차 회의록');
    expect(flat(text)).toContain('위원장이도윤(서명또는인)간사박서연(서명또는인)위원김민준');
    expect(text.split('(서명 또는 인)').length - 1).toBe(2 + 3); // chair, secretary, 3 members
    const info = poppler('pdfinfo', pdfPath);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/CreationDate:\s+Tue Dec 20 07:00:00 2022 UTC/);
    expect(info).toContain(`Keywords:        minutes-sha256:${hash}`);
  });

  it('embeds the Korean fonts as subsets and stays small', () => {
    const fonts = poppler('pdffonts', pdfPath).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) {
      const [name, ...rest] = line.split(/\s+/);
      expect(name).toMatch(/^[A-Z]{6}\+Nanum(Myeongjo|Gothic)/);
      // emb sub uni
      expect(rest.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }
    // The font files alone are 2-3 MB each; subsets keep the whole document far below that.
    expect(statSync(pdfPath).size).toBeLessThan(150_000);
  });

  it('keeps every word inside the text area, binding margin included', () => {
    const mm = 72 / 25.4;
    const words = [
      ...poppler('pdftotext', '-bbox', pdfPath, '-').matchAll(
        /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g,
      ),
    ].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(words.length).toBeGreaterThan(200);
    for (const [xMin, xMax] of words) {
      expect(xMin).toBeGreaterThanOrEqual(25 * mm - 0.5);
      expect(xMax).toBeLessThanOrEqual(595.28 - 20 * mm + 0.5);
    }
  });

  it('renders the same version to the same bytes', async () => {
    const ws = unlockWorkspace(inDemo(outDir, DEMO_PATHS.secretaryWorkspace), {
      passphrase: DEMO_WORKSPACE_PASSPHRASE,
    });
    try {
      const again = await renderMinutes(ws, { meetingId: demo.meeting.id, format: 'pdf' });
      expect(Buffer.from(again.bytes).equals(readFileSync(pdfPath))).toBe(true);
    } finally {
      ws.db.close();
    }
  });

  it('turns every page into a PNG for a person to judge', () => {
    mkdirSync(join(ROOT, 'artifacts/minutes'), { recursive: true });
    const pages = pageCount(pdfPath);
    for (let page = 1; page <= pages; page++) {
      const prefix = join(temp.dir, `page-${page}`);
      const at = String(page);
      poppler('pdftoppm', '-png', '-r', '110', '-f', at, '-l', at, '-singlefile', pdfPath, prefix);
      const png = readFileSync(`${prefix}.png`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const saved = pagePng(page);
      writeFileSync(saved, png);
      expect(statSync(saved).size).toBeGreaterThan(20_000);
    }
  });

  it('marks a draft as 초안 on every page', async () => {
    const { ws, meetingId } = minutesWorkspace();
    try {
      draftMinutes(ws, meetingId);
      const rendered = await renderMinutes(ws, { meetingId, format: 'pdf' });
      const file = join(temp.dir, 'draft.pdf');
      writeFileSync(file, rendered.bytes);
      const draftText = poppler('pdftotext', file, '-');
      expect(draftText).toContain('제1판 초안 · 승인 전');
      // The roster the meeting ran under (the council's keys made in memory).
      expect(flat(draftText)).toContain(
        `제1판(2022-11-14시행)·지문${latestRoster(ws.db)!.fingerprint}`,
      );
      // The watermark, once per page: pdftotext gives its first syllable a line of its own.
      const pages = pageCount(file);
      const watermarks = (t: string) => t.split('\n').filter((line) => line.trim() === '초').length;
      expect(watermarks(draftText)).toBe(pages);
      expect(watermarks(text)).toBe(0);
      expect(rendered.fileName).toBe('meeting-1.minutes-v1.pdf');
    } finally {
      ws.cleanup();
    }
  });
});

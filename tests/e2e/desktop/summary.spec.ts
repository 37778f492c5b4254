import { expect, test, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import type { ServiceContext } from '../../../src/main/services/context';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { LEDGER_HEADERS } from '../../../src/main/services/ledger';
import { secretarySummary } from '../../../src/main/services/payouts';
import { formatKrw, formatKrwPlain } from '../../../src/shared/domain/money';
import { budgetOf } from '../../../src/shared/domain/summary';
import { GOOD_ROWS, writeCsv } from '../../helpers/batch-files';
import { seatCouncil } from '../../helpers/council';
import { decideInMeeting } from '../../helpers/council-meeting';
import type { ReasonCode } from '../../../src/shared/domain/decision';
import { makeTempDir } from '../../helpers/temp-workspace';
import { ROOT } from '../../electron-stand-in/launch';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import { holdNextSaveDialog } from '../helpers/held-save-dialog';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * The secretary's payout summary in the app as a person starts it (the built main bundle and
 * preload under the Electron stand-in): the demo batch and a small second batch, a few council
 * decisions made in a meeting through the services before the app starts, figures checked against the
 * service's own summary, the chart drawn, and the ledger saved as CP949.
 */

let temp: ReturnType<typeof makeTempDir>;
/** Batch files and saved ledgers: outside the workspace folder, as a user's files are. */
let files: ReturnType<typeof makeTempDir>;
/** The test's own connection to the app's workspace: SQLite WAL lets it read while the app writes. */
let workspace: ServiceContext;
let desktop: Desktop;
let page: Desktop['page'];
/** The app's resourcesDir: unpackaged, <app path>/resources, and the stand-in's app path is the checkout. */
const RESOURCES_DIR = join(ROOT, 'resources');

test.beforeEach(async () => {
  // Each app start takes a few seconds, after two batches are imported.
  test.setTimeout(60_000);
  temp = makeTempDir('review-desk-e2e-summary-');
  files = makeTempDir('review-desk-e2e-summary-files-');
  workspace = openTestWorkspace(temp.dir, {});
  await importBatch(workspace, demoBatchPaths(RESOURCES_DIR));
  // A second batch, one claim per tier, so the batch picker has a choice to make.
  await importBatch(workspace, { file: writeCsv(files.dir, 'second.csv', GOOD_ROWS, 'utf-8-bom') });
  // The council's roster (keys made in memory) and its decisions, made in meeting no. 1: only
  // the council's decisions are paid.
  seatCouncil(workspace);
  const cases = workspace.db
    .prepare(
      `SELECT claim_id FROM claims WHERE batch_id = 1 AND tier = 'committee_review'
         AND claimed_loss >= 600000 ORDER BY claim_id`,
    )
    .pluck()
    .all() as string[];
  const proof: ReasonCode[] = ['insufficient_proof'];
  decideInMeeting(workspace, 1, '2022-12-20', [
    { claimId: cases[0]!, outcome: 'approve', amount: 500_001 },
    { claimId: cases[1]!, outcome: 'partial', amount: 450_000, reasonCodes: proof },
    { claimId: cases[2]!, outcome: 'reject', amount: null, reasonCodes: proof },
    { claimId: cases[3]!, outcome: 'defer', amount: null },
    { claimId: 'K-2022-100001', outcome: 'approve', amount: 620_000 },
  ]);
  desktop = await openDesktop({ workspaceDir: temp.dir });
  page = desktop.page;
});

test.afterEach(async () => {
  try {
    await desktop.finish();
  } finally {
    workspace.db.close();
    temp.cleanup();
    files.cleanup();
  }
});

async function expectFigures(page: Page, batchId?: number) {
  const summary = secretarySummary(workspace, batchId === undefined ? {} : { batchId });
  const budget = budgetOf(summary);
  await expect(page.getByTestId('summary-to-pay-value')).toHaveText(
    formatKrw(summary.ledger.total),
  );
  await expect(page.getByTestId('summary-count-value')).toHaveText(
    formatKrwPlain(summary.ledger.count),
  );
  await expect(page.getByTestId('summary-exposure-value')).toHaveText(
    formatKrw(summary.committee.open.claimedTotal),
  );
  for (const [tier, basis] of [
    ['tier_30k', 'tier_30k'],
    ['tier_50k', 'tier_50k'],
    ['committee_review', 'committee'],
  ] as const)
    await expect(page.getByTestId(`summary-tier-${tier}-amount`)).toHaveText(
      formatKrw(summary.ledger.byBasis[basis].total),
    );
  await expect(page.getByTestId('summary-tier-total-amount')).toHaveText(
    formatKrw(summary.ledger.total),
  );
  await expect(page.getByTestId('summary-committee-paid-amount')).toHaveText(
    formatKrw(summary.ledger.byBasis.committee.total),
  );
  await expect(page.getByTestId('budget-to-pay-amount')).toHaveText(formatKrw(budget.toPay));
  await expect(page.getByTestId('budget-ceiling-amount')).toHaveText(formatKrw(budget.ceiling));
  return summary;
}

/** The chart's canvas has a size and some drawn (non-transparent) pixels. */
async function expectChartDrawn(page: Page) {
  const canvas = page.getByRole('img', { name: /^(지급액 구성 막대 차트|Bar chart of payouts): / });
  await expect(canvas).toBeVisible();
  const drawn = await canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
    return { width: c.width, height: c.height, painted };
  });
  expect(drawn.width).toBeGreaterThan(100);
  expect(drawn.height).toBeGreaterThan(100);
  expect(drawn.painted).toBeGreaterThan(1000);
}

test('the secretary reads the payout summary and saves the ledger as CP949 for Korean Excel', async () => {
  // Reading the summary and saving the ledger need no key: nobody has unlocked one.
  await expect(page.getByTestId('acting-badge')).toHaveText('서명 키 잠김');
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '지급 요약', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('지급 요약');
  const all = await expectFigures(page);
  expect(all.ledger.byBasis.committee.count).toBe(3);
  expect(all.committee.byState).toMatchObject({ approved: 2, partially_approved: 1, rejected: 1 });
  await expect(
    page
      .getByRole('table', { name: '위원회 심사 대상의 현재 결정별 건수와 금액', exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '기각', exact: true }) })
      .getByRole('cell')
      .first(),
  ).toHaveText('1');
  await expectChartDrawn(page);
  await screenshot(page, '80-summary-overview-ko');

  // One batch: the demo batch alone.
  await page.getByRole('combobox', { name: '범위' }).selectOption('1');
  const demo = await expectFigures(page, 1);
  expect(demo.ledger.total).toBeLessThan(all.ledger.total);
  await expect(page.getByTestId('ledger-export-scope')).toContainText('묶음 #1');

  // The ledger as CP949: the progress shows while the save dialog is open, then the result.
  const out = join(files.dir, 'payout-ledger-cp949.csv');
  const saveDialog = await holdNextSaveDialog(desktop, out);
  await page.getByRole('button', { name: 'CSV (CP949, 한글 엑셀) 저장…', exact: true }).click();
  await expect(
    page.getByRole('progressbar', { name: '지급 명세를 만드는 중… (CSV CP949)', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'XLSX 저장…', exact: true })).toBeDisabled();
  await expect.poll(() => saveDialog.isOpen()).toBe(true);
  await saveDialog.release();
  await expect(page.getByTestId('ledger-export-saved')).toContainText(out);
  await expect(page.getByTestId('ledger-export-figures')).toHaveText(
    `CSV CP949 · ${demo.ledger.count}건 · 합계 ${formatKrw(demo.ledger.total)}`,
  );
  const text = iconv.decode(readFileSync(out), 'cp949');
  expect(text.split('\r\n')[0]).toBe(LEDGER_HEADERS.join(','));
  expect(text.split('\r\n').filter(Boolean)).toHaveLength(demo.ledger.count + 1);
  await page
    .getByRole('region', { name: '지급 명세 내보내기', exact: true })
    .scrollIntoViewIfNeeded();
  await screenshot(page, '81-summary-ledger-saved-ko');

  await page.getByRole('region', { name: '예산 보기', exact: true }).scrollIntoViewIfNeeded();
  await screenshot(page, '82-summary-budget-ko');
  await page
    .getByRole('region', { name: '일반이용자 보상 패키지: 발표 추정', exact: true })
    .scrollIntoViewIfNeeded();
  await screenshot(page, '83-summary-published-ko');

  // English: the same figures, the published estimate still labelled as such.
  await page.getByRole('combobox', { name: '범위' }).selectOption('');
  await page
    .getByRole('group', { name: '언어', exact: true })
    .getByRole('button', { name: 'English', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payout summary');
  await expect(
    page
      .getByRole('navigation', { name: 'Main menu', exact: true })
      .getByRole('button', { name: 'Payout summary', exact: true }),
  ).toHaveText('Payout summary');
  await expectFigures(page);
  await expect(
    page
      .getByRole('table', {
        name: 'Budget view: workspace figures and published figures',
        exact: true,
      })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'General-user package', exact: true }) }),
  ).toContainText('Published estimate: about 500 billion KRW');
  await expect(
    page.getByRole('region', { name: 'General-user package: the published estimate', exact: true }),
  ).toContainText('Published estimate · not workspace figures');
  await expectChartDrawn(page);
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await screenshot(page, '84-summary-overview-en');
});

test('a business name CP949 cannot hold is named, and nothing is written', async () => {
  // A third batch, imported through the test's connection while the app runs (as the CLI could).
  const row = [...GOOD_ROWS[1]!];
  row[0] = 'K-2022-900001';
  row[8] = '성수 꽃집 🌸';
  await importBatch(workspace, { file: writeCsv(files.dir, 'emoji.csv', [row], 'utf-8-bom') });
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '지급 요약', exact: true })
    .click();
  await expectFigures(page);
  const out = join(files.dir, 'refused.csv');
  await desktop.answerDialogs([out]);
  await page.getByRole('button', { name: 'CSV (CP949, 한글 엑셀) 저장…', exact: true }).click();
  const error = page
    .getByRole('region', { name: '지급 명세 내보내기', exact: true })
    .getByRole('alert');
  await expect(error).toContainText('K-2022-900001');
  await expect(error).toContainText('성수 꽃집 🌸');
  await expect(page.getByTestId('ledger-export-cp949-hint')).toBeVisible();
  // Refused before the dialog: it was never asked, and no file exists.
  expect(await desktop.dialogOwners()).toEqual([]);
  expect(existsSync(out)).toBe(false);
  await page
    .getByRole('region', { name: '지급 명세 내보내기', exact: true })
    .scrollIntoViewIfNeeded();
  await screenshot(page, '85-summary-cp949-refused-ko');
});

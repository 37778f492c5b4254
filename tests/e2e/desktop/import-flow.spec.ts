import { expect, test } from '@playwright/test';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeLargeBatch } from '../../../src/main/demo';
import { generateClaimRows } from '../../../src/main/demo/generate-claims';
import { writeBatchXlsx } from '../../../src/main/demo/write-batch';
import type { ServiceContext } from '../../../src/main/services/context';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import { makeTempDir } from '../../helpers/temp-workspace';
import { readXlsxParts, writeXlsxParts } from '../../helpers/xlsx-parts';
import { makeCouncilKeys, seatCouncilKeys, unlockAs } from '../helpers/council-keys';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * Intake through the app as a person starts it: the built main bundle and preload under the
 * Electron stand-in. Files "chosen in a dialog" are the answers main's dialog gives
 * (desktop.answerDialogs); batch files live next to the workspace folder, not in it.
 */

let temp: ReturnType<typeof makeTempDir>;
/** The test's own connection to the app's workspace: SQLite WAL lets it read while the app writes. */
let workspace: ServiceContext;
let desktop: Desktop;
let page: Desktop['page'];

test.beforeEach(async () => {
  // Each app start takes a few seconds, on top of what a test imports.
  test.setTimeout(60_000);
  temp = makeTempDir('review-desk-e2e-import-');
  const workspaceDir = join(temp.dir, 'workspace');
  // An empty workspace and no roster: nobody can unlock a key, and loading batches needs none.
  workspace = openTestWorkspace(workspaceDir, {});
  desktop = await openDesktop({ workspaceDir });
  page = desktop.page;
});

test.afterEach(async () => {
  try {
    await desktop.finish();
  } finally {
    workspace.db.close();
    temp.cleanup();
  }
});

test('loads the demo batch, then shows the report and the council statistics as charts', async () => {
  await page.getByRole('button', { name: '데모 묶음 불러오기', exact: true }).click();
  const report = page.getByRole('region', { name: /^가져오기 결과 \(신청 묶음 #\d+\)$/ });
  await expect(report).toBeVisible({ timeout: 20_000 });
  const counts = await Promise.all(
    ['rows', 'imported', 'quarantined', 'duplicates'].map(async (name) =>
      Number((await page.getByTestId(`report-${name}`).innerText()).replace(/\D/g, '')),
    ),
  );
  const [rows, imported, quarantined, duplicates] = counts as [number, number, number, number];
  expect(rows).toBe(305);
  // The demo carries the usual intake mistakes, so the report shows quarantine.
  expect(quarantined).toBe(4);
  expect(duplicates).toBe(0);
  expect(imported + quarantined + duplicates).toBe(rows);
  // What the screen says is what the database holds.
  expect(workspace.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(imported);
  // Loaded with no key unlocked: recorded, but as nobody in particular (never the OS account).
  await expect(page.getByTestId('acting-badge')).toHaveText('서명 키 잠김');
  expect(workspace.db.prepare('SELECT DISTINCT actor FROM audit_log').pluck().all()).toEqual([
    UNIDENTIFIED_OPERATOR,
  ]);

  const stats = page.getByRole('region', { name: '통계', exact: true });
  await expect(stats).toBeVisible();
  for (const chart of ['등급별', '신청인 구분별', '피해 유형별', '계열사별']) {
    const canvas = page.getByRole('img', {
      name: `${chart} 차트. 같은 수치가 옆의 표에 있습니다.`,
      exact: true,
    });
    await expect(canvas).toBeVisible();
    // A drawn chart has non-blank pixels.
    const painted = await canvas.evaluate((element) => {
      const c = element as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      return data.some((value, i) => i % 4 === 3 && value > 0);
    });
    expect(painted).toBe(true);
  }
  const reviewQueue = workspace.db
    .prepare("SELECT count(*) FROM claims WHERE tier = 'committee_review'")
    .pluck()
    .get() as number;
  await expect(page.getByTestId('stats-review-queue')).toContainText(String(reviewQueue));
  await screenshot(page, '10-demo-import-report');
  await stats.scrollIntoViewIfNeeded();
  await screenshot(page, '11-statistics-charts');
  await page
    .getByRole('group', { name: '언어', exact: true })
    .getByRole('button', { name: 'English', exact: true })
    .click();
  await expect(page.getByRole('table', { name: 'By tier', exact: true })).toContainText(
    'Committee review',
  );
  await screenshot(page, '11-statistics-charts-english');
});

test('imports a chosen file with a live progress bar and rows per second', async () => {
  test.setTimeout(180_000);
  const file = join(temp.dir, 'large.csv');
  await writeLargeBatch(file, 80_000, 20221015);
  await page.getByRole('button', { name: '파일 가져오기', exact: true }).click();
  await desktop.answerDialogs([file]);
  await page.getByRole('button', { name: '파일 선택…', exact: true }).click();
  await expect(
    page.getByRole('table', { name: '파일의 열과 신청 항목의 대응', exact: true }),
  ).toBeVisible();
  await expect(page.getByTestId('detected-encoding')).toContainText(/UTF-8/i);
  await page.getByRole('button', { name: '가져오기 시작', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: '가져오기 진행률', exact: true });
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await screenshot(page, '12-import-progress');
  await expect(page.getByTestId('import-rate')).toContainText(/\d/);
  await expect(
    page.getByRole('region', { name: /^가져오기 결과 \(신청 묶음 #\d+\)$/ }),
  ).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('report-rows')).toContainText('80,000');
  // Only the first problems travel in the report; the heading counts them all.
  const missing = workspace.db
    .prepare("SELECT count(*) FROM evidence WHERE status = 'missing'")
    .pluck()
    .get() as number;
  await expect(page.getByRole('heading', { name: /^증빙 문제 \(/ })).toContainText(
    missing.toLocaleString('en-US'),
  );
  await expect(page.getByTestId('empty-workspace')).toHaveCount(0);
  // The main bundle ran the import's worker threads (lib/worker-entry.ts): the rows were
  // prepared on one (no fallback to the main thread was logged) and the WAL was copied into
  // the database file on another after the commit, which nothing else here would do.
  expect(desktop.app.output(), desktop.app.output()).not.toContain('did not start');
  await expect
    .poll(() => statSync(join(temp.dir, 'workspace', 'review-desk.db')).size, {
      message: `the WAL was not copied into the database file:\n${desktop.app.output()}`,
      timeout: 20_000,
    })
    .toBeGreaterThan(16 * 1024 * 1024);
});

test('a cancelled import leaves nothing behind', async () => {
  const file = join(temp.dir, 'to-cancel.csv');
  await writeLargeBatch(file, 60_000, 7);
  await page.getByRole('button', { name: '파일 가져오기', exact: true }).click();
  await desktop.answerDialogs([file]);
  await page.getByRole('button', { name: '파일 선택…', exact: true }).click();
  await page.getByRole('button', { name: '가져오기 시작', exact: true }).click();
  await expect
    .poll(
      async () =>
        Number(
          await page
            .getByRole('progressbar', { name: '가져오기 진행률', exact: true })
            .getAttribute('aria-valuenow'),
        ),
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: '가져오기 취소', exact: true }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: '가져오기를 취소했습니다. 작업 공간은 바뀌지 않았습니다.' }),
  ).toBeVisible({ timeout: 20_000 });
  expect(workspace.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
  expect(workspace.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
});

test('a cut workbook is refused whole, said in Korean, and the next import goes ahead', async () => {
  const whole = join(temp.dir, 'whole.xlsx');
  await writeBatchXlsx(whole, generateClaimRows({ count: 5000, seed: 9 }), 'ko');
  const parts = await readXlsxParts(whole);
  const sheetPart = [...parts.keys()].find((name) => name.startsWith('xl/worksheets/'))!;
  const sheet = parts.get(sheetPart)!;
  const cutAt = async (name: string, fraction: number) => {
    const file = join(temp.dir, name);
    const cut = sheet.subarray(0, Math.floor(sheet.length * fraction));
    await writeXlsxParts(file, new Map([...parts, [sheetPart, cut]]));
    return file;
  };
  const importPanel = page.getByRole('region', { name: '신청 묶음 파일 가져오기', exact: true });
  const choose = async (file: string) => {
    await page.getByRole('button', { name: '파일 가져오기', exact: true }).click();
    await desktop.answerDialogs([file]);
    await page.getByRole('button', { name: '파일 선택…', exact: true }).click();
  };

  // Cut within the rows the mapping step samples: refused before anything starts.
  await choose(await cutAt('cut-early.xlsx', 0.1));
  await expect(importPanel.getByRole('alert')).toContainText('엑셀 파일이 손상되었거나 잘림');
  await importPanel.getByRole('button', { name: '닫기', exact: true }).click();

  // Cut far into the sheet: the import reads 3,000-odd rows, then refuses them all.
  await choose(await cutAt('cut-late.xlsx', 0.75));
  await page.getByRole('button', { name: '가져오기 시작', exact: true }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('엑셀 파일이 손상되었거나 잘림', { timeout: 30_000 });
  await expect(refusal).toContainText(/after row \d+/);
  await screenshot(page, '14-cut-workbook-refused');
  expect(workspace.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);

  // The refusal released the import: the whole workbook, chosen in the same panel, imports.
  await desktop.answerDialogs([whole]);
  await page.getByRole('button', { name: '파일 선택…', exact: true }).click();
  await page.getByRole('button', { name: '가져오기 시작', exact: true }).click();
  await expect(page.getByTestId('report-rows')).toContainText('5,000', { timeout: 60_000 });
});

test('quarantined rows go out as CSV and, once fixed, come back into the same batch', async () => {
  await page.getByRole('button', { name: '데모 묶음 불러오기', exact: true }).click();
  await expect(
    page.getByRole('region', { name: /^가져오기 결과 \(신청 묶음 #\d+\)$/ }),
  ).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: '결과 닫기', exact: true }).click();
  // The batch row's quarantine count opens that batch's quarantined rows.
  await page.getByTestId('batch-row-1').getByRole('button').click();
  const quarantine1 = page.getByTestId('batch-quarantine-1');
  await expect(quarantine1.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(4);

  const exported = join(temp.dir, 'quarantine.csv');
  await desktop.answerDialogs([exported]);
  await quarantine1.getByRole('button', { name: 'CSV로 내보내기', exact: true }).click();
  await expect(
    quarantine1.getByRole('status').filter({ hasText: /^격리 행 \d+건을 .+에 저장했습니다\.$/ }),
  ).toBeVisible();
  await screenshot(page, '13-quarantine-exported');
  // The secretary fixes the unreadable date in Excel and saves the file.
  const fixed = join(temp.dir, 'quarantine-fixed.csv');
  writeFileSync(
    fixed,
    readFileSync(exported, 'utf8').replace('10월 말경', '2022-10-31 18:00'),
    'utf8',
  );
  await desktop.answerDialogs([fixed]);
  await quarantine1.getByRole('button', { name: '수정본 가져오기', exact: true }).click();
  await expect(
    page.getByRole('region', { name: /^가져오기 결과 \(신청 묶음 #\d+\)$/ }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('report-imported')).toContainText('1');
  expect(
    workspace.db
      .prepare("SELECT batch_id FROM claims WHERE claim_id = 'K-2022-900001'")
      .pluck()
      .get(),
  ).toBe(1);
  await expect(page.getByTestId('batch-row-1')).toContainText('3');

  // A row that will never be a claim is discarded with a reason, by a person with a key.
  await page.getByRole('button', { name: '결과 닫기', exact: true }).click();
  await page.getByTestId('batch-row-1').getByRole('button').click();
  const row = quarantine1.locator('[data-testid="quarantine-row"][data-status="open"]').first();
  const entry = await row.getAttribute('data-entry');
  await row.getByRole('button', { name: '폐기', exact: true }).click();
  await quarantine1.getByTestId(`discard-reason-${entry}`).fill('시험으로 넣은 행');
  await quarantine1.getByTestId(`confirm-discard-${entry}`).click();
  // Nobody has unlocked a key: refused, and the row stays open.
  await expect(quarantine1.getByRole('alert')).toContainText('열쇠');
  expect(workspace.db.prepare('SELECT count(*) FROM quarantine_discards').pluck().get()).toBe(0);

  const council = makeCouncilKeys(temp.dir, [
    { name: '박서연', role: 'secretary' },
    { name: '이도윤', role: 'chair' },
    { name: '김민준', role: 'member' },
  ]);
  seatCouncilKeys(workspace, council);
  await unlockAs(desktop, council.people['김민준']!);
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('batch-row-1').getByRole('button').click();
  const again = quarantine1.locator(`[data-testid="quarantine-row"][data-entry="${entry}"]`);
  await again.getByRole('button', { name: '폐기', exact: true }).click();
  await quarantine1.getByTestId(`discard-reason-${entry}`).fill('시험으로 넣은 행');
  await quarantine1.getByTestId(`confirm-discard-${entry}`).click();
  await expect(page.getByTestId('show-quarantine-1')).toHaveText('2');
  await quarantine1.getByTestId('quarantine-ended').locator('summary').click();
  await expect(
    quarantine1.getByTestId('quarantine-ended').locator(`[data-entry="${entry}"]`),
  ).toContainText('폐기: 시험으로 넣은 행 (김민준');
  await screenshot(page, '13b-quarantine-discarded');
  expect(
    workspace.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'quarantine.discarded'")
      .pluck()
      .all(),
  ).toEqual(['김민준']);
});

import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import type { ServiceContext } from '../../../src/main/services/context';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { queuePage } from '../../../src/main/services/queue/queue';
import { verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { makeTempDir } from '../../helpers/temp-workspace';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import { ROOT } from '../../electron-stand-in/launch';
import {
  makeCouncilKeys,
  seatCouncilKeys,
  unlockAs,
  type CouncilKeys,
} from '../helpers/council-keys';
import { openTestWorkspace } from '../../helpers/workspace-key';

/**
 * A committee member's day, keyboard only: no mouse click from opening the queue to finding
 * the decisions again after a reload. The app is the built main bundle and preload under the
 * Electron stand-in, on a workspace seeded through the services before it starts.
 */
let temp: ReturnType<typeof makeTempDir>;
/** The test's own connection to the app's workspace: SQLite WAL lets it read while the app writes. */
let workspace: ServiceContext;
let desktop: Desktop;
let page: Desktop['page'];
let council: CouncilKeys;

/** The app's resourcesDir: unpackaged, <app path>/resources, and the stand-in's app path is the checkout. */
const RESOURCES_DIR = join(ROOT, 'resources');

// Demo claims the council reviews (tier committee_review), in the queue's order by receipt.
const WITH_PDF_AND_IMAGE = 'K-2022-000294'; // xlsx, pdf, csv, png; 603,000원, 교육서비스업

test.beforeEach(async () => {
  // Each app start takes a few seconds, after the demo batch is imported.
  test.setTimeout(60_000);
  temp = makeTempDir('review-desk-e2e-review-');
  workspace = openTestWorkspace(join(temp.dir, 'workspace'));
  await importBatch(workspace, demoBatchPaths(RESOURCES_DIR));
  // The council's roster; its people's key files beside the workspace. A person acts in the
  // app once they unlock their own key there (Settings).
  council = makeCouncilKeys(temp.dir, [
    { name: '박서연', role: 'secretary' },
    { name: '이도윤', role: 'chair' },
    { name: '김민준', role: 'member' },
  ]);
  seatCouncilKeys(workspace, council);
  desktop = await openDesktop({ workspaceDir: workspace.dataDir });
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

/** A grid row; a pinned column splits it in two elements, the first holds the claim id. */
const row = (page: Page, claimId: string) => page.locator(`.ag-row[row-id="${claimId}"]`).first();

/** The open claim's panel, named by its heading "신청 <claim id>". */
const claimDetail = (page: Page) => page.getByRole('complementary', { name: /^신청 / });

/** The notice, read out as a status, that a decision was saved. */
const saveStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^결정 #\d+을\(를\) 저장했습니다\.$/ });

async function key(page: Page, keys: string) {
  await page.keyboard.press(keys);
}

/** Quick search for a claim id, then Enter opens the first (only) row found. */
async function openBySearch(page: Page, claimId: string) {
  await key(page, '/');
  await expect(page.getByRole('searchbox', { name: '빠른 검색', exact: true })).toBeFocused();
  await key(page, 'Control+a');
  // Enter at once, as a quick typist would: it opens what the search finds, not a page of rows
  // still on its way for a half-typed id or the refresh after a save.
  await page.keyboard.type(claimId);
  await key(page, 'Enter');
  await expect(claimDetail(page)).toHaveAttribute('data-claim-id', claimId);
}

/** Empties the quick search; Enter then opens the first claim of the view. */
async function openFirstOfView(page: Page) {
  await key(page, '/');
  await key(page, 'Control+a');
  await key(page, 'Backspace');
  await key(page, 'Enter');
  await expect(claimDetail(page)).toBeVisible();
}

function decisionsOf(claimId: string) {
  return workspace.db
    .prepare(
      'SELECT outcome, amount, replaces_id AS replacesId, policy_version AS policyVersion, override_reason AS overrideReason FROM decisions WHERE claim_id = ? ORDER BY id',
    )
    .all(claimId);
}

test('reviews the demo queue with the keyboard only, and finds it all after a reload', async () => {
  test.setTimeout(120_000);
  // The member unlocks their key first (Settings); from the queue on, the keyboard only.
  await unlockAs(desktop, council.people['김민준']!);
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '심사', exact: true })
    .focus();
  await key(page, 'Enter');
  const grid = page.getByTestId('queue-grid');
  await expect(grid).toBeVisible();
  // The default view is the undecided review queue.
  await expect(page.getByRole('combobox', { name: '보기', exact: true })).toHaveValue('queue');
  await expect(row(page, WITH_PDF_AND_IMAGE)).toBeVisible();
  await screenshot(page, '20-review-grid-ko');

  await key(page, '?');
  await expect(page.getByRole('dialog', { name: '키보드 단축키', exact: true })).toBeVisible();
  await screenshot(page, '21-shortcut-help-ko');
  await key(page, 'Escape');
  await expect(page.getByRole('dialog', { name: '키보드 단축키', exact: true })).toBeHidden();

  // Evidence: the PDF's page and the image, switched with ] and [.
  await openBySearch(page, WITH_PDF_AND_IMAGE);
  const viewer = page.getByRole('region', { name: '증빙 보기', exact: true });
  await expect(viewer).toBeVisible();
  // Its files, in the batch's order: a sales ledger (XLSX), a PDF, a POS export (CSV), a PNG.
  await expect(
    viewer.getByRole('region', { name: '표 내용', exact: true }).getByRole('table'),
  ).toBeVisible();
  await key(page, ']');
  // The first PDF loads pdf.js and its worker (about 2 MB) through the app's protocol.
  await expect(viewer.getByRole('img', { name: /^PDF \d+쪽$/ })).toBeVisible({ timeout: 20_000 });
  await expect(viewer.getByTestId('evidence-sha256')).toContainText(/[0-9a-f]{64}/);
  await screenshot(page, '22-evidence-pdf-ko');
  await key(page, ']');
  await expect(
    viewer.getByRole('region', { name: '표 내용', exact: true }).getByRole('table'),
  ).toBeVisible();
  await key(page, ']');
  await expect(viewer.getByRole('img', { name: /^증빙 이미지: / })).toBeVisible();
  await key(page, 'e');
  await key(page, '+');
  await key(page, 'r');
  await screenshot(page, '23-evidence-image-ko');

  // The calculator: verified loss typed, the calculation recorded.
  await key(page, 'c');
  await expect(page.getByRole('textbox', { name: '확인 피해액', exact: true })).toBeFocused();
  await page.getByRole('textbox', { name: '확인 피해액', exact: true }).fill('');
  await page.keyboard.type('60만원');
  await expect(page.getByTestId('calculator-recommended')).toContainText('원');
  await key(page, 'Tab');
  await expect(page.getByRole('button', { name: '산정 기록', exact: true })).toBeFocused();
  await key(page, 'Enter');
  // The recorded calculation is what 1 prefills the amount from: wait until it is there.
  await expect(
    page.getByTestId('calculator').getByRole('status').filter({ hasText: '산정을 기록했습니다' }),
  ).toBeVisible();
  await expect(page.getByTestId('recommendation-hint')).toBeHidden(); // shown once an outcome takes an amount

  // Approve at the recommended amount: 1 picks the outcome (amount prefilled), Ctrl+Enter saves.
  await key(page, '1');
  await expect(page.getByTestId('recommendation-hint')).toBeVisible();
  await screenshot(page, '24-decision-form-ko');
  await key(page, 'Control+Enter');
  await expect(saveStatus(page)).toBeVisible();
  const approved = decisionsOf(WITH_PDF_AND_IMAGE);
  expect(approved).toMatchObject([{ outcome: 'approve', policyVersion: 1, overrideReason: null }]);

  // The next claim: a partial approval without a reason is refused by the shared rules.
  await openFirstOfView(page);
  const partialId = (await claimDetail(page).getAttribute('data-claim-id'))!;
  expect(partialId).not.toBe(WITH_PDF_AND_IMAGE);
  await key(page, '2');
  await key(page, 'Tab');
  await page.keyboard.type('30만원');
  await key(page, 'Control+Enter');
  await expect(page.getByTestId('issues-reasonCodes')).toBeVisible();
  expect(decisionsOf(partialId)).toEqual([]);
  await screenshot(page, '25-decision-invalid-ko');
  await page.getByRole('checkbox', { name: '증빙 불충분', exact: true }).focus();
  await key(page, 'Space');
  await key(page, 'Control+Enter');
  await expect(saveStatus(page)).toBeVisible();
  expect(decisionsOf(partialId)).toMatchObject([{ outcome: 'partial', amount: 300_000 }]);

  // The next one: rejected, then amended to an approval with its reason.
  await key(page, 'j');
  const rejectedId = (await claimDetail(page).getAttribute('data-claim-id'))!;
  await key(page, '3');
  await page.getByRole('checkbox', { name: '장애와 인과관계 없음', exact: true }).focus();
  await key(page, 'Space');
  await key(page, 'Control+Enter');
  await expect(saveStatus(page)).toBeVisible();
  await key(page, '1');
  await page.getByRole('textbox', { name: '지원 금액', exact: true }).focus();
  await page.keyboard.type('500,000');
  await page.getByRole('textbox', { name: '변경 사유', exact: true }).focus();
  await page.keyboard.type('장애 시간대 결제 실패 기록 확인');
  await key(page, 'Control+Enter');
  await expect(page.getByTestId('decision-history').locator('[data-outcome]')).toHaveCount(2);
  const chain = decisionsOf(rejectedId) as { replacesId: number | null }[];
  expect(chain).toMatchObject([{ outcome: 'reject' }, { outcome: 'approve', amount: 500_000 }]);

  // Reload: the decisions, the history and the chain are all still there.
  await page.reload();
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '심사', exact: true })
    .focus();
  await key(page, 'Enter');
  await page.getByRole('combobox', { name: '보기', exact: true }).focus();
  await page.getByRole('combobox', { name: '보기', exact: true }).selectOption('decided');
  await key(page, 'Escape'); // back to the grid
  await expect(row(page, WITH_PDF_AND_IMAGE)).toBeVisible();
  await expect(row(page, partialId)).toBeVisible();
  await expect(row(page, rejectedId)).toBeVisible();
  await openBySearch(page, rejectedId);
  await key(page, 'h');
  const timeline = page.getByRole('region', { name: '처리 이력', exact: true });
  await expect(timeline.locator('[data-action="decision.recorded"]')).toHaveCount(1);
  await expect(timeline.locator('[data-action="decision.amended"]')).toHaveCount(1);
  await openBySearch(page, WITH_PDF_AND_IMAGE);
  await expect(timeline.locator('[data-action="evidence.viewed"]').first()).toBeVisible();
  await expect(timeline.locator('[data-action="support.calculated"]')).toHaveCount(1);
  await expect(timeline.locator('[data-action="batch.imported"]')).toHaveCount(1);
  expect(verifyAuditChain(workspace.db).ok).toBe(true);
});

test('the grid, viewer and form in English', async () => {
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '설정', exact: true })
    .click();
  await page.getByRole('combobox', { name: '표시 언어', exact: true }).selectOption('en');
  await page
    .getByRole('navigation', { name: 'Main menu', exact: true })
    .getByRole('button', { name: 'Review', exact: true })
    .click();
  await expect(page.getByTestId('queue-grid')).toContainText('Claimed loss');
  await screenshot(page, '26-review-grid-en');
  await row(page, WITH_PDF_AND_IMAGE).click();
  await expect(page.getByRole('region', { name: 'Evidence viewer', exact: true })).toBeVisible();
  await page.keyboard.press('c');
  await screenshot(page, '27-claim-workspace-en');
});

test('a secretary assigns the claims a filter shows; the member then starts on them', async () => {
  // Settings: the secretary takes the machine with her key.
  await unlockAs(desktop, council.people['박서연']!);
  await expect(page.getByTestId('people-current')).toContainText('박서연 (간사)');

  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '심사', exact: true })
    .click();
  await page.getByRole('searchbox', { name: '빠른 검색', exact: true }).fill('음식점업');
  // Wait for the search itself (debounced), not for whatever the view showed before it.
  const expected = queuePage(workspace, {
    query: { view: 'queue', search: '음식점업', sort: [], filters: {} },
    startRow: 0,
    endRow: 100,
  }).total;
  expect(expected).toBeGreaterThan(0);
  await expect(page.getByTestId('claim-count')).toContainText(`중 ${expected}건`);
  await expect(page.locator('.ag-row').filter({ hasText: '음식점업' }).first()).toBeVisible();
  await page.getByRole('combobox', { name: '배정 대상', exact: true }).selectOption('김민준');
  await page.getByRole('button', { name: '표시된 신청 모두 배정', exact: true }).click();
  await expect(page.getByTestId('assign-bar').getByRole('status')).toContainText('김민준');
  await screenshot(page, '28-assigned-ko');

  const assigned = workspace.db
    .prepare(
      "SELECT a.claim_id AS claimId, c.industry FROM claim_assignments a JOIN claims c USING (claim_id) WHERE a.assignee = '김민준'",
    )
    .all() as { claimId: string; industry: string }[];
  expect(assigned.length).toBeGreaterThan(0);
  expect(assigned.every((row) => row.industry === '음식점업')).toBe(true);

  // The member takes the machine (the secretary locks, he unlocks his key): their default
  // view is their own list.
  await unlockAs(desktop, council.people['김민준']!);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '심사', exact: true })
    .click();
  await expect(page.getByRole('combobox', { name: '보기', exact: true })).toHaveValue('mine');
  for (const { claimId } of assigned) await expect(row(page, claimId)).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../src/main/services/open-workspace';
import type { ServiceContext } from '../../../src/main/services/context';
import { makeTempDir } from '../../support/temp-workspace';
import { openRenderer, type RendererHarness } from '../support/renderer-harness';

const SCREENSHOTS = join(import.meta.dirname, '../../../artifacts/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

let temp: ReturnType<typeof makeTempDir>;
let workspace: ServiceContext;
let harness: RendererHarness;
const open = () => openWorkspace(temp.dir, { actor: '위원 김민준' });

test.beforeEach(async ({ page }) => {
  temp = makeTempDir('review-desk-e2e-');
  workspace = open();
  harness = await openRenderer(page, () => workspace);
});

test.afterEach(() => {
  // The app may fetch nothing from anywhere but itself, and the strict CSP must not bite.
  expect(harness.blockedRequests).toEqual([]);
  expect(harness.consoleErrors).toEqual([]);
  workspace.db.close();
  temp.cleanup();
});

async function loadSample(page: Page) {
  await expect(page.getByTestId('empty-workspace')).toBeVisible();
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('screen-review')).toBeVisible();
  await expect(page.getByTestId('claim-row-K-2022-000101')).toBeVisible();
}

test('records a decision in the UI; after a restart it and its audit entry are still there', async ({ page }) => {
  await shot(page, '01-empty-workspace');
  await loadSample(page);
  await shot(page, '02-review-queue');

  await page.getByTestId('claim-row-K-2022-000101').click();
  const form = page.getByTestId('decision-form');
  await expect(form).toBeVisible();
  await form.getByTestId('outcome-partial').check();
  await form.getByTestId('decision-amount').fill('120만원');
  await expect(form.getByTestId('decision-amount-parsed')).toContainText('1,200,000원');
  // The shared rules run in the form: a partial approval needs a reason before it can be saved.
  await expect(form.getByTestId('save-decision')).toBeDisabled();
  await form.getByTestId('reason-insufficient_proof').check();
  await form.getByTestId('decision-note').fill('POS 자료 중 10월 16일분만 확인됨');
  await shot(page, '03-decision-form-filled');
  await form.getByTestId('save-decision').click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  await shot(page, '04-decision-saved');

  // What the UI saved is what main committed.
  const [stored] = workspace.db.prepare('SELECT outcome, amount, reason_codes, note, decided_by FROM decisions').all() as {
    outcome: string;
    amount: number;
  }[];
  expect(stored).toEqual({
    outcome: 'partial',
    amount: 1_200_000,
    reason_codes: '["insufficient_proof"]',
    note: 'POS 자료 중 10월 16일분만 확인됨',
    decided_by: '위원 김민준',
  });

  // Restart: the database is closed and opened again from disk, the page reloads.
  workspace.db.close();
  workspace = open();
  await page.reload();
  await page.getByTestId('nav-review').click();
  await page.getByTestId('claim-row-K-2022-000101').click();
  const history = page.getByTestId('decision-history');
  await expect(history.getByTestId('decision-1')).toHaveAttribute('data-outcome', 'partial');
  await expect(history).toContainText('1,200,000원');
  await expect(page.getByTestId('claim-row-K-2022-000101')).toContainText('일부 인정');

  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-verdict')).toHaveAttribute('data-ok', 'true');
  const decisionEntry = page.getByTestId('audit-row').filter({ hasText: 'K-2022-000101' });
  await expect(decisionEntry).toHaveCount(1);
  await expect(decisionEntry).toContainText('위원 김민준');
  await shot(page, '05-audit-after-restart');
});

test('an amendment needs its reason and keeps the history visible', async ({ page }) => {
  await loadSample(page);
  await page.getByTestId('claim-row-K-2022-000112').click();
  const form = page.getByTestId('decision-form');
  await form.getByTestId('outcome-approve').check();
  await form.getByTestId('decision-amount').fill('650,001');
  await expect(form.getByTestId('issues-amount').locator('[data-issue="amount_above_claimed_loss"]')).toBeVisible();
  await expect(form.getByTestId('save-decision')).toBeDisabled();
  await form.getByTestId('decision-amount').fill('₩300,000');
  await form.getByTestId('save-decision').click();
  await expect(page.getByTestId('decision-history').getByTestId('decision-1')).toBeVisible();

  const amend = page.getByTestId('decision-form');
  await amend.getByTestId('outcome-reject').check();
  await amend.getByTestId('reason-not_caused_by_outage').check();
  await expect(amend.getByTestId('save-decision')).toBeDisabled();
  await amend.getByTestId('amendment-reason').fill('결제 실패 기록이 장애 시간 밖으로 확인됨');
  await amend.getByTestId('save-decision').click();
  const history = page.getByTestId('decision-history');
  await expect(history.getByTestId('decision-2')).toHaveAttribute('data-outcome', 'reject');
  await expect(history.getByTestId('decision-1')).toHaveAttribute('data-outcome', 'approve');
  await shot(page, '06-amended-history');
});

test('switches to English and back, and remembers the choice', async ({ page }) => {
  await loadSample(page);
  await page.getByTestId('locale-en').click();
  await expect(page.getByTestId('nav-review')).toContainText('Review');
  await page.getByTestId('claim-row-K-2022-000104').click();
  await shot(page, '07-english-claim-detail');
  await page.reload();
  await expect(page.getByTestId('nav-review')).toContainText('Review');
  await page.getByTestId('locale-ko').click();
  await expect(page.getByTestId('nav-review')).toContainText('심사');
});

test('the renderer cannot reach the network', async ({ page }) => {
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'fetched';
    } catch {
      return 'refused';
    }
  });
  expect(outcome).toBe('refused');
  // CSP stops it before the request is even made, so nothing reaches the route either.
  harness.consoleErrors = harness.consoleErrors.filter((text) => !/Content Security Policy|Failed to fetch/i.test(text));
});

import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The steps of the decision slice, shared by the browser and the Electron specs. */

const SCREENSHOTS = join(import.meta.dirname, '../../../artifacts/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The app scrolls inside its own panes, so the viewport is what a person sees.
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export const SAMPLE_REVIEW_CLAIM = 'K-2022-000101';

/** A claim's row in the review grid (a pinned column splits it; the first part has the id). */
export function claimRow(page: Page, claimId: string) {
  return page.locator(`.ag-row[row-id="${claimId}"]`).first();
}

/** One cell of a claim's row, by its column id (a QUEUE_COLUMNS name), in whichever part it is. */
export function claimCell(page: Page, claimId: string, column: string) {
  return page.locator(`.ag-row[row-id="${claimId}"] [col-id="${column}"]`);
}

export async function loadSample(page: Page): Promise<void> {
  await expect(page.getByTestId('empty-workspace')).toBeVisible();
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('screen-review')).toBeVisible();
  await expect(claimRow(page, SAMPLE_REVIEW_CLAIM)).toBeVisible();
}

/** Partially approves the sample claim for 120만원 with a reason, as a member would type it. */
export async function recordPartialDecision(page: Page, shots?: string): Promise<void> {
  await claimRow(page, SAMPLE_REVIEW_CLAIM).click();
  const form = page.getByTestId('decision-form');
  await expect(form).toBeVisible();
  await form.getByTestId('outcome-partial').check();
  await form.getByTestId('decision-amount').fill('120만원');
  await expect(form.getByTestId('decision-amount-parsed')).toContainText('1,200,000원');
  // The shared rules run in the form: a partial approval needs a reason before it can be saved.
  await expect(form.getByTestId('save-decision')).toBeDisabled();
  await form.getByTestId('reason-insufficient_proof').check();
  await form.getByTestId('decision-note').fill('POS 자료 중 10월 16일분만 확인됨');
  if (shots) await screenshot(page, `${shots}-decision-form-filled`);
  await form.getByTestId('save-decision').click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  if (shots) await screenshot(page, `${shots}-decision-saved`);
}

/** After a restart: the decision is in the claim's history and its audit entry in a verified chain. */
export async function expectDecisionAndAuditEntry(
  page: Page,
  actor: string,
  shots?: string,
): Promise<void> {
  await page.getByTestId('nav-review').click();
  // A decided claim has left the undecided queue: look for it among all claims.
  await page.getByTestId('queue-view').selectOption('all');
  await claimRow(page, SAMPLE_REVIEW_CLAIM).click();
  const history = page.getByTestId('decision-history');
  await expect(history.getByTestId('decision-1')).toHaveAttribute('data-outcome', 'partial');
  await expect(history).toContainText('1,200,000원');
  await expect(claimCell(page, SAMPLE_REVIEW_CLAIM, 'reviewState')).toContainText('일부 인정');

  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-verdict')).toHaveAttribute('data-ok', 'true');
  const entry = page.getByTestId('audit-row').filter({ hasText: SAMPLE_REVIEW_CLAIM });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(actor);
  if (shots) await screenshot(page, `${shots}-audit-after-restart`);
}

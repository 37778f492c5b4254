import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import type { ServiceContext } from '../../../src/main/services/context';
import { makeTempDir } from '../../helpers/temp-workspace';
import {
  claimRow,
  expectDecisionAndAuditEntry,
  loadSample,
  recordPartialDecision,
  screenshot,
} from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import {
  makeCouncilKeys,
  seatCouncilKeys,
  unlockAs,
  type CouncilKeys,
} from '../helpers/council-keys';
import { openTestWorkspace } from '../../helpers/workspace-key';

/** The member who records decisions here; the secretary signed the roster. */
const MEMBER = '김민준';

let temp: ReturnType<typeof makeTempDir>;
let workspace: ServiceContext;
let desktop: Desktop;
let page: Desktop['page'];
let council: CouncilKeys;

test.beforeEach(async () => {
  // Key files (real scrypt) and an app start, and a restart in the first test.
  test.setTimeout(60_000);
  temp = makeTempDir('review-desk-e2e-');
  // The council's roster is loaded; nobody acts until the member unlocks their key in the app.
  workspace = openTestWorkspace(join(temp.dir, 'workspace'));
  council = makeCouncilKeys(temp.dir, [
    { name: '박서연', role: 'secretary' },
    { name: '이도윤', role: 'chair' },
    { name: MEMBER, role: 'member' },
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

/** The member unlocks their key (Settings), then goes back to the start screen. */
async function unlockMember() {
  await unlockAs(desktop, council.people[MEMBER]!);
  await page.getByTestId('nav-intake').click();
}

test('records a decision in the UI; after a restart it and its audit entry are still there', async () => {
  await screenshot(page, '01-empty-workspace');
  await unlockMember();
  await loadSample(page);
  await screenshot(page, '02-review-queue');
  await recordPartialDecision(page, '03');

  // What the UI saved is what main committed.
  expect(
    workspace.db
      .prepare('SELECT outcome, amount, reason_codes, note, decided_by FROM decisions')
      .all(),
  ).toEqual([
    {
      outcome: 'partial',
      amount: 1_200_000,
      reason_codes: '["insufficient_proof"]',
      note: 'POS 자료 중 10월 16일분만 확인됨',
      decided_by: MEMBER,
    },
  ]);

  // Restart: the app quits (closing its database) and starts again from disk, locked: reading
  // the decision and the audit log needs no key.
  await desktop.restart();
  page = desktop.page;
  await expect(page.getByTestId('acting-badge')).toHaveAttribute('data-state', 'locked');
  await expectDecisionAndAuditEntry(page, MEMBER, '04');
});

test('an amendment needs its reason and keeps the history visible', async () => {
  await unlockMember();
  await loadSample(page);
  await claimRow(page, 'K-2022-000112').click();
  const form = page.getByTestId('decision-form');
  await form.getByRole('radio', { name: '인정', exact: true }).check();
  await form.getByRole('textbox', { name: '지원 금액', exact: true }).fill('650,001');
  await expect(
    form.getByTestId('issues-amount').locator('[data-issue="amount_above_claimed_loss"]'),
  ).toBeVisible();
  await expect(form.getByRole('button', { name: '결정 저장', exact: true })).toBeDisabled();
  await form.getByRole('textbox', { name: '지원 금액', exact: true }).fill('₩300,000');
  await form.getByRole('button', { name: '결정 저장', exact: true }).click();
  await expect(page.getByTestId('decision-history').getByTestId('decision-1')).toBeVisible();

  const amend = page.getByTestId('decision-form');
  await amend.getByRole('radio', { name: '기각', exact: true }).check();
  await amend.getByRole('checkbox', { name: '장애와 인과관계 없음', exact: true }).check();
  await expect(amend.getByRole('button', { name: '결정 저장', exact: true })).toBeDisabled();
  await amend
    .getByRole('textbox', { name: '변경 사유', exact: true })
    .fill('결제 실패 기록이 장애 시간 밖으로 확인됨');
  await amend.getByRole('button', { name: '결정 저장', exact: true }).click();
  const history = page.getByTestId('decision-history');
  await expect(history.getByTestId('decision-2')).toHaveAttribute('data-outcome', 'reject');
  await expect(history.getByTestId('decision-1')).toHaveAttribute('data-outcome', 'approve');
  await screenshot(page, '05-amended-history');
});

test('switches to English and back, and remembers the choice', async () => {
  await loadSample(page);
  await page
    .getByRole('group', { name: '언어', exact: true })
    .getByRole('button', { name: 'English', exact: true })
    .click();
  await expect(
    page
      .getByRole('navigation', { name: 'Main menu', exact: true })
      .getByRole('button', { name: 'Review', exact: true }),
  ).toContainText('Review');
  await claimRow(page, 'K-2022-000104').click();
  await screenshot(page, '06-english-claim-detail');
  await page.reload();
  await expect(
    page
      .getByRole('navigation', { name: 'Main menu', exact: true })
      .getByRole('button', { name: 'Review', exact: true }),
  ).toContainText('Review');
  await page
    .getByRole('group', { name: 'Language', exact: true })
    .getByRole('button', { name: '한국어', exact: true })
    .click();
  await expect(
    page
      .getByRole('navigation', { name: '주 메뉴', exact: true })
      .getByRole('button', { name: '심사', exact: true }),
  ).toContainText('심사');
});

test('the renderer cannot reach the network', async () => {
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'fetched';
    } catch {
      return 'refused';
    }
  });
  expect(outcome).toBe('refused');
  // CSP stops it before the request is even made, so main's session never sees it either.
  desktop.consoleErrors.splice(
    0,
    desktop.consoleErrors.length,
    ...desktop.consoleErrors.filter(
      (text) => !/Content Security Policy|Failed to fetch/i.test(text),
    ),
  );
});

import { expect, test } from '@playwright/test';
import type { ServiceContext } from '../../../src/main/services/context';
import { buildLedger } from '../../../src/main/services/ledger';
import { makeTempDir } from '../../helpers/temp-workspace';
import {
  CARRIED_AMOUNT,
  CARRIED_CLAIM,
  CHAIR,
  closedMeetingWorkspace,
  SECRETARY,
} from '../helpers/closed-meeting';
import { unlockAs } from '../helpers/council-keys';
import { claimRow, screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';

/*
 * Only the council's decisions are paid (issue 14), through the app as a person starts it: a
 * member's decision on a committee claim the council has not decided waits for the council; the
 * secretary's amendment of a decision the chair confirmed in a meeting changes nothing until
 * the chair co-signs it, and main refuses the secretary's own co-signature.
 */

const MEMBER = '김민준';
/** A committee claim of the sample that no meeting has taken up. */
const UNDECIDED_CLAIM = 'K-2022-000112';

let temp: ReturnType<typeof makeTempDir>;
let workspace: ServiceContext | undefined;
let running: Desktop | undefined;

test.beforeEach(() => {
  test.setTimeout(120_000);
  temp = makeTempDir('review-desk-e2e-amend-');
  workspace = undefined;
  running = undefined;
});

test.afterEach(async () => {
  try {
    if (running) await running.finish();
  } finally {
    workspace?.db.close();
    temp.cleanup();
  }
});

/** The ledger as the test's own connection reads it from the workspace the app writes. */
const ledger = () => buildLedger(workspace!);
const paidFor = (claimId: string) =>
  ledger().rows.find((row) => row.claimId === claimId)?.amount ?? null;

test('a member’s decision waits for the council; the secretary’s amendment pays only once the chair co-signs', async () => {
  const seeded = closedMeetingWorkspace(temp.dir);
  workspace = seeded.ws;
  const { council } = seeded;
  running = await openDesktop({ workspaceDir: seeded.workspaceDir });
  const desktop = running;
  const page = desktop.page;

  // (1) A member approves a committee claim in the review grid: their view, not payable.
  await unlockAs(desktop, council.people[MEMBER]!);
  await page.getByTestId('nav-review').click();
  await claimRow(page, UNDECIDED_CLAIM).click();
  const form = page.getByTestId('decision-form');
  await form.getByTestId('outcome-approve').check();
  await form.getByTestId('decision-amount').fill('650,000');
  await form.getByTestId('save-decision').click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  expect(paidFor(UNDECIDED_CLAIM)).toBeNull();
  expect(ledger().awaiting.find((row) => row.claimId === UNDECIDED_CLAIM)).toMatchObject({
    outsideOutcome: 'approve',
    outsideAmount: 650_000,
    outsideBy: MEMBER,
  });
  const history = page.getByTestId('decision-history');
  await expect(history.locator('.history__authority').last()).toHaveText(
    '위원 의견 (회의 밖, 지급 안 함)',
  );
  await page.getByTestId('nav-summary').click();
  await expect(page.getByTestId('summary-outside-meeting')).toContainText('위원회 대기');

  // (2) The secretary proposes to change the chair-confirmed 620,000원 to 1원: it waits.
  await unlockAs(desktop, council.people[SECRETARY]!);
  await page.getByTestId('nav-meetings').click();
  const panel = page.getByTestId('amendments-panel');
  await expect(panel).toContainText('정정 제안이 없습니다.');
  await panel.getByRole('button', { name: '정정 제안…' }).click();
  // A claim no meeting has decided has no council decision to amend: refused, in Korean.
  await panel.getByTestId('amend-claim').fill(UNDECIDED_CLAIM);
  await panel.getByTestId('amend-reason').fill('잘못 고른 신청');
  await panel.getByTestId('amend-submit').click();
  await expect(panel.getByTestId('amend-error')).toContainText(
    '위원회가 아직 이 신청을 결정하지 않았습니다. 첫 결정은 회의에서 합니다.',
  );
  await panel.getByTestId('amend-reason').fill('');
  await panel.getByTestId('amend-claim').fill(CARRIED_CLAIM);
  await panel.getByTestId('amend-outcome').selectOption('approve');
  await panel.getByTestId('amend-amount').fill('1');
  await panel.getByTestId('amend-submit').click();
  await expect(panel.getByTestId('amend-error')).toContainText('reason');
  await panel.getByTestId('amend-reason').fill('그냥');
  await panel.getByTestId('amend-submit').click();
  const row = panel.getByTestId('amendment-1');
  await expect(row).toHaveAttribute('data-status', 'pending');
  await expect(row).toContainText(`${CARRIED_CLAIM} 인정 620,000원 → 인정 1원`);
  await expect(row).toContainText('위원장 공동 서명 대기 (지급 변화 없음)');
  await expect(row.getByRole('button', { name: '공동 서명 (위원장)' })).toHaveCount(0);
  expect(paidFor(CARRIED_CLAIM)).toBe(CARRIED_AMOUNT);
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, '110-amendment-proposed-ko');

  // Main holds the rule, not the screen: the secretary's own co-signature is refused.
  const refused = await page.evaluate(() => window.api.amendments.cosign({ amendmentId: 1 }));
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'forbidden', issues: [{ path: 'acting', code: 'chair_required' }] },
  });
  expect(paidFor(CARRIED_CLAIM)).toBe(CARRIED_AMOUNT);

  // (3) The chair co-signs: now it is the council's decision, and the ledger pays it.
  await unlockAs(desktop, council.people[CHAIR]!);
  await page.getByTestId('nav-meetings').click();
  await panel.getByTestId('amendment-cosign-1').click();
  await expect(row).toHaveAttribute('data-status', 'cosigned');
  await expect(row).toContainText(`위원장 ${CHAIR} 공동 서명: 위원회 결정`);
  expect(paidFor(CARRIED_CLAIM)).toBe(1);
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, '111-amendment-cosigned-ko');
  // The claim's history says whose word each entry is.
  await page.getByTestId('nav-review').click();
  await page.getByTestId('queue-view').selectOption('all');
  await claimRow(page, CARRIED_CLAIM).click();
  await expect(history.locator('.history__authority')).toHaveText([
    '위원회 결정 (회의)',
    '위원회 정정 (위원장·간사 공동 서명)',
  ]);
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, '113-history-authority-ko');
  await page.getByTestId('nav-meetings').click();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(row).toContainText("Co-signed by chair 이도윤: the council's decision");
  await screenshot(page, '112-amendment-cosigned-en');
});

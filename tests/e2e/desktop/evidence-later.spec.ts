import { expect, test } from '@playwright/test';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import type { ServiceContext } from '../../../src/main/services/context';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';
import { makeCouncilKeys, seatCouncilKeys, unlockAs } from '../helpers/council-keys';
import { claimCell, claimRow, screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';

/*
 * Issue 16's loop through the app as a member runs it: an evidence request, the claimant's
 * evidence arriving later in a zip made the usual way (the folder zipped, so every entry sits
 * under evidence/), the claim back in the queue marked new, and the member's decision; the
 * claim's history holds all three in order.
 */
const MEMBER = '김민준';
const CLAIM = 'K-2022-000101';
const SCAN = join(
  import.meta.dirname,
  '../../../resources/demo/evidence/K-2022-000022/bank_statement_2022-10.pdf',
);

let temp: ReturnType<typeof makeTempDir>;
let workspace: ServiceContext;
let desktop: Desktop;
let page: Desktop['page'];

function writeZip(file: string, entries: Record<string, Buffer>): Promise<void> {
  const zip = new ZipFile();
  for (const [name, bytes] of Object.entries(entries)) zip.addBuffer(bytes, name);
  zip.end();
  return new Promise((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(file)).on('close', resolve).on('error', reject),
  );
}

test.beforeEach(async () => {
  test.setTimeout(90_000);
  temp = makeTempDir('review-desk-e2e-later-');
  workspace = openTestWorkspace(join(temp.dir, 'workspace'));
  const council = makeCouncilKeys(temp.dir, [
    { name: '박서연', role: 'secretary' },
    { name: '이도윤', role: 'chair' },
    { name: MEMBER, role: 'member' },
  ]);
  seatCouncilKeys(workspace, council);
  loadSampleClaims(workspace);
  desktop = await openDesktop({ workspaceDir: workspace.dataDir });
  page = desktop.page;
  await unlockAs(desktop, council.people[MEMBER]!);
});

test.afterEach(async () => {
  try {
    await desktop.finish();
  } finally {
    workspace.db.close();
    temp.cleanup();
  }
});

test('an evidence request, the evidence in a zip with a top folder, back in the queue, decided', async () => {
  await page.getByTestId('nav-review').click();
  await claimRow(page, CLAIM).click();
  const form = page.getByTestId('decision-form');
  await form.getByTestId('outcome-request_evidence').check();
  await form.getByTestId('decision-note').fill('10월 15일 세금계산서 사본을 보내 주세요');
  await form.getByTestId('save-decision').click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  // Waiting on the claimant: out of the open queue.
  await expect(claimRow(page, CLAIM)).toHaveCount(0);

  const zip = join(temp.dir, 'evidence.zip');
  await writeZip(zip, {
    [`evidence/${CLAIM}/tax-invoice-1015.pdf`]: readFileSync(SCAN),
    'evidence/.DS_Store': Buffer.from('Finder'),
  });
  await page.getByTestId('queue-view').selectOption('evidence_requested');
  await claimRow(page, CLAIM).click();
  await desktop.answerDialogs([zip]);
  await page.getByTestId('attach-evidence-zip').click();
  const result = page.getByTestId('attach-evidence-result');
  await expect(result).toContainText('evidence.zip: 저장 1개, 거부 0개, 없음 0개.');
  await expect(result).toContainText('심사 대기열에 돌아갔습니다');
  // After the claim's two earlier files, its third tab; it opens as a stored PDF.
  await expect(page.getByTestId('evidence-tab-2')).toContainText('tax-invoice-1015.pdf');
  await page.getByTestId('evidence-tab-2').click();
  await expect(page.getByTestId('evidence-panel')).not.toContainText('제출되지 않아');

  // Back in the open queue, marked new; gone from the evidence-requested view.
  await expect(claimRow(page, CLAIM)).toHaveCount(0);
  await page.getByTestId('queue-view').selectOption('queue');
  await expect(claimCell(page, CLAIM, 'reviewState')).toContainText('새 증빙');
  await screenshot(page, '70-new-evidence-in-queue');

  await claimRow(page, CLAIM).click();
  await form.getByTestId('outcome-approve').check();
  await form.getByTestId('decision-amount').fill('600,000');
  await form.getByTestId('save-decision').click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  await expect(claimRow(page, CLAIM)).toHaveCount(0);

  // The history: the request, the arrival, the decision, in that order.
  await page.getByTestId('queue-view').selectOption('all');
  await claimRow(page, CLAIM).click();
  const actions = page.getByTestId('claim-timeline').locator('.timeline__item');
  await expect(actions.filter({ hasText: '증빙 추가 접수' })).toContainText('evidence.zip');
  const order = await actions.evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-action')),
  );
  const request = order.indexOf('decision.recorded');
  const arrival = order.indexOf('evidence.attached');
  const decision = order.indexOf('decision.followed_up');
  expect(request).toBeGreaterThanOrEqual(0);
  expect(arrival).toBeGreaterThan(request);
  expect(decision).toBeGreaterThan(arrival);
  // The attachment's "back in the queue" is not said again once the council has decided.
  await expect(page.getByTestId('attach-evidence-result')).toHaveCount(0);
  await screenshot(page, '71-history-request-arrival-decision');
  expect(
    workspace.db
      .prepare('SELECT answers_decision_id FROM evidence_arrivals WHERE claim_id = ?')
      .pluck()
      .all(CLAIM),
  ).toEqual([1]);
});

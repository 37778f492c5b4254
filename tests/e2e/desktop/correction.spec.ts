import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { listClaimVersions } from '../../../src/main/db/repositories/claim-versions';
import type { ServiceContext } from '../../../src/main/services/context';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';
import { listSampledClaims } from '../../../src/main/db/repositories/samples';
import { checkSampledClaim } from '../../../src/main/services/sampling/check';
import { drawSample } from '../../../src/main/services/sampling/draw';
import {
  actAsKeyHolder,
  makeCouncilKeys,
  seatCouncilKeys,
  unlockAs,
  type CouncilKeys,
} from '../helpers/council-keys';
import { claimRow, screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';

/*
 * Issue 16 at the secretary's desk. A correction of a claim's data: the 300,000원 claim paid by
 * the 30,000원 bracket turns out to have lost 800,000원; the correction is a new version with
 * its reason, the claim is classified again (council review), and its history says so. An
 * appeal: recorded, admitted to council review, listed in the grid's appeals view and counted
 * on the payout summary, beside the post-payment sample's figures.
 */
const SECRETARY = '박서연';
const CLAIM = 'K-2022-000105';

let temp: ReturnType<typeof makeTempDir>;
let workspace: ServiceContext;
let desktop: Desktop;
let council: CouncilKeys;

test.beforeEach(async () => {
  test.setTimeout(90_000);
  temp = makeTempDir('review-desk-e2e-correct-');
  workspace = openTestWorkspace(join(temp.dir, 'workspace'));
  council = makeCouncilKeys(temp.dir, [
    { name: SECRETARY, role: 'secretary' },
    { name: '이도윤', role: 'chair' },
    { name: '김민준', role: 'member' },
  ]);
  seatCouncilKeys(workspace, council);
  loadSampleClaims(workspace);
  desktop = await openDesktop({ workspaceDir: workspace.dataDir });
  await unlockAs(desktop, council.people[SECRETARY]!);
});

test.afterEach(async () => {
  try {
    await desktop.finish();
  } finally {
    workspace.db.close();
    temp.cleanup();
  }
});

test('the secretary corrects a bracket claim’s loss: a new version, re-tiered to council review', async () => {
  const page = desktop.page;
  await page.getByTestId('nav-review').click();
  await page.getByTestId('queue-view').selectOption('all');
  await claimRow(page, CLAIM).click();
  const facts = page.getByTestId('claim-facts');
  await expect(facts).toContainText('3만원 지원');
  await expect(facts).toContainText('1판 (접수 그대로)');

  const form = page.getByTestId('correct-claim');
  await form.getByTestId('correct-field').selectOption('claimed_loss');
  await form.getByTestId('correct-value').fill('80만 원');
  await form.getByTestId('correct-submit').click();
  // No reason: refused, and the claim is as it was.
  await expect(page.getByTestId('correct-error')).toBeVisible();
  await expect(facts).toContainText('1판 (접수 그대로)');

  await form.getByTestId('correct-reason').fill('매출 장부로 확인한 피해금액');
  await form.getByTestId('correct-submit').click();
  const result = page.getByTestId('correct-result');
  await expect(result).toContainText('1판 → 2판으로 정정했습니다 (피해금액).');
  await expect(result).toContainText('구분: 3만원 지원 → 위원회 심사.');
  await expect(facts).toContainText('800,000원');
  await expect(facts).toContainText('2판 (정정됨)');
  await expect(
    page.getByTestId('claim-timeline').locator('[data-action="claim.corrected"]'),
  ).toContainText('신청 정보 정정');
  await screenshot(page, '72-claim-corrected');

  const versions = listClaimVersions(workspace.db, CLAIM);
  expect(versions.map((v) => [v.version, v.tier, v.recordedBy])).toEqual([
    [1, 'tier_30k', expect.any(String)],
    [2, 'committee_review', SECRETARY],
  ]);
});

test('the secretary records an appeal on a bracket claim and admits it to council review', async () => {
  const page = desktop.page;
  await page.getByTestId('nav-review').click();
  await page.getByTestId('queue-view').selectOption('all');
  await claimRow(page, CLAIM).click();
  const appeals = page.getByTestId('appeals');
  await appeals
    .getByTestId('appeal-grounds')
    .fill('실제 피해는 80만 원입니다. 매출 장부를 냅니다.');
  await appeals.getByTestId('appeal-submit').click();
  await expect(appeals.getByTestId('appeal-list')).toContainText('실제 피해는 80만 원입니다');

  // A ruling needs its reason: neither button works without one.
  await expect(appeals.getByTestId('appeal-admit')).toBeDisabled();
  await expect(appeals.getByTestId('appeal-reject')).toBeDisabled();
  await appeals.getByTestId('appeal-reason').fill('장부로 확인할 만한 근거가 있음');
  await appeals.getByTestId('appeal-admit').click();
  await expect(appeals.getByTestId('appeal-admitted')).toBeVisible();
  await expect(page.getByTestId('claim-facts')).toContainText('위원회 심사');
  await expect(page.getByTestId('claim-facts')).toContainText('2판 (정정됨)');
  await screenshot(page, '73-appeal-admitted');

  await page.getByTestId('queue-view').selectOption('appeals');
  await expect(claimRow(page, CLAIM)).toHaveCount(1);

  // A post-payment sample of the brackets, drawn and partly checked, beside the appeal count.
  actAsKeyHolder(workspace, council, SECRETARY);
  const sample = drawSample(workspace, { seed: 'e2e-2022-11' }).sample;
  const sampled = listSampledClaims(workspace.db, sample.id);
  for (const [tier, verdict] of [
    ['tier_30k', 'not_confirmed'],
    ['tier_50k', 'confirmed'],
  ] as const) {
    const claim = sampled.find((c) => c.tier === tier);
    if (!claim) continue;
    checkSampledClaim(workspace, {
      sampleId: sample.id,
      claimId: claim.claimId,
      verdict,
      reasonCodes: verdict === 'confirmed' ? [] : ['insufficient_proof'],
    });
  }
  await page.getByTestId('nav-summary').click();
  await expect(page.getByTestId('summary-appeals')).toContainText('1');
  await expect(page.getByTestId('sampling-panel')).toContainText('e2e-2022-11');
  await page.getByTestId('sampling-panel').scrollIntoViewIfNeeded();
  await screenshot(page, '74-summary-appeals-and-sample');
});

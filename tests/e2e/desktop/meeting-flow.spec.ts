import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import type { ServiceContext } from '../../../src/main/services/context';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { openWorkspace } from '../../../src/main/services/open-workspace';
import { addPerson, setCurrentPerson } from '../../../src/main/services/people/people';
import { verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { makeTempDir } from '../../helpers/temp-workspace';
import { ROOT } from '../../electron-stand-in/launch';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';

/*
 * A council meeting through the app as a person starts it: the built main bundle and preload
 * under the Electron stand-in, on a workspace seeded through the services before it starts.
 */

let temp: ReturnType<typeof makeTempDir>;
/** The test's own connection to the app's workspace: SQLite WAL lets it read while the app writes. */
let workspace: ServiceContext;
let desktop: Desktop;
let page: Desktop['page'];
/** The app's resourcesDir: unpackaged, <app path>/resources, and the stand-in's app path is the checkout. */
const RESOURCES_DIR = join(ROOT, 'resources');
const CLAIM = 'K-2022-000294'; // committee review, 603,000원

test.beforeEach(async () => {
  // Each app start takes a few seconds, after the demo batch is imported.
  test.setTimeout(60_000);
  temp = makeTempDir('review-desk-e2e-meeting-');
  workspace = openWorkspace(temp.dir, { actor: 'setup' });
  await importBatch(workspace, demoBatchPaths(RESOURCES_DIR));
  addPerson(workspace, { name: '최지우', role: 'chair' });
  addPerson(workspace, { name: '김민준', role: 'member' });
  addPerson(workspace, { name: '이서윤', role: 'member' });
  addPerson(workspace, { name: '박서연', role: 'secretary' });
  // The secretary at this machine (Settings) acts in the app.
  setCurrentPerson(workspace, '박서연');
  desktop = await openDesktop({ workspaceDir: temp.dir });
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

test('the secretary runs a meeting with a recusal; the chair confirms the decision', async () => {
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-date').fill('2022-12-15');
  await page.getByTestId('meeting-place').fill('서울 협의체 회의실');
  await page.getByTestId('meeting-present-최지우').check();
  await page.getByTestId('meeting-present-김민준').check();
  await page.getByTestId('meeting-present-이서윤').check();
  await page.getByTestId('meeting-open').click();
  const detail = page.getByTestId('meeting-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('meeting-quorum-state')).toBeVisible();

  await page.getByTestId('agenda-claim').fill(CLAIM);
  await page.getByTestId('agenda-proposal').selectOption('approve');
  await page.getByTestId('agenda-amount').fill('300000');
  await page.getByTestId('agenda-add').click();
  await expect(page.getByTestId(`agenda-${CLAIM}`)).toBeVisible();

  await page.getByTestId(`vote-${CLAIM}-최지우`).selectOption('for');
  await page.getByTestId(`vote-${CLAIM}-김민준`).selectOption('for');
  await page.getByTestId(`vote-${CLAIM}-이서윤`).selectOption('recused');
  await page.getByTestId(`close-voting-${CLAIM}`).click();
  await expect(page.getByTestId(`result-${CLAIM}`)).toContainText('가결');
  await screenshot(page, '30-meeting-votes-ko');

  // The chair takes the machine and confirms.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('people-choose-최지우').click();
  await expect(page.getByTestId('people-current')).toContainText('최지우');
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-1').click();
  await page.getByTestId(`confirm-submit-${CLAIM}`).click();
  await expect(page.getByTestId(`agenda-${CLAIM}`)).toContainText('300,000원');
  await screenshot(page, '31-meeting-confirmed-ko');

  const decision = workspace.db
    .prepare(
      'SELECT outcome, amount, meeting_id AS meetingId, decided_by AS decidedBy FROM decisions WHERE claim_id = ?',
    )
    .get(CLAIM);
  expect(decision).toEqual({
    outcome: 'approve',
    amount: 300_000,
    meetingId: 1,
    decidedBy: '최지우',
  });
  expect(verifyAuditChain(workspace.db).ok).toBe(true);
});

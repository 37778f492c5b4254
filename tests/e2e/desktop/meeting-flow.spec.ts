import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import type { ServiceContext } from '../../../src/main/services/context';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { verifyAuditLog } from '../../../src/main/services/audit-log/verify-acts';
import { makeTempDir } from '../../helpers/temp-workspace';
import { ROOT } from '../../electron-stand-in/launch';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import {
  makeCouncilKeys,
  seatCouncilKeys,
  unlockAs,
  type CouncilKeys,
} from '../helpers/council-keys';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * A council meeting through the app as a person starts it: the built main bundle and preload
 * under the Electron stand-in, on a workspace seeded through the services before it starts.
 */

let temp: ReturnType<typeof makeTempDir>;
/** The test's own connection to the app's workspace: SQLite WAL lets it read while the app writes. */
let workspace: ServiceContext;
let desktop: Desktop;
let page: Desktop['page'];
let council: CouncilKeys;
/** The app's resourcesDir: unpackaged, <app path>/resources, and the stand-in's app path is the checkout. */
const RESOURCES_DIR = join(ROOT, 'resources');
const CLAIM = 'K-2022-000294'; // committee review, 603,000원

test.beforeEach(async () => {
  // Each app start takes a few seconds, after the demo batch is imported.
  test.setTimeout(60_000);
  temp = makeTempDir('review-desk-e2e-meeting-');
  workspace = openTestWorkspace(join(temp.dir, 'workspace'));
  await importBatch(workspace, demoBatchPaths(RESOURCES_DIR));
  // The council's roster, its people's key files beside the workspace; nobody acts in the app
  // until someone unlocks their key there.
  council = makeCouncilKeys(temp.dir, [
    { name: '최지우', role: 'chair' },
    { name: '김민준', role: 'member' },
    { name: '이서윤', role: 'member' },
    { name: '박서연', role: 'secretary' },
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

test('the secretary runs a meeting with a recusal; the chair confirms the decision', async () => {
  // The secretary unlocks her key at this machine and runs the meeting.
  await unlockAs(desktop, council.people['박서연']!);
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '회의', exact: true })
    .click();
  const attendance = page.getByRole('group', {
    name: '출석 (체크하지 않은 위원은 불참)',
    exact: true,
  });
  await page.getByLabel('일자', { exact: true }).fill('2022-12-15');
  await page.getByRole('textbox', { name: '장소', exact: true }).fill('서울 협의체 회의실');
  await attendance.getByRole('checkbox', { name: '최지우 (위원장)', exact: true }).check();
  await attendance.getByRole('checkbox', { name: '김민준 (위원)', exact: true }).check();
  await attendance.getByRole('checkbox', { name: '이서윤 (위원)', exact: true }).check();
  await page.getByRole('button', { name: '회의 열기', exact: true }).click();
  const detail = page.getByTestId('meeting-detail');
  /** The agenda item, an article headed by its position and claim. */
  const agendaItem = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: `1. ${CLAIM}`, exact: true }) });
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('meeting-quorum-state')).toBeVisible();

  await page.getByRole('textbox', { name: '접수번호', exact: true }).fill(CLAIM);
  await page.getByRole('combobox', { name: '제안 결정', exact: true }).selectOption('approve');
  await page.getByRole('textbox', { name: '제안 금액', exact: true }).fill('300000');
  await page.getByRole('button', { name: '안건 상정', exact: true }).click();
  await expect(agendaItem).toBeVisible();

  await agendaItem.getByRole('combobox', { name: '최지우 표결', exact: true }).selectOption('for');
  await agendaItem.getByRole('combobox', { name: '김민준 표결', exact: true }).selectOption('for');
  await agendaItem
    .getByRole('combobox', { name: '이서윤 표결', exact: true })
    .selectOption('recused');
  await agendaItem.getByRole('button', { name: '표결 종료', exact: true }).click();
  await expect(page.getByTestId(`result-${CLAIM}`)).toContainText('가결');
  await screenshot(page, '30-meeting-votes-ko');

  // The secretary may not confirm; the chair takes the machine with their own key and does.
  await expect(page.getByTestId(`agenda-${CLAIM}`)).toContainText('위원장만 확정할 수 있습니다.');
  await unlockAs(desktop, council.people['최지우']!);
  await expect(page.getByTestId('people-current')).toContainText('최지우 (위원장)');
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '회의', exact: true })
    .click();
  await page.getByRole('button', { name: /^제1차 / }).click();
  await agendaItem.getByRole('button', { name: '결정 확정', exact: true }).click();
  await expect(agendaItem).toContainText('300,000원');
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
  // Each act is recorded under the person whose key was unlocked, and signed with that key.
  const acts = workspace.db
    .prepare(
      "SELECT DISTINCT action, actor, signature IS NOT NULL AS signed FROM audit_log WHERE action LIKE 'meeting.%' ORDER BY action",
    )
    .all();
  expect(acts).toEqual([
    { action: 'meeting.agenda_added', actor: '박서연', signed: 1 },
    { action: 'meeting.decision_confirmed', actor: '최지우', signed: 1 },
    { action: 'meeting.opened', actor: '박서연', signed: 1 },
    { action: 'meeting.vote_recorded', actor: '박서연', signed: 1 },
    { action: 'meeting.voting_closed', actor: '박서연', signed: 1 },
  ]);
  expect(verifyAuditLog(workspace.db).actProblems).toEqual([]);
});

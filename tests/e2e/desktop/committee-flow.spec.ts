import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { PASSPHRASE } from '../../main/decision-file/council';
import {
  AGREED_CLAIM,
  CONFLICT_CLAIM,
  makeMemberFiles,
  RECOMMENDING_MEMBERS,
  type MemberFiles,
} from '../../main/recommendations/member-files';
import { changeFirstAmount } from '../../helpers/tampering';
import { makeTempDir } from '../../helpers/temp-workspace';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import { expectDialogsOverMainWindow } from '../helpers/desktop-dialogs';
import { unlockAs } from '../helpers/council-keys';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * The committee's whole path at the secretary's machine, through the app's UI (built main and
 * preload under the Electron stand-in, files chosen in main's dialogs): three members' signed
 * recommendation files imported; a meeting with quorum (one member absent) and a recusal; the
 * chair's confirmations; the decision file signed by the chair and the secretary and saved.
 * Then the auditor screen opens that file (valid) and a copy with one amount changed, and names
 * the claim and the amounts that changed.
 */

const CHAIR = '이도윤';
const SECRETARY = '박서연';
const ABSENT = '정하은';
const RECUSED = '최지우';

let temp: ReturnType<typeof makeTempDir>;
let members: MemberFiles;
let desktop: Desktop;
let page: Desktop['page'];
let memberFilePaths: string[];

test.beforeEach(async () => {
  // Real scrypt for the council's keys and two signatures, and an app start.
  test.setTimeout(120_000);
  temp = makeTempDir('review-desk-e2e-committee-');
  members = makeMemberFiles(join(temp.dir, 'council'));
  memberFilePaths = RECOMMENDING_MEMBERS.map((name) => {
    const path = join(temp.dir, `recommendations-${name}.json`);
    writeFileSync(path, members.files[name]);
    return path;
  });
  // The secretary's workspace, seeded before the app starts: the sample claims and the
  // council's roster (its people come from it). She unlocks her key in the app.
  const workspaceDir = join(temp.dir, 'secretary');
  const ws = openTestWorkspace(workspaceDir);
  loadSampleClaims(ws);
  importRoster(ws, members.council.rosterText);
  ws.db.close();
  desktop = await openDesktop({ workspaceDir });
  page = desktop.page;
});

test.afterEach(async () => {
  try {
    await desktop.finish();
  } finally {
    temp.cleanup();
  }
});

/** A button of the main menu (the sidebar), by its Korean name. */
function nav(page: Page, name: string): Locator {
  return page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name, exact: true });
}

/** The meeting's agenda item for `claimId`: an article headed "<position>. <claim>". */
function agendaItem(page: Page, claimId: string): Locator {
  return page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`^\\d+\\. ${claimId}$`) }) });
}

/** `name` takes the machine: unlocks their own key file in Settings. */
async function actAs(name: string) {
  await unlockAs(desktop, members.council.people[name]!, PASSPHRASE);
}

async function verifyAsAuditor(page: Page, path: string) {
  await desktop.answerDialogs([path]);
  await page.getByRole('button', { name: '결정 파일 선택', exact: true }).click();
  await expect(page.getByTestId('auditor-chosen-file')).toHaveText(path);
  await page.getByRole('button', { name: '검증', exact: true }).click();
}

test('members’ files, a meeting with quorum and a recusal, a signed file, an auditor', async () => {
  // 1. The secretary unlocks her key and imports the three members' signed recommendation files.
  await actAs(SECRETARY);
  await nav(page, '심사').click();
  await page.getByRole('button', { name: '위원 의견 파일', exact: true }).click();
  const recsPanel = page.getByRole('dialog', { name: '위원 의견 파일', exact: true });
  await desktop.answerDialogs([memberFilePaths]);
  await recsPanel.getByRole('button', { name: '파일 고르기…', exact: true }).click();
  await expect(
    recsPanel
      .getByRole('region', { name: '위원 의견 파일 가져오기', exact: true })
      .getByRole('status'),
  ).toContainText('3개 가져옴');
  await expect(page.getByTestId('recs-file')).toHaveCount(3);
  await recsPanel.getByRole('button', { name: '닫기', exact: true }).click();

  // 2. Meeting no. 1: three of the four voting members present, so the quorum is met.
  await nav(page, '회의').click();
  await page.getByLabel('일자', { exact: true }).fill('2022-12-20');
  await page.getByRole('textbox', { name: '장소', exact: true }).fill('판교 협의체 회의실');
  /** A voting member's "present" checkbox, labelled "<name> (<role>)". */
  const attendee = (name: string) =>
    page
      .getByRole('group', { name: '출석 (체크하지 않은 위원은 불참)', exact: true })
      .getByRole('checkbox', { name: new RegExp(`^${name} \\(`) });
  for (const name of [CHAIR, '김민준', RECUSED]) await expect(attendee(name)).toBeChecked();
  await attendee(ABSENT).uncheck();
  await page.getByRole('button', { name: '회의 열기', exact: true }).click();
  const quorum = page.getByTestId('meeting-quorum-state');
  await expect(quorum).toContainText('의사정족수 충족');
  await expect(quorum).toContainText(`불참: ${ABSENT}`);

  const propose = async (claimId: string, amount: string) => {
    await page.getByRole('textbox', { name: '접수번호', exact: true }).fill(claimId);
    await page.getByRole('combobox', { name: '제안 결정', exact: true }).selectOption('approve');
    await page.getByRole('textbox', { name: '제안 금액', exact: true }).fill(amount);
    await page.getByRole('button', { name: '안건 상정', exact: true }).click();
    await expect(agendaItem(page, claimId)).toBeVisible();
  };
  /** A present member's vote on a claim: a select labelled "<name> 표결". */
  const vote = (claimId: string, name: string) =>
    agendaItem(page, claimId).getByRole('combobox', { name: `${name} 표결`, exact: true });
  await propose(AGREED_CLAIM, '620000');
  await propose(CONFLICT_CLAIM, '700000');
  for (const name of [CHAIR, '김민준', RECUSED]) await vote(AGREED_CLAIM, name).selectOption('for');
  await vote(CONFLICT_CLAIM, CHAIR).selectOption('for');
  await vote(CONFLICT_CLAIM, '김민준').selectOption('for');
  await vote(CONFLICT_CLAIM, RECUSED).selectOption('recused');
  for (const claimId of [AGREED_CLAIM, CONFLICT_CLAIM]) {
    await agendaItem(page, claimId).getByRole('button', { name: '표결 종료', exact: true }).click();
    await expect(page.getByTestId(`result-${claimId}`)).toContainText('가결');
  }
  await expect(agendaItem(page, CONFLICT_CLAIM)).toContainText('회피 1');
  await page.getByRole('button', { name: '회의 폐회', exact: true }).click();
  await screenshot(page, '70-committee-meeting-closed-ko');

  // 3. The chair confirms both decisions; the secretary takes the machine back.
  await actAs(CHAIR);
  await nav(page, '회의').click();
  await page.getByRole('button', { name: /^제1차 / }).click();
  for (const claimId of [AGREED_CLAIM, CONFLICT_CLAIM])
    await agendaItem(page, claimId).getByRole('button', { name: '결정 확정', exact: true }).click();
  await expect(agendaItem(page, CONFLICT_CLAIM)).toContainText('700,000원');
  await actAs(SECRETARY);

  // 4. The decision file, signed by the chair and the secretary with their passphrases.
  await nav(page, '회의').click();
  await page.getByRole('button', { name: /^제1차 / }).click();
  const panel = page.getByTestId('decision-file-panel');
  await expect(panel).toBeVisible();
  for (const name of [CHAIR, SECRETARY]) {
    await desktop.answerDialogs([members.council.people[name]!.keyFile]);
    await panel.getByRole('button', { name: '서명 키 추가…', exact: true }).click();
    await expect(panel.getByTestId('signer-row').filter({ hasText: name })).toBeVisible();
  }
  await expect(page.getByTestId('signers-missing')).toHaveCount(0);
  await panel.getByLabel(`${CHAIR}의 암호`, { exact: true }).fill(PASSPHRASE);
  await panel.getByLabel(`${SECRETARY}의 암호`, { exact: true }).fill(PASSPHRASE);
  const signedPath = join(temp.dir, 'meeting-1-decisions.json');
  await desktop.answerDialogs([signedPath]);
  await panel.getByRole('button', { name: '서명하고 저장…', exact: true }).click();
  await expect(page.getByTestId('decision-file-saved')).toContainText(signedPath);
  await expect(page.getByTestId('decision-file-list')).toContainText(`${CHAIR} (위원장)`);
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, '71-committee-decision-file-signed-ko');

  // 5. The auditor: the file as signed is valid.
  await nav(page, '감사').click();
  await page.getByRole('button', { name: '감사인 모드', exact: true }).click();
  await verifyAsAuditor(page, signedPath);
  const verdict = page.getByTestId('auditor-verdict');
  await expect(verdict).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('auditor-records')).toContainText('2건 중 2건 유효');
  await expect(page.getByTestId('auditor-signature-0')).toContainText(CHAIR);
  await expect(page.getByTestId('auditor-signature-1')).toContainText(SECRETARY);
  await screenshot(page, '72-committee-auditor-valid-ko');

  // 6. A copy with the first decision's amount raised: invalid, and the change is named.
  const tamperedPath = join(temp.dir, 'meeting-1-decisions-altered.json');
  writeFileSync(tamperedPath, changeFirstAmount(readFileSync(signedPath, 'utf8'), 9_000_000));
  await verifyAsAuditor(page, tamperedPath);
  await expect(verdict).toHaveAttribute('data-valid', 'false');
  await expect(verdict).toContainText('무효');
  const changed = page.locator('[data-testid="auditor-problem"][data-code="record_changed"]');
  await expect(changed).toContainText(AGREED_CLAIM);
  await expect(changed).toContainText('amount 620,000 → 9,000,000');
  await expect(changed).toContainText('결정이 바뀌었습니다');
  await changed.scrollIntoViewIfNeeded();
  await screenshot(page, '73-committee-auditor-tampered-ko');
  // Three key files unlocked (secretary, chair, secretary), then six files chosen or saved.
  await expectDialogsOverMainWindow(desktop, 9);
});

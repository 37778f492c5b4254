import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../src/main/services/open-workspace';
import { addPerson, setCurrentPerson } from '../../../src/main/services/people/people';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { COUNCIL_PEOPLE, PASSPHRASE } from '../../main/decision-file/council';
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
  // The secretary's workspace, seeded before the app starts; she is the person at the machine.
  const workspaceDir = join(temp.dir, 'secretary');
  const ws = openWorkspace(workspaceDir, { actor: 'os-user' });
  loadSampleClaims(ws);
  importRoster(ws, members.council.rosterText);
  for (const person of COUNCIL_PEOPLE) addPerson(ws, person);
  setCurrentPerson(ws, SECRETARY);
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

async function actAs(page: Page, name: string) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`people-choose-${name}`).click();
  await expect(page.getByTestId('people-current')).toContainText(name);
}

async function verifyAsAuditor(page: Page, path: string) {
  await desktop.answerDialogs([path]);
  await page.getByTestId('auditor-choose-file').click();
  await expect(page.getByTestId('auditor-chosen-file')).toHaveText(path);
  await page.getByTestId('auditor-verify').click();
}

test('members’ files, a meeting with quorum and a recusal, a signed file, an auditor', async () => {
  // 1. The secretary imports the three members' signed recommendation files.
  await page.getByTestId('nav-review').click();
  await page.getByTestId('recs-open').click();
  await desktop.answerDialogs([memberFilePaths]);
  await page.getByTestId('recs-import-choose').click();
  await expect(page.getByTestId('recs-import-summary')).toContainText('3개 가져옴');
  await expect(page.getByTestId('recs-file')).toHaveCount(3);
  await page.getByTestId('recs-panel-close').click();

  // 2. Meeting no. 1: three of the four voting members present, so the quorum is met.
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-date').fill('2022-12-20');
  await page.getByTestId('meeting-place').fill('판교 협의체 회의실');
  for (const name of [CHAIR, '김민준', RECUSED])
    await expect(page.getByTestId(`meeting-present-${name}`)).toBeChecked();
  await page.getByTestId(`meeting-present-${ABSENT}`).uncheck();
  await page.getByTestId('meeting-open').click();
  const quorum = page.getByTestId('meeting-quorum-state');
  await expect(quorum).toContainText('의사정족수 충족');
  await expect(quorum).toContainText(`불참: ${ABSENT}`);

  const propose = async (claimId: string, amount: string) => {
    await page.getByTestId('agenda-claim').fill(claimId);
    await page.getByTestId('agenda-proposal').selectOption('approve');
    await page.getByTestId('agenda-amount').fill(amount);
    await page.getByTestId('agenda-add').click();
    await expect(page.getByTestId(`agenda-${claimId}`)).toBeVisible();
  };
  await propose(AGREED_CLAIM, '620000');
  await propose(CONFLICT_CLAIM, '700000');
  for (const name of [CHAIR, '김민준', RECUSED])
    await page.getByTestId(`vote-${AGREED_CLAIM}-${name}`).selectOption('for');
  await page.getByTestId(`vote-${CONFLICT_CLAIM}-${CHAIR}`).selectOption('for');
  await page.getByTestId(`vote-${CONFLICT_CLAIM}-김민준`).selectOption('for');
  await page.getByTestId(`vote-${CONFLICT_CLAIM}-${RECUSED}`).selectOption('recused');
  for (const claimId of [AGREED_CLAIM, CONFLICT_CLAIM]) {
    await page.getByTestId(`close-voting-${claimId}`).click();
    await expect(page.getByTestId(`result-${claimId}`)).toContainText('가결');
  }
  await expect(page.getByTestId(`agenda-${CONFLICT_CLAIM}`)).toContainText('회피 1');
  await page.getByTestId('meeting-close').click();
  await screenshot(page, '70-committee-meeting-closed-ko');

  // 3. The chair confirms both decisions; the secretary takes the machine back.
  await actAs(page, CHAIR);
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-1').click();
  for (const claimId of [AGREED_CLAIM, CONFLICT_CLAIM])
    await page.getByTestId(`confirm-submit-${claimId}`).click();
  await expect(page.getByTestId(`agenda-${CONFLICT_CLAIM}`)).toContainText('700,000원');
  await actAs(page, SECRETARY);

  // 4. The decision file, signed by the chair and the secretary with their passphrases.
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-1').click();
  const panel = page.getByTestId('decision-file-panel');
  await expect(panel).toBeVisible();
  for (const name of [CHAIR, SECRETARY]) {
    await desktop.answerDialogs([members.council.people[name]!.keyFile]);
    await page.getByTestId('signer-add').click();
    await expect(panel.getByTestId('signer-row').filter({ hasText: name })).toBeVisible();
  }
  await expect(page.getByTestId('signers-missing')).toHaveCount(0);
  await page.getByTestId('signer-passphrase-0').fill(PASSPHRASE);
  await page.getByTestId('signer-passphrase-1').fill(PASSPHRASE);
  const signedPath = join(temp.dir, 'meeting-1-decisions.json');
  await desktop.answerDialogs([signedPath]);
  await page.getByTestId('decision-file-export').click();
  await expect(page.getByTestId('decision-file-saved')).toContainText(signedPath);
  await expect(page.getByTestId('decision-file-list')).toContainText(`${CHAIR} (위원장)`);
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, '71-committee-decision-file-signed-ko');

  // 5. The auditor: the file as signed is valid.
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('open-auditor-mode').click();
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
  await expectDialogsOverMainWindow(desktop, 6);
});

import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../../src/main/services/context';
import { actAs } from '../../../src/main/services/identity/acting';
import { importRecommendations } from '../../../src/main/services/recommendations';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { PASSPHRASE } from '../../main/decision-file/council';
import {
  AGREED_CLAIM,
  alteredCopy,
  CONFLICT_CLAIM,
  makeMemberFiles,
  SINGLE_CLAIM,
  type MemberFiles,
} from '../../main/recommendations/member-files';
import { makeTempDir } from '../../helpers/temp-workspace';
import { claimCell, claimRow, screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import { expectDialogsOverMainWindow } from '../helpers/desktop-dialogs';
import { unlockAs } from '../helpers/council-keys';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * Members' recommendations in the app (built main and preload under the Electron stand-in, the
 * files chosen in main's dialogs). Three members' files, made by the real services in
 * each member's own workspace, and an altered copy; the secretary imports the four through the
 * Review screen, sees three accepted and the altered one refused with its reason, finds the
 * conflicting claim in the "의견 충돌" view and reads who recommended what. A member signs and
 * saves their own file from the same panel.
 */

// Making three members' workspaces and keys (real scrypt) takes a few seconds on a busy machine,
// and each test starts the app.
test.describe.configure({ timeout: 120_000 });

let files: MemberFiles;
let filesDir: ReturnType<typeof makeTempDir>;
/** The four files the secretary chooses, in the dialog's order. */
let chosenFiles: string[];

test.beforeAll(() => {
  filesDir = makeTempDir('review-desk-e2e-recs-files-');
  files = makeMemberFiles(filesDir.dir);
  chosenFiles = (['김민준', '최지우', '정하은'] as const).map((name) => {
    const path = join(filesDir.dir, `recommendations-batch-1-${name}.json`);
    writeFileSync(path, files.files[name]);
    return path;
  });
  const altered = join(filesDir.dir, 'recommendations-batch-1-김민준-altered.json');
  writeFileSync(altered, alteredCopy(files.files['김민준']));
  chosenFiles.splice(1, 0, altered);
});
test.afterAll(() => filesDir.cleanup());

let temp: ReturnType<typeof makeTempDir>;
/** The test's own connection to the workspace the app opens: seeds it before the app starts. */
let workspace: ServiceContext | undefined;
/** The app, once the test has started it (after its seeding). */
let running: Desktop | undefined;

test.beforeEach(() => {
  temp = makeTempDir('review-desk-e2e-recs-');
  workspace = undefined;
  running = undefined;
});

test.afterEach(async () => {
  try {
    if (running) {
      await running.finish();
    }
  } finally {
    workspace?.db.close();
    temp.cleanup();
  }
});

/** The secretary's workspace: the sample claims and the council's roster (its people). */
function secretaryWorkspace(): ServiceContext {
  const ws = openTestWorkspace(join(temp.dir, 'secretary'));
  loadSampleClaims(ws);
  importRoster(ws, files.council.rosterText);
  return ws;
}

/**
 * Starts the app on `ws`'s folder, where `name` unlocks their own key (Settings), and opens the
 * Review screen.
 */
async function openReview(ws: ServiceContext, name: string): Promise<Desktop> {
  running = await openDesktop({ workspaceDir: ws.dataDir });
  const page = running.page;
  await unlockAs(running, files.council.people[name]!, PASSPHRASE);
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '심사', exact: true })
    .click();
  await expect(page.locator('.ag-row').first()).toBeVisible();
  return running;
}

/** The members' recommendation files panel, a modal dialog over the review screen. */
function recsPanel(page: Page) {
  return page.getByRole('dialog', { name: '위원 의견 파일', exact: true });
}

/** Opens the panel and imports `paths`, chosen together in main's open dialog. */
async function importThroughPanel(desktop: Desktop, paths: string[]) {
  const page = desktop.page;
  await page.getByRole('button', { name: '위원 의견 파일', exact: true }).click();
  await expect(recsPanel(page)).toBeVisible();
  await desktop.answerDialogs([paths]);
  await recsPanel(page).getByRole('button', { name: '파일 고르기…', exact: true }).click();
  await expect(
    recsPanel(page)
      .getByRole('region', { name: '위원 의견 파일 가져오기', exact: true })
      .getByRole('status'),
  ).toBeVisible();
}

test('the secretary imports members’ files and sees agreement and conflicts', async () => {
  workspace = secretaryWorkspace();
  const desktop = await openReview(workspace, '박서연');
  const page = desktop.page;
  await page.getByRole('button', { name: '위원 의견 파일', exact: true }).click();
  await expect(page.getByTestId('recs-files-empty')).toBeVisible();
  await recsPanel(page).getByRole('button', { name: '닫기', exact: true }).click();

  await importThroughPanel(desktop, chosenFiles);
  await expect(
    recsPanel(page)
      .getByRole('region', { name: '위원 의견 파일 가져오기', exact: true })
      .getByRole('status'),
  ).toHaveText('3개 가져옴, 1개 거부');
  const results = page.getByTestId('recs-import-result');
  await expect(results).toHaveCount(4);
  await expect(results.nth(0)).toHaveAttribute('data-status', 'accepted');
  await expect(results.nth(0)).toContainText('가져옴: 김민준 위원, 표본 신청 12건');
  await expect(results.nth(0)).toContainText('의견 2건');
  const refused = results.nth(1);
  await expect(refused).toHaveAttribute('data-status', 'refused');
  await expect(refused).toContainText('altered.json');
  await expect(refused).toContainText(
    '거부됨: 서명이 맞지 않습니다: 서명한 뒤에 파일 내용이 바뀌었습니다',
  );
  await expect(refused).toContainText('the file was altered after it was signed');
  await expect(results.nth(3)).toContainText(
    '가져옴: 정하은 위원, 표본 신청 12건 (Sample claims), 의견 3건',
  );
  const imported = page.getByTestId('recs-file');
  await expect(imported).toHaveCount(3);
  await expect(imported.filter({ hasText: '최지우' })).toContainText(
    files.council.people['최지우']!.fingerprint,
  );
  await screenshot(page, '50-recommendations-import-ko');

  // The grid: who agrees and who does not, per claim.
  await recsPanel(page).getByRole('button', { name: '닫기', exact: true }).click();
  await expect(claimCell(page, AGREED_CLAIM, 'agreement')).toContainText('일치 3');
  await expect(claimCell(page, CONFLICT_CLAIM, 'agreement')).toContainText('충돌 2:1');
  await expect(claimCell(page, SINGLE_CLAIM, 'agreement')).toContainText('1명');
  await page.locator('.ag-header-cell[col-id="agreement"]').scrollIntoViewIfNeeded();
  await screenshot(page, '51-recommendations-grid-column-ko');

  await page.getByRole('combobox', { name: '보기', exact: true }).selectOption('member_conflict');
  await expect(page.getByTestId('claim-count')).toContainText('1건 표시');
  await expect(claimRow(page, CONFLICT_CLAIM)).toBeVisible();
  await expect(claimRow(page, AGREED_CLAIM)).toHaveCount(0);
  await screenshot(page, '52-recommendations-conflict-view-ko');

  // The claim: each member's recommendation, the one who differs marked.
  await claimRow(page, CONFLICT_CLAIM).click();
  // Named by its heading in either language: the same section is read again in English below.
  const section = page.getByRole('region', { name: /^(위원 의견|Members' recommendations)$/ });
  await expect(section).toHaveAttribute('data-agreement', 'conflict');
  await expect(page.getByTestId('member-recommendations-agreement')).toHaveText('의견 충돌 (2:1)');
  const kim = section.locator('[data-member="김민준"]');
  await expect(kim).toContainText('위원');
  await expect(kim).toContainText('기각');
  await expect(kim).toContainText('증빙 불충분');
  await expect(kim).toContainText('폐기 영수증이 없음');
  await expect(kim).toContainText('다수 의견과 다름');
  const jung = section.locator('[data-member="정하은"]');
  await expect(jung).toContainText('700,000원');
  await expect(jung).toContainText('꽃 폐기 사진 확인');
  await expect(jung).not.toContainText('다수 의견과 다름');
  await expect(section.locator('[data-member="최지우"]')).toContainText('700,000원');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, '53-recommendations-claim-ko');

  await page
    .getByRole('group', { name: '언어', exact: true })
    .getByRole('button', { name: 'English', exact: true })
    .click();
  await expect(page.getByTestId('member-recommendations-agreement')).toHaveText(
    'Members disagree (2:1)',
  );
  await expect(kim).toContainText('differs from the majority');
  await expect(claimCell(page, CONFLICT_CLAIM, 'agreement')).toContainText('Conflict 2:1');
  await screenshot(page, '54-recommendations-claim-en');
  // The secretary's key file (to unlock), then the four files together.
  await expectDialogsOverMainWindow(desktop, 2);
});

test('a file already imported changes nothing; the grid sorts by agreement', async () => {
  workspace = secretaryWorkspace();
  // Two files imported earlier by the secretary, through the test's connection with her key.
  actAs(workspace, files.council.people['박서연']!);
  importRecommendations(workspace, [files.files['김민준'], files.files['최지우']]);
  const desktop = await openReview(workspace, '박서연');
  const page = desktop.page;
  await importThroughPanel(desktop, [chosenFiles[2]!, chosenFiles[3]!]);
  const results = page.getByTestId('recs-import-result');
  await expect(results.nth(0)).toContainText(
    '이미 가져온 파일: 최지우 위원, 의견 2건 (바뀐 것 없음)',
  );
  await expect(results.nth(1)).toContainText('가져옴: 정하은 위원');
  await expect(page.getByTestId('recs-file')).toHaveCount(3);
  await recsPanel(page).getByRole('button', { name: '닫기', exact: true }).click();

  // Ascending, then descending: conflicts first, then agreement, then one member alone.
  const header = page.locator('.ag-header-cell[col-id="agreement"] .ag-header-cell-label');
  await header.click();
  await header.click();
  const rowAt = (index: number) => page.locator(`.ag-row[row-index="${index}"]`).first();
  await expect(rowAt(0)).toHaveAttribute('row-id', CONFLICT_CLAIM);
  await expect(rowAt(1)).toHaveAttribute('row-id', AGREED_CLAIM);
  await expect(rowAt(2)).toHaveAttribute('row-id', SINGLE_CLAIM);
});

test('a member signs and saves their recommendations from the panel', async () => {
  // 김민준's own workspace, where he recorded his decisions (made by makeMemberFiles); he
  // unlocks his key at that machine.
  workspace = openTestWorkspace(join(filesDir.dir, 'member-김민준'));
  const desktop = await openReview(workspace, '김민준');
  const page = desktop.page;
  await page.getByRole('button', { name: '위원 의견 파일', exact: true }).click();
  const exportSection = recsPanel(page).getByRole('region', {
    name: '내 의견 내보내기',
    exact: true,
  });
  await desktop.answerDialogs([files.council.people['김민준']!.keyFile]);
  await exportSection.getByRole('button', { name: '키 파일 고르기…', exact: true }).click();
  await expect(page.getByTestId('recs-export-key')).toHaveText(
    files.council.people['김민준']!.keyFile,
  );
  await expect(exportSection.getByLabel('키 암호', { exact: true })).toHaveAttribute(
    'type',
    'password',
  );

  await exportSection.getByLabel('키 암호', { exact: true }).fill('틀린 암호 wrong one');
  await exportSection.getByRole('button', { name: '서명하고 저장…', exact: true }).click();
  await expect(exportSection.getByRole('alert')).toContainText('passphrase does not unlock');
  await expect(exportSection.getByLabel('키 암호', { exact: true })).toHaveValue('');

  const out = join(temp.dir, 'my-recommendations.json');
  await desktop.answerDialogs([out]);
  await exportSection.getByLabel('키 암호', { exact: true }).fill(PASSPHRASE);
  await exportSection.getByRole('button', { name: '서명하고 저장…', exact: true }).click();
  await expect(exportSection.getByRole('status')).toContainText(
    `김민준 위원의 의견 2건을 서명해 저장했습니다: ${out}`,
  );
  await expect(exportSection.getByLabel('키 암호', { exact: true })).toHaveValue('');
  await screenshot(page, '55-recommendations-export-ko');
  expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('signatures');
  // The key to unlock, the key to sign with, then the save: a wrong passphrase is refused
  // before any save dialog opens.
  await expectDialogsOverMainWindow(desktop, 3);
});

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importRoster } from '../../../src/main/services/roster';
import { decisionRecords, makeCouncil, signedFile } from '../../main/decision-file/council';
import { swapSignature } from '../../helpers/tampering';
import { makeTempDir } from '../../helpers/temp-workspace';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import { expectDialogsOverMainWindow } from '../helpers/desktop-dialogs';
import { openTestWorkspace } from '../../helpers/workspace-key';

let temp: ReturnType<typeof makeTempDir>;
let desktop: Desktop;
let page: Desktop['page'];
let validFile: string;
let tamperedFile: string;

test.beforeEach(async () => {
  test.setTimeout(90_000);
  temp = makeTempDir('review-desk-e2e-auditor-');
  // A council's roster and a meeting's signed file, made by the real services.
  const council = makeCouncil(join(temp.dir, 'council'));
  const workspaceDir = join(temp.dir, 'workspace');
  const workspace = openTestWorkspace(workspaceDir, {});
  importRoster(workspace, council.rosterText);
  workspace.db.close();
  const files = join(temp.dir, 'files');
  mkdirSync(files);
  const good = signedFile(council);
  validFile = join(files, 'meeting-7-decisions.json');
  writeFileSync(validFile, good);
  // The secretary's signature replaced by one she made over other content.
  tamperedFile = join(files, 'meeting-7-decisions-tampered.json');
  writeFileSync(tamperedFile, swapSignature(good, signedFile(council, decisionRecords(2)), 1));
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

/** Chooses `path` in main's open dialog and verifies it. */
async function verify(page: Page, path: string) {
  await desktop.answerDialogs([path]);
  await page.getByRole('button', { name: '결정 파일 선택', exact: true }).click();
  await expect(page.getByTestId('auditor-chosen-file')).toHaveText(path);
  await page.getByRole('button', { name: '검증', exact: true }).click();
}

test('the auditor opens a signed decision file, then a tampered copy', async () => {
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '감사', exact: true })
    .click();
  await page.getByRole('button', { name: '감사인 모드', exact: true }).click();
  await expect(page.getByTestId('auditor-mode')).toBeVisible();
  await expect(page.getByTestId('auditor-roster-choice')).toContainText('작업 공간');

  await verify(page, validFile);
  const verdict = page.getByTestId('auditor-verdict');
  await expect(verdict).toHaveAttribute('data-valid', 'true');
  await expect(verdict).toContainText('유효');
  await expect(page.getByTestId('auditor-signatures')).toContainText('이도윤');
  await expect(page.getByTestId('auditor-signature-1')).toContainText('박서연');
  await expect(page.getByTestId('auditor-signature-1')).toContainText('명부에 있음');
  await expect(page.getByTestId('auditor-records')).toContainText('3건 중 3건 유효');
  await expect(page.getByTestId('auditor-chain')).toContainText('첫 결정 파일');
  await expect(page.getByTestId('auditor-problems')).toContainText('문제가 없습니다');
  await screenshot(page, '40-auditor-valid-ko');

  await verify(page, tamperedFile);
  await expect(verdict).toHaveAttribute('data-valid', 'false');
  await expect(verdict).toContainText('무효');
  await expect(page.getByTestId('auditor-signature-1')).toContainText('무효');
  const problem = page.locator('[data-testid="auditor-problem"][data-code="signature_invalid"]');
  await expect(problem).toContainText('박서연');
  await expect(problem).toContainText('서명이 바뀌었거나 변조되었습니다');
  await expect(problem).toContainText('the signature of 박서연 (secretary)');
  await screenshot(page, '41-auditor-tampered-ko');

  // The same report in English; problem texts stay bilingual, Korean first.
  await page
    .getByRole('group', { name: '언어', exact: true })
    .getByRole('button', { name: 'English', exact: true })
    .click();
  await expect(verdict).toContainText('INVALID');
  await expect(page.getByTestId('auditor-signature-1')).toContainText('Invalid');
  await screenshot(page, '42-auditor-tampered-en');

  // Saving the report goes through main's save dialog.
  const saved = join(temp.dir, 'report.txt');
  await desktop.answerDialogs([saved]);
  await page
    .getByRole('button', { name: '보고서 저장 (텍스트) / Save report (text)', exact: true })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved to / })).toContainText(saved);
  await expectDialogsOverMainWindow(desktop, 3);
});

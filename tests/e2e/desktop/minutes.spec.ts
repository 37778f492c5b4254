import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../../src/main/services/context';
import { confirmFinalDecision } from '../../../src/main/services/meetings';
import { approveMinutes, draftMinutes } from '../../../src/main/services/minutes';
import { makeTempDir } from '../../helpers/temp-workspace';
import {
  amendMeetingDecision,
  CARRIED_CLAIM,
  CHAIR,
  closedMeetingWorkspace,
  DEFERRED_CLAIM,
  SECRETARY,
} from '../helpers/closed-meeting';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import { expectDialogsOverMainWindow } from '../helpers/desktop-dialogs';
import { actAsKeyHolder, unlockAs, type CouncilKeys } from '../helpers/council-keys';

/*
 * Minutes (회의록) of a closed meeting on the Meetings screen, through the UI of the app (built
 * main and preload under the Electron stand-in) on a real SQLite workspace: drafting is refused
 * while an item is unconfirmed (and the item is named), the secretary drafts, the chair
 * approves, the approved version is locked, the print preview draws page 1, the PDF and DOCX
 * are saved where the dialog says and never over an existing file; then a change to the
 * meeting's record makes a second version, both listed.
 */

let temp: ReturnType<typeof makeTempDir>;
/** The test's own connection to the workspace: seeds it before the app starts, then reads. */
let workspace: ServiceContext;
let workspaceDir: string;
let meetingId: number;
/** The council's key files: each person unlocks their own in the app (Settings). */
let council: CouncilKeys;
/** The app, once the test has started it (after any seeding of its own). */
let running: Desktop | undefined;

test.beforeEach(() => {
  // Each PDF is made by pdfmake with a Korean font subset: on a shared machine that takes time.
  test.setTimeout(120_000);
  temp = makeTempDir('review-desk-e2e-minutes-');
  ({ ws: workspace, meetingId, workspaceDir, council } = closedMeetingWorkspace(temp.dir));
  running = undefined;
});

test.afterEach(async () => {
  try {
    if (running) {
      await running.finish();
    }
  } finally {
    workspace.db.close();
    temp.cleanup();
  }
});

/** Starts the app on the seeded workspace; the secretary unlocks her key there. */
async function launch(): Promise<Desktop> {
  running = await openDesktop({ workspaceDir });
  await actAs(running, SECRETARY);
  return running;
}

/** `name` takes the machine: unlocks their own key file in Settings. */
async function actAs(desktop: Desktop, name: string) {
  await unlockAs(desktop, council.people[name]!);
}

async function openMeetingOne(page: Page) {
  await nav(page, '회의').click();
  await page.getByRole('button', { name: /^제1차 / }).click();
  await expect(page.getByTestId('minutes-panel')).toBeVisible();
}

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

/** The minutes panel's "draft" button, whose name carries the next version's number. */
function draftButton(page: Page): Locator {
  return page.getByRole('button', { name: /^초안 작성 \(제\d+판\)$/ });
}

/** A success notice (role status) of the minutes panel, told apart by its wording. */
function notice(page: Page, text: RegExp): Locator {
  return page.getByTestId('minutes-panel').getByRole('status').filter({ hasText: text });
}

/** Scrolls so the element's end is on screen: the panel sits at the foot of a long meeting. */
async function showBottomOf(element: Locator) {
  await element.evaluate((el) => el.scrollIntoView({ block: 'end' }));
}

/** True once pdf.js has drawn something dark (text, rules) on the page canvas. */
async function canvasHasInk(page: Page): Promise<boolean> {
  return page
    .getByRole('dialog', { name: '회의록 미리보기', exact: true })
    .getByRole('img', { name: /^PDF \d+쪽$/ })
    .evaluate((canvas: HTMLCanvasElement) => {
      if (canvas.width === 0) return false;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) return true;
      return false;
    });
}

test('the secretary drafts, the chair approves, the version locks, preview and save', async () => {
  const desktop = await launch();
  const page = desktop.page;
  await openMeetingOne(page);
  const panel = page.getByTestId('minutes-panel');
  await expect(page.getByTestId('minutes-none')).toBeVisible();

  // 1. An item the chair has not confirmed: main refuses and the item is named.
  await draftButton(page).click();
  const refusal = panel.getByRole('alert');
  await expect(refusal).toContainText('회의록 초안을 작성할 수 없습니다');
  await expect(refusal.getByRole('list')).toHaveText(`안건 2 · ${DEFERRED_CLAIM}`);
  await expect(refusal.getByRole('list')).not.toContainText(CARRIED_CLAIM);
  await showBottomOf(panel);
  await screenshot(page, '90-minutes-refused-unconfirmed-ko');

  // 2. The chair confirms the deferral; the secretary drafts version 1.
  await actAs(desktop, CHAIR);
  await openMeetingOne(page);
  await agendaItem(page, DEFERRED_CLAIM)
    .getByRole('button', { name: '결정 확정', exact: true })
    .click();
  await expect(agendaItem(page, DEFERRED_CLAIM)).toContainText('확정');
  await actAs(desktop, SECRETARY);
  await openMeetingOne(page);
  await draftButton(page).click();
  await expect(notice(page, /판 초안을 작성했습니다\.$/)).toContainText(
    '제1판 초안을 작성했습니다',
  );
  const v1 = page.getByTestId('minutes-version-1');
  await expect(v1).toHaveAttribute('data-status', 'draft');
  await expect(v1).toContainText('초안');
  await expect(v1).toContainText(SECRETARY);
  await expect(v1.locator('code.fingerprint')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await expect(v1.locator('code.fingerprint')).toHaveAttribute(
    'title',
    /SHA-256 전체: [0-9a-f ]{71}/,
  );
  // The secretary cannot approve and is told who can.
  await expect(v1.getByRole('button', { name: '승인', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('minutes-approve-who-1')).toContainText(
    `위원장(${CHAIR})만 승인할 수 있습니다`,
  );
  await showBottomOf(panel);
  await screenshot(page, '91-minutes-v1-draft-ko');

  // 3. The chair approves the latest draft after seeing its whole hash; it is then locked.
  await actAs(desktop, CHAIR);
  await openMeetingOne(page);
  await expect(page.getByTestId('minutes-draft-who')).toHaveCount(0);
  await v1.getByRole('button', { name: '승인', exact: true }).click();
  const confirm = page.getByRole('group', { name: '제1판 승인', exact: true });
  const title = await v1.locator('code.fingerprint').getAttribute('title');
  const sha256 = title!.split(': ')[1]!;
  await expect(confirm).toContainText(sha256);
  await showBottomOf(confirm);
  await screenshot(page, '92-minutes-approve-confirm-ko');
  await confirm.getByRole('button', { name: '이 판을 승인', exact: true }).click();
  await expect(notice(page, /판을 승인했습니다\.$/)).toContainText('제1판을 승인했습니다');
  await expect(v1).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId('minutes-status-1')).toHaveText('승인됨 · 잠김');
  await expect(page.getByTestId('minutes-status-1')).toHaveAttribute('data-locked', 'true');
  await expect(page.getByTestId('minutes-status-1').locator('svg.minutes-lock')).toBeVisible();
  await expect(v1).toContainText(CHAIR);
  await expect(v1.getByRole('button', { name: '승인', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('minutes-approve-who-1')).toHaveCount(0);
  await showBottomOf(panel);
  await screenshot(page, '93-minutes-v1-approved-locked-ko');

  // 4. The print preview draws page 1; Esc closes it.
  await v1.getByRole('button', { name: '미리보기', exact: true }).click();
  const preview = page.getByRole('dialog', { name: '회의록 미리보기', exact: true });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('제1차 회의 · 제1판 · 승인됨');
  const canvas = preview.getByRole('img', { name: /^PDF \d+쪽$/ });
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  await expect(canvas).toHaveAttribute('data-page', '1');
  await expect(preview.getByTestId('evidence-pdf-pageinfo')).toContainText('1 /');
  await expect.poll(() => canvasHasInk(page), { timeout: 15_000 }).toBe(true);
  await screenshot(page, '94-minutes-preview-ko');
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(v1.getByRole('button', { name: '미리보기', exact: true })).toBeFocused();

  // 5. Saved where the dialog says, as PDF and DOCX; an existing file is never overwritten.
  const pdfPath = join(temp.dir, '제1차-회의록-v1.pdf');
  await desktop.answerDialogs([pdfPath]);
  await v1.getByRole('button', { name: 'PDF 저장', exact: true }).click();
  await expect(notice(page, /을\(를\) 저장했습니다: /)).toContainText(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const docxPath = join(temp.dir, '제1차-회의록-v1.docx');
  await desktop.answerDialogs([docxPath]);
  await v1.getByRole('button', { name: 'DOCX 저장', exact: true }).click();
  await expect(notice(page, /을\(를\) 저장했습니다: /)).toContainText(docxPath);
  expect(readFileSync(docxPath).subarray(0, 2).toString('latin1')).toBe('PK');
  const before = readFileSync(pdfPath);
  await desktop.answerDialogs([pdfPath]);
  await v1.getByRole('button', { name: 'PDF 저장', exact: true }).click();
  await expect(panel.getByRole('alert')).toContainText('덮어쓰지 않으니');
  expect(readFileSync(pdfPath).equals(before)).toBe(true);
  // Four key files chosen to unlock (secretary, chair, secretary, chair), then three saves.
  await expectDialogsOverMainWindow(desktop, 7);
});

test('a change after approval is a new version; the approved one stays, locked', async () => {
  // Version 1 drafted and approved through the services before the app starts, the deferral
  // confirmed first, each step with the key of the person whose act it is.
  actAsKeyHolder(workspace, council, CHAIR);
  confirmFinalDecision(workspace, {
    meetingId,
    claimId: DEFERRED_CLAIM,
    outcome: 'defer',
    amount: null,
    reasonCodes: [],
    note: '부결, 차기 회의 이월',
  });
  actAsKeyHolder(workspace, council, SECRETARY);
  draftMinutes(workspace, meetingId);
  actAsKeyHolder(workspace, council, CHAIR);
  approveMinutes(workspace, { meetingId, version: 1 });

  const desktop = await launch();
  const page = desktop.page;
  await openMeetingOne(page);
  const panel = page.getByTestId('minutes-panel');
  await expect(page.getByTestId('minutes-version-1')).toHaveAttribute('data-status', 'approved');

  // Nothing changed yet: drafting again is refused, saying which version already records it.
  await draftButton(page).click();
  await expect(panel.getByRole('alert')).toContainText('제1판 이후 바뀐 내용이 없습니다');
  await expect(page.getByTestId('minutes-version-2')).toHaveCount(0);

  // The chair corrects the meeting's confirmed amount; the secretary drafts version 2. The
  // correction is written through the services while the app runs (SQLite WAL: two connections
  // to one workspace): the confirm form fixes a carried proposal's amount, so the UI cannot make
  // it. The app reads the meeting's record afresh when asked to draft. The test's connection
  // acts with the chair's key; the app, a process of its own, still acts as the secretary.
  amendMeetingDecision(
    workspace,
    council,
    meetingId,
    CARRIED_CLAIM,
    600_000,
    '회의록 검토 중 금액 오기 정정',
  );
  await draftButton(page).click();
  await expect(notice(page, /판 초안을 작성했습니다\.$/)).toContainText(
    '제2판 초안을 작성했습니다',
  );
  await expect(panel.getByRole('alert')).toHaveCount(0);
  const versions = page.getByTestId('minutes-versions').locator('tbody');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toHaveAttribute('data-testid', 'minutes-version-2');
  await expect(page.getByTestId('minutes-version-2')).toHaveAttribute('data-status', 'draft');
  await expect(page.getByTestId('minutes-version-1')).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId('minutes-status-1')).toHaveText('승인됨 · 잠김');
  await expect(draftButton(page)).toHaveText('초안 작성 (제3판)');
  await showBottomOf(panel);
  await screenshot(page, '95-minutes-v2-beside-approved-v1-ko');

  // Another correction before v2 was approved: v3 replaces the draft, which stays listed.
  amendMeetingDecision(workspace, council, meetingId, CARRIED_CLAIM, 610_000, '정정 금액 재확인');
  await draftButton(page).click();
  await expect(notice(page, /판 초안을 작성했습니다\.$/)).toContainText(
    '제3판 초안을 작성했습니다',
  );
  await expect(versions).toHaveCount(3);
  await expect(page.getByTestId('minutes-status-3')).toHaveText('초안');
  await expect(page.getByTestId('minutes-status-2')).toHaveText('대체됨');
  await expect(page.getByTestId('minutes-version-2')).toContainText('제3판으로 대체되어');
  await expect(page.getByTestId('minutes-approve-who-2')).toHaveCount(0);
  await expect(page.getByTestId('minutes-status-1')).toHaveText('승인됨 · 잠김');
  await showBottomOf(panel);
  await screenshot(page, '96-minutes-superseded-draft-ko');

  // English: the same versions and states.
  await page
    .getByRole('group', { name: '언어', exact: true })
    .getByRole('button', { name: 'English', exact: true })
    .click();
  await expect(panel.getByRole('heading', { name: 'Minutes' })).toBeVisible();
  await expect(page.getByTestId('minutes-status-1')).toHaveText('Approved · Locked');
  await expect(page.getByTestId('minutes-status-2')).toHaveText('Superseded');
  await expect(page.getByTestId('minutes-status-3')).toHaveText('Draft');
  await expect(page.getByTestId('minutes-approve-who-3')).toContainText(
    `Only the chair (${CHAIR}) can approve.`,
  );
  await expect(
    page.getByTestId('minutes-version-3').getByRole('button', { name: 'Save PDF', exact: true }),
  ).toHaveText('Save PDF');
  await showBottomOf(panel);
  await screenshot(page, '97-minutes-versions-en');
});

import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { unlockWorkspace } from '../../../src/main/services/unlock-workspace';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_PASSPHRASE, TEST_SCRYPT } from '../../helpers/workspace-key';
import { actAsKeyHolder, makeCouncilKeys, seatCouncilKeys } from '../helpers/council-keys';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, passVaultGate, type Desktop } from '../helpers/desktop';

/*
 * A lost laptop leaks nothing, a dead one loses nothing: the workspace is made encrypted in the
 * app (its recovery code shown once), locked and unlocked, backed up from Settings, and the
 * backup restored on "another laptop" (a second, empty app) with the recovery code alone, where
 * the same claims, the decision and the evidence are found.
 */
const RESOURCES_DIR = join(import.meta.dirname, '../../../resources');
const CLAIM = 'K-2022-000294'; // committee review, with a PDF, an image, a CSV and an XLSX
const MEMBER = '김민준';
const CANARY_NAME = '교육서비스업';

let temp: ReturnType<typeof makeTempDir>;
const running: Desktop[] = [];

test.beforeEach(() => {
  test.setTimeout(150_000);
  temp = makeTempDir('review-desk-e2e-vault-');
});
test.afterEach(async () => {
  try {
    for (const desktop of running.splice(0)) await desktop.finish();
  } finally {
    temp.cleanup();
  }
});

async function open(workspaceDir: string): Promise<Desktop> {
  const desktop = await openDesktop({ workspaceDir, vault: 'stay' });
  running.push(desktop);
  return desktop;
}

/**
 * Clicks File → 백업… in the app's menu (the stand-in keeps the template main gave) and returns
 * the messages of the message boxes main showed meanwhile.
 */
async function backupFromMenu(desktop: Desktop): Promise<string[]> {
  return desktop.app.evaluate(async ({ __standIn, dialog }) => {
    const shown: string[] = [];
    const original = dialog.showMessageBox;
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = (args.length > 1 ? args[1] : args[0]) as { message: string };
      shown.push(options.message);
      return { response: 0, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
    type Item = { id?: string; click?: () => void; submenu?: Item[] };
    const find = (items: Item[]): Item | undefined =>
      items
        .map((item) => (item.id === 'file-backup' ? item : find(item.submenu ?? [])))
        .find(Boolean);
    const menu = __standIn.applicationMenu() as unknown as { items: Item[] };
    find(menu.items)!.click!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    dialog.showMessageBox = original;
    return shown;
  });
}

/** The claim's row in "all claims", its decision in the history and its evidence in the viewer. */
async function expectClaimDecisionAndEvidence(page: Page): Promise<void> {
  await page.getByTestId('nav-review').click();
  await page.getByTestId('queue-view').selectOption('all');
  // Quick search, as a person finds one claim among hundreds: Enter opens what it finds.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: '빠른 검색', exact: true })).toBeFocused();
  await page.keyboard.type(CLAIM);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: /^신청 / })).toHaveAttribute(
    'data-claim-id',
    CLAIM,
  );
  const history = page.getByTestId('decision-history');
  await expect(history.getByTestId('decision-1')).toHaveAttribute('data-outcome', 'partial');
  await expect(history).toContainText('450,000원');
  const viewer = page.getByRole('region', { name: '증빙 보기', exact: true });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByTestId('evidence-sha256')).toContainText(/[0-9a-f]{64}/);
}

test('make a workspace, lock and unlock it, back it up, restore it elsewhere with the recovery code', async () => {
  const first = join(temp.dir, 'laptop-1');
  const desktop = await open(first);
  let page = desktop.page;

  // First start: the workspace is made with a passphrase; the recovery code is shown once.
  await expect(page.getByTestId('vault-create')).toBeVisible();
  await screenshot(page, '60-vault-create');
  await page.getByTestId('vault-create-passphrase').fill(TEST_PASSPHRASE);
  await page.getByTestId('vault-create-confirm').fill(TEST_PASSPHRASE);
  await page.getByTestId('vault-create-submit').click();
  const code = (await page.getByTestId('vault-recovery-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
  await screenshot(page, '61-vault-recovery-code');
  await expect(page.getByTestId('vault-recovery-continue')).toBeDisabled();
  await page.getByTestId('vault-recovery-ack').check();
  await page.getByTestId('vault-recovery-continue').click();
  await expect(page.getByTestId('top-bar')).toBeVisible();

  // The council's batch (with its evidence), roster and a member's decision, written beside the
  // running app as a second program would (the same passphrase opens it).
  const ws = unlockWorkspace(first, { passphrase: TEST_PASSPHRASE }, { scrypt: TEST_SCRYPT });
  await importBatch(ws, demoBatchPaths(RESOURCES_DIR));
  const council = makeCouncilKeys(temp.dir, [
    { name: '박서연', role: 'secretary' },
    { name: '이도윤', role: 'chair' },
    { name: MEMBER, role: 'member' },
  ]);
  seatCouncilKeys(ws, council);
  actAsKeyHolder(ws, council, MEMBER);
  recordDecision(ws, {
    claimId: CLAIM,
    outcome: 'partial',
    amount: 450_000,
    reasonCodes: ['insufficient_proof'],
    note: '매출 장부 일부만 확인',
    replacesId: null,
    amendmentReason: null,
  });
  ws.db.close();
  // What the folder holds is ciphertext: the claimant's business type is nowhere in it.
  for (const name of readdirSync(first).filter((n) => n.startsWith('review-desk.db')))
    expect(readFileSync(join(first, name)).includes(Buffer.from(CANARY_NAME))).toBe(false);

  // Lock: the app drops back to the unlock screen and shows nothing of the workspace.
  await page.getByTestId('vault-lock-now').click();
  await expect(page.getByTestId('vault-unlock')).toBeVisible();
  await expect(page.getByTestId('top-bar')).toHaveCount(0);
  // File → 백업… while locked: the person is told in a message box; the lock screen stays.
  const boxes = await backupFromMenu(desktop);
  expect(boxes).toEqual([expect.stringContaining('작업 공간이 잠겨 있습니다')]);
  await expect(page.getByTestId('vault-unlock')).toBeVisible();
  await page.getByTestId('vault-unlock-passphrase').fill('not the passphrase');
  await page.getByTestId('vault-unlock-submit').click();
  await expect(page.getByTestId('vault-unlock-error')).toBeVisible();
  await screenshot(page, '62-vault-unlock-wrong-passphrase');
  await passVaultGate(page);
  await expectClaimDecisionAndEvidence(page);

  // Back up from Settings into a file chosen in the save dialog.
  const backupFile = join(temp.dir, 'usb-stick', 'laptop-1.rdbackup');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(temp.dir, 'usb-stick'));
  // Unlocked, File → 백업… brings Settings' backup panel, which asks where to save: closed here.
  await desktop.answerDialogs([null]);
  expect(await backupFromMenu(desktop)).toEqual([]);
  await expect(page.getByTestId('backup-now')).toBeVisible();
  await expect.poll(async () => (await desktop.dialogOwners()).length).toBe(1);
  await desktop.answerDialogs([backupFile]);
  await page.getByTestId('backup-now').click();
  const result = page.getByTestId('backup-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('backup-result-claims')).toContainText(/\d/);
  await screenshot(page, '63-backup-made');
  expect(existsSync(backupFile)).toBe(true);
  expect(readFileSync(backupFile).includes(Buffer.from(CANARY_NAME))).toBe(false);

  // Another laptop: an empty app restores the backup with the recovery code alone.
  const second = join(temp.dir, 'laptop-2');
  const other = await open(second);
  page = other.page;
  await expect(page.getByTestId('vault-create')).toBeVisible();
  await page.getByTestId('vault-restore-start').click();
  await other.answerDialogs([backupFile]);
  await page.getByTestId('vault-restore-choose').click();
  await expect(page.getByTestId('vault-restore-file')).toContainText('laptop-1.rdbackup');
  await page.getByTestId('vault-restore-recovery-code').fill(code.toLowerCase());
  await page.getByTestId('vault-restore-submit').click();
  const report = page.getByTestId('vault-restore-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('vault-restore-checks')).toContainText('integrity_check');
  await screenshot(page, '64-restore-report');
  await page.getByTestId('vault-restore-continue').click();
  await expect(page.getByTestId('top-bar')).toBeVisible();
  await expectClaimDecisionAndEvidence(page);
  await screenshot(page, '65-restored-claim-with-evidence');
});

import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../../src/main/services/context';
import {
  generateIdentity,
  readKeyFile,
  readPublicKeyFile,
} from '../../../src/main/services/identity';
import { openWorkspace } from '../../../src/main/services/open-workspace';
import { latestRoster } from '../../../src/main/services/roster';
import { PASSPHRASE, TEST_SCRYPT } from '../../main/decision-file/council';
import { changeRosterRole } from '../../helpers/roster-tampering';
import { makeTempDir } from '../../helpers/temp-workspace';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop, type DesktopOptions } from '../helpers/desktop';
import { expectDialogsOverMainWindow } from '../helpers/desktop-dialogs';

const FINGERPRINT = /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/;
const SECRETARY_PASSPHRASE = '간사 열쇠 말 quiet lantern 42';

let temp: ReturnType<typeof makeTempDir>;
let workspaceDir: string;
/** The test's own connection to the app's workspace, to check what main stored (WAL). */
let workspace: ServiceContext;
/** The app, once a test has started it. */
let running: Desktop | undefined;
/** Three members' public key files, made on "their" machines by the real services. */
let memberFiles: string[];
let keysDir: string;

test.beforeEach(() => {
  temp = makeTempDir('review-desk-e2e-keys-');
  workspaceDir = join(temp.dir, 'workspace');
  workspace = openWorkspace(workspaceDir, { actor: '박서연' });
  const received = join(temp.dir, 'received');
  memberFiles = (
    [
      { name: '이도윤', role: 'chair' },
      { name: '김민준', role: 'member' },
      { name: '최지우', role: 'member' },
    ] as const
  ).map(
    (person) =>
      generateIdentity(person, PASSPHRASE, { dir: received, scrypt: TEST_SCRYPT }).publicKeyFile,
  );
  keysDir = join(temp.dir, 'my-keys');
  mkdirSync(keysDir);
  running = undefined;
});

/** Starts the app on the workspace; each test says which OS keychain the machine has. */
async function launch(options: DesktopOptions = {}): Promise<Desktop> {
  running = await openDesktop({ workspaceDir, ...options });
  return running;
}

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

test('the secretary makes a key, builds and signs the roster; an altered roster is refused', async () => {
  // Real scrypt at the app's cost, twice (making the key, then signing with it).
  test.setTimeout(120_000);
  // Linux without a keyring: Electron's safeStorage reports 'basic_text', which protects nothing.
  const desktop = await launch({ keychainBackend: 'basic_text' });
  const page = desktop.page;
  await page.getByTestId('nav-settings').click();
  const panel = page.getByTestId('signing-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('roster-none')).toBeVisible();
  // No OS keychain the app can use: the choice is there, disabled, and says why.
  await expect(page.getByTestId('key-protection-keychain')).toBeDisabled();
  await expect(panel).toContainText('이 컴퓨터에서는 운영체제 키체인을 쓸 수 없습니다.');

  // Make my key: a weak passphrase is flagged, a mismatch blocks, then a good one.
  await page.getByTestId('key-name').fill('박서연');
  await page.getByTestId('key-role').selectOption('secretary');
  await page.getByTestId('key-passphrase').fill('abcdefgh');
  await expect(page.getByTestId('key-strength')).toHaveAttribute('data-strength', 'weak');
  await page.getByTestId('key-passphrase').fill(SECRETARY_PASSPHRASE);
  await expect(page.getByTestId('key-strength')).toHaveAttribute('data-strength', 'strong');
  await page.getByTestId('key-passphrase-confirm').fill(`${SECRETARY_PASSPHRASE}x`);
  await expect(page.getByTestId('key-passphrase-mismatch')).toBeVisible();
  await expect(page.getByTestId('key-create')).toBeDisabled();
  await page.getByTestId('key-passphrase-confirm').fill(SECRETARY_PASSPHRASE);
  const keyFile = join(keysDir, '박서연-key.json');
  await desktop.answerDialogs([keyFile]);
  await page.getByTestId('key-create').click();

  const created = page.getByTestId('key-created');
  await expect(created).toBeVisible({ timeout: 20_000 });
  const publicKeyFile = join(keysDir, '박서연-public-key.json');
  const mine = readPublicKeyFile(publicKeyFile);
  const shown = await page.getByTestId('key-created-fingerprint').textContent();
  expect(shown).toMatch(FINGERPRINT);
  expect(shown).toBe(mine.fingerprint);
  await expect(page.getByTestId('key-created-public-file')).toHaveText(publicKeyFile);
  await expect(page.getByTestId('key-created-key-file')).toHaveText(keyFile);
  await expect(page.getByTestId('key-passphrase')).toHaveValue('');
  expect(readFileSync(keyFile, 'utf8')).not.toContain(SECRETARY_PASSPHRASE);
  await created.scrollIntoViewIfNeeded();
  await screenshot(page, '60-key-created-ko');

  // Build the roster: the three files received, my own public key, signed with my new key.
  await desktop.answerDialogs([memberFiles]);
  await page.getByTestId('roster-add-members').click();
  await expect(page.getByTestId('roster-build-member')).toHaveCount(3);
  await expect(page.getByTestId('roster-build-needs')).toBeVisible();
  await page.getByTestId('roster-add-mine').click();
  await expect(page.getByTestId('roster-build-member')).toHaveCount(4);
  await expect(page.getByTestId('roster-build-needs')).toHaveCount(0);
  await desktop.answerDialogs([keyFile]);
  await page.getByTestId('roster-choose-signer').click();
  await expect(page.getByTestId('roster-signer')).toContainText('박서연');
  await page.getByTestId('roster-valid-from').fill('2022-11-14');
  await page.getByTestId('roster-passphrase').fill(SECRETARY_PASSPHRASE);
  await page.getByTestId('roster-build').scrollIntoViewIfNeeded();
  await screenshot(page, '61-roster-build-ready-ko');
  const rosterFile = join(temp.dir, 'roster-v1.json');
  await desktop.answerDialogs([rosterFile]);
  await page.getByTestId('roster-build').click();

  const built = page.getByTestId('roster-built');
  await expect(built).toBeVisible({ timeout: 20_000 });
  const stored = latestRoster(workspace.db)!;
  expect(stored.fileText).toBe(readFileSync(rosterFile, 'utf8'));
  await expect(page.getByTestId('roster-built-fingerprint')).toHaveText(stored.fingerprint);
  await expect(page.getByTestId('roster-passphrase')).toHaveValue('');
  await built.scrollIntoViewIfNeeded();
  await screenshot(page, '62-roster-built-ko');

  // The roster panel shows it: fingerprint first, who signed, every member with their key.
  const view = page.getByTestId('roster-view');
  await expect(view).toHaveAttribute('data-version', '1');
  await expect(page.getByTestId('roster-fingerprint')).toHaveText(stored.fingerprint);
  await expect(page.getByTestId('roster-signers')).toHaveText('박서연 (간사)');
  const rows = page.getByTestId('roster-member');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: '이도윤' })).toContainText('위원장');
  await expect(rows.filter({ hasText: '박서연' })).toContainText(mine.fingerprint);
  await page.getByTestId('roster-current').scrollIntoViewIfNeeded();
  await screenshot(page, '63-roster-current-ko');

  // A member's public key file, checked against the roster it is now on.
  await desktop.answerDialogs([memberFiles[1]!]);
  await page.getByTestId('inspect-public-key').click();
  const inspected = page.getByTestId('inspected-key');
  await expect(inspected).toContainText('김민준 (위원)');
  await expect(page.getByTestId('inspected-fingerprint')).toHaveText(
    readPublicKeyFile(memberFiles[1]!).fingerprint,
  );
  await expect(page.getByTestId('inspected-on-roster')).toHaveText(
    '명부 v1에 올라 있음: 김민준 (위원)',
  );

  // Someone promotes 김민준 to chair in a copy: the signature no longer matches, and it says so.
  const altered = join(temp.dir, 'roster-v1-altered.json');
  writeFileSync(altered, changeRosterRole(readFileSync(rosterFile, 'utf8'), '김민준', 'chair'));
  await desktop.answerDialogs([altered]);
  await page.getByTestId('roster-import').click();
  const refusal = page.getByTestId('roster-import-error');
  await expect(refusal).toContainText('이 명부 파일은 가져오지 않았습니다');
  await expect(refusal).toContainText('roster: the signature of 박서연 does not match its content');
  await expect(view).toHaveAttribute('data-version', '1');
  expect(latestRoster(workspace.db)?.sha256).toBe(stored.sha256);
  await page.getByTestId('roster-current').scrollIntoViewIfNeeded();
  await screenshot(page, '64-roster-altered-refused-ko');

  // The original file imports as the same roster, and the panel reads in English too.
  await desktop.answerDialogs([rosterFile]);
  await page.getByTestId('roster-import').click();
  await expect(page.getByTestId('roster-imported')).toContainText('이미 가져온 명부');
  await page.getByTestId('locale-en').click();
  await expect(page.getByTestId('roster-signers')).toHaveText('박서연 (Secretary)');
  await expect(page.getByTestId('roster-imported')).toContainText('already imported');
  await page.getByTestId('roster-current').scrollIntoViewIfNeeded();
  await screenshot(page, '65-roster-current-en');
  await expectDialogsOverMainWindow(desktop, 7);
});

test('with an OS keyring, a key kept by the keychain signs the roster without a passphrase, after a restart too', async () => {
  test.setTimeout(120_000);
  // A Linux machine with a secret service: Electron's safeStorage uses the real keyring.
  const desktop = await launch({ keychainBackend: 'gnome_libsecret' });
  let page = desktop.page;
  await page.getByTestId('nav-settings').click();
  const keychain = page.getByTestId('key-protection-keychain');
  await expect(keychain).toBeEnabled();
  await expect(page.getByTestId('signing-panel')).toContainText(
    '이 컴퓨터의 이 사용자 계정에서만, 데스크톱 앱에서만 열립니다.',
  );
  await keychain.check();
  // Nothing to remember: no passphrase fields.
  await expect(page.getByTestId('key-passphrase')).toHaveCount(0);
  await page.getByTestId('key-name').fill('박서연');
  await page.getByTestId('key-role').selectOption('secretary');
  const keyFile = join(keysDir, '박서연-key.json');
  await desktop.answerDialogs([keyFile]);
  await page.getByTestId('key-create').click();
  await expect(page.getByTestId('key-created')).toBeVisible({ timeout: 20_000 });
  expect(readKeyFile(keyFile).protection).toBe('os-keychain');
  const publicKeyFile = join(keysDir, '박서연-public-key.json');
  const mine = readPublicKeyFile(publicKeyFile);
  await expect(page.getByTestId('key-created-fingerprint')).toHaveText(mine.fingerprint);

  // The app starts again: the keychain still opens the key it sealed on this machine.
  await desktop.restart();
  page = desktop.page;
  await page.getByTestId('nav-settings').click();
  await desktop.answerDialogs([[...memberFiles, publicKeyFile]]);
  await page.getByTestId('roster-add-members').click();
  await expect(page.getByTestId('roster-build-member')).toHaveCount(4);
  await expect(page.getByTestId('roster-build-needs')).toHaveCount(0);
  await desktop.answerDialogs([keyFile]);
  await page.getByTestId('roster-choose-signer').click();
  await expect(page.getByTestId('roster-signer')).toContainText('박서연');
  await expect(page.getByTestId('roster-passphrase')).toHaveCount(0);
  await expect(page.getByTestId('signing-panel')).toContainText(
    '이 키는 이 컴퓨터의 운영체제 키체인으로 열립니다.',
  );
  await page.getByTestId('roster-valid-from').fill('2022-11-14');
  const rosterFile = join(temp.dir, 'roster-v1.json');
  await desktop.answerDialogs([rosterFile]);
  await page.getByTestId('roster-build').click();
  await expect(page.getByTestId('roster-built')).toBeVisible({ timeout: 20_000 });
  const stored = latestRoster(workspace.db)!;
  expect(stored.fileText).toBe(readFileSync(rosterFile, 'utf8'));
  await expect(page.getByTestId('roster-signers')).toHaveText('박서연 (간사)');
  await expect(page.getByTestId('roster-member').filter({ hasText: '박서연' })).toContainText(
    mine.fingerprint,
  );
  await page.getByTestId('roster-current').scrollIntoViewIfNeeded();
  await screenshot(page, '66-roster-signed-with-keychain-key-ko');
  await expectDialogsOverMainWindow(desktop, 3);
});

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../../src/main/services/context';
import {
  generateIdentity,
  readKeyFile,
  readPublicKeyFile,
} from '../../../src/main/services/identity';
import { latestRoster } from '../../../src/main/services/roster';
import { PASSPHRASE, TEST_SCRYPT } from '../../main/decision-file/council';
import { changeRosterRole } from '../../helpers/roster-tampering';
import { makeTempDir } from '../../helpers/temp-workspace';
import { screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop, type DesktopOptions } from '../helpers/desktop';
import { expectDialogsOverMainWindow } from '../helpers/desktop-dialogs';
import { unlockAs } from '../helpers/council-keys';
import { openTestWorkspace } from '../../helpers/workspace-key';

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
  workspace = openTestWorkspace(workspaceDir, {});
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

/** Settings' "make my signing key" section. */
const createKeySection = (page: Page) =>
  page.getByRole('region', { name: '내 서명 키 만들기', exact: true });

/** Settings' "build and sign a roster" section. */
const buildSection = (page: Page) =>
  page.getByRole('region', { name: '명부 만들고 서명하기 (간사)', exact: true });

/** Settings' current roster section, named by its heading in either language. */
const rosterSection = (page: Page) =>
  page.getByRole('region', { name: /^(현재 위원 명부|Current committee roster)$/ });

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
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '설정', exact: true })
    .click();
  const panel = page.getByTestId('signing-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('roster-none')).toBeVisible();
  // No OS keychain the app can use: the choice is there, disabled, and says why.
  await expect(
    createKeySection(page).getByRole('radio', { name: /^운영체제 키체인으로 보호/ }),
  ).toBeDisabled();
  await expect(panel).toContainText('이 컴퓨터에서는 운영체제 키체인을 쓸 수 없습니다.');

  // Make my key: a weak passphrase is flagged, a mismatch blocks, then a good one.
  await createKeySection(page).getByRole('textbox', { name: '이름', exact: true }).fill('박서연');
  await createKeySection(page)
    .getByRole('combobox', { name: '역할', exact: true })
    .selectOption('secretary');
  await createKeySection(page)
    .getByLabel(/^암호 문구 \(\d+자 이상\)/)
    .fill('abcdefgh');
  await expect(page.getByTestId('key-strength')).toHaveAttribute('data-strength', 'weak');
  await createKeySection(page)
    .getByLabel(/^암호 문구 \(\d+자 이상\)/)
    .fill(SECRETARY_PASSPHRASE);
  await expect(page.getByTestId('key-strength')).toHaveAttribute('data-strength', 'strong');
  await createKeySection(page)
    .getByLabel(/^암호 문구 확인/)
    .fill(`${SECRETARY_PASSPHRASE}x`);
  await expect(page.getByTestId('key-passphrase-mismatch')).toBeVisible();
  await expect(
    createKeySection(page).getByRole('button', {
      name: '키 만들고 저장 위치 고르기',
      exact: true,
    }),
  ).toBeDisabled();
  await createKeySection(page)
    .getByLabel(/^암호 문구 확인/)
    .fill(SECRETARY_PASSPHRASE);
  const keyFile = join(keysDir, '박서연-key.json');
  await desktop.answerDialogs([keyFile]);
  await createKeySection(page)
    .getByRole('button', {
      name: '키 만들고 저장 위치 고르기',
      exact: true,
    })
    .click();

  const created = createKeySection(page).getByRole('status');
  await expect(created).toBeVisible({ timeout: 20_000 });
  const publicKeyFile = join(keysDir, '박서연-public-key.json');
  const mine = readPublicKeyFile(publicKeyFile);
  const shown = await page.getByTestId('key-created-fingerprint').textContent();
  expect(shown).toMatch(FINGERPRINT);
  expect(shown).toBe(mine.fingerprint);
  await expect(page.getByTestId('key-created-public-file')).toHaveText(publicKeyFile);
  await expect(page.getByTestId('key-created-key-file')).toHaveText(keyFile);
  await expect(createKeySection(page).getByLabel(/^암호 문구 \(\d+자 이상\)/)).toHaveValue('');
  expect(readFileSync(keyFile, 'utf8')).not.toContain(SECRETARY_PASSPHRASE);
  await created.scrollIntoViewIfNeeded();
  await screenshot(page, '60-key-created-ko');

  // Build the roster: the three files received, my own public key, signed with my new key.
  await desktop.answerDialogs([memberFiles]);
  await buildSection(page).getByRole('button', { name: '공개 키 파일 추가', exact: true }).click();
  await expect(page.getByTestId('roster-build-member')).toHaveCount(3);
  await expect(page.getByTestId('roster-build-needs')).toBeVisible();
  await buildSection(page)
    .getByRole('button', {
      name: '방금 만든 내 공개 키 추가 (박서연)',
      exact: true,
    })
    .click();
  await expect(page.getByTestId('roster-build-member')).toHaveCount(4);
  await expect(page.getByTestId('roster-build-needs')).toHaveCount(0);
  await desktop.answerDialogs([keyFile]);
  await buildSection(page)
    .getByRole('button', { name: '간사 키 파일 고르기', exact: true })
    .click();
  await expect(page.getByTestId('roster-signer')).toContainText('박서연');
  await buildSection(page).getByLabel('적용 시작일', { exact: true }).fill('2022-11-14');
  await buildSection(page)
    .getByLabel('박서연의 암호 문구', { exact: true })
    .fill(SECRETARY_PASSPHRASE);
  await buildSection(page)
    .getByRole('button', { name: '서명하고 명부 v1 저장', exact: true })
    .scrollIntoViewIfNeeded();
  await screenshot(page, '61-roster-build-ready-ko');
  const rosterFile = join(temp.dir, 'roster-v1.json');
  await desktop.answerDialogs([rosterFile]);
  await buildSection(page)
    .getByRole('button', { name: '서명하고 명부 v1 저장', exact: true })
    .click();

  const built = buildSection(page).getByRole('status');
  await expect(built).toBeVisible({ timeout: 20_000 });
  const stored = latestRoster(workspace.db)!;
  expect(stored.fileText).toBe(readFileSync(rosterFile, 'utf8'));
  await expect(page.getByTestId('roster-built-fingerprint')).toHaveText(stored.fingerprint);
  await expect(buildSection(page).getByLabel('박서연의 암호 문구', { exact: true })).toHaveValue(
    '',
  );
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
  await rosterSection(page).scrollIntoViewIfNeeded();
  await screenshot(page, '63-roster-current-ko');
  // "Who is working here" lists the roster just built, and nobody acts yet.
  const people = page.getByTestId('people-table');
  await expect(people).toHaveAttribute('data-version', '1');
  await expect(page.getByTestId('people-member')).toHaveCount(4);
  await expect(page.getByTestId('people-member').filter({ hasText: '박서연' })).toContainText(
    mine.fingerprint,
  );
  await expect(page.getByTestId('acting-badge')).toHaveText('서명 키 잠김');

  // A member's public key file, checked against the roster it is now on.
  await desktop.answerDialogs([memberFiles[1]!]);
  await page
    .getByRole('region', { name: '키 파일 확인', exact: true })
    .getByRole('button', { name: '공개 키 파일 열기', exact: true })
    .click();
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
  await rosterSection(page)
    .getByRole('button', { name: '명부 파일 가져오기', exact: true })
    .click();
  const refusal = rosterSection(page).getByRole('alert');
  await expect(refusal).toContainText('이 명부 파일은 가져오지 않았습니다');
  await expect(refusal).toContainText('roster: the signature of 박서연 does not match its content');
  await expect(view).toHaveAttribute('data-version', '1');
  expect(latestRoster(workspace.db)?.sha256).toBe(stored.sha256);
  await rosterSection(page).scrollIntoViewIfNeeded();
  await screenshot(page, '64-roster-altered-refused-ko');

  // The original file imports as the same roster, and the panel reads in English too.
  await desktop.answerDialogs([rosterFile]);
  await rosterSection(page)
    .getByRole('button', { name: '명부 파일 가져오기', exact: true })
    .click();
  await expect(rosterSection(page).getByRole('status')).toContainText('이미 가져온 명부');
  await page
    .getByRole('group', { name: '언어', exact: true })
    .getByRole('button', { name: 'English', exact: true })
    .click();
  await expect(page.getByTestId('roster-signers')).toHaveText('박서연 (Secretary)');
  await expect(rosterSection(page).getByRole('status')).toContainText('already imported');
  await rosterSection(page).scrollIntoViewIfNeeded();
  await screenshot(page, '65-roster-current-en');

  // Now on the roster, the secretary unlocks the key she made: the roster names her.
  await unlockAs(desktop, { name: '박서연', keyFile }, SECRETARY_PASSPHRASE);
  await expect(page.getByTestId('people-current')).toContainText('Working now: 박서연 (Secretary)');
  await expect(page.getByTestId('people-current-fingerprint')).toHaveText(mine.fingerprint);
  await expectDialogsOverMainWindow(desktop, 8);
});

test('with an OS keyring, a key kept by the keychain signs the roster without a passphrase, after a restart too', async () => {
  test.setTimeout(120_000);
  // A Linux machine with a secret service: Electron's safeStorage uses the real keyring.
  const desktop = await launch({ keychainBackend: 'gnome_libsecret' });
  let page = desktop.page;
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '설정', exact: true })
    .click();
  const keychain = createKeySection(page).getByRole('radio', { name: /^운영체제 키체인으로 보호/ });
  await expect(keychain).toBeEnabled();
  await expect(page.getByTestId('signing-panel')).toContainText(
    '이 컴퓨터의 이 사용자 계정에서만, 데스크톱 앱에서만 열립니다.',
  );
  await keychain.check();
  // Nothing to remember: no passphrase fields.
  await expect(createKeySection(page).getByLabel(/^암호 문구 \(\d+자 이상\)/)).toHaveCount(0);
  await createKeySection(page).getByRole('textbox', { name: '이름', exact: true }).fill('박서연');
  await createKeySection(page)
    .getByRole('combobox', { name: '역할', exact: true })
    .selectOption('secretary');
  const keyFile = join(keysDir, '박서연-key.json');
  await desktop.answerDialogs([keyFile]);
  await createKeySection(page)
    .getByRole('button', {
      name: '키 만들고 저장 위치 고르기',
      exact: true,
    })
    .click();
  await expect(createKeySection(page).getByRole('status')).toBeVisible({ timeout: 20_000 });
  expect(readKeyFile(keyFile).protection).toBe('os-keychain');
  const publicKeyFile = join(keysDir, '박서연-public-key.json');
  const mine = readPublicKeyFile(publicKeyFile);
  await expect(page.getByTestId('key-created-fingerprint')).toHaveText(mine.fingerprint);

  // The app starts again: the keychain still opens the key it sealed on this machine.
  await desktop.restart();
  page = desktop.page;
  await page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name: '설정', exact: true })
    .click();
  await desktop.answerDialogs([[...memberFiles, publicKeyFile]]);
  await buildSection(page).getByRole('button', { name: '공개 키 파일 추가', exact: true }).click();
  await expect(page.getByTestId('roster-build-member')).toHaveCount(4);
  await expect(page.getByTestId('roster-build-needs')).toHaveCount(0);
  await desktop.answerDialogs([keyFile]);
  await buildSection(page)
    .getByRole('button', { name: '간사 키 파일 고르기', exact: true })
    .click();
  await expect(page.getByTestId('roster-signer')).toContainText('박서연');
  await expect(buildSection(page).getByLabel('박서연의 암호 문구', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('signing-panel')).toContainText(
    '이 키는 이 컴퓨터의 운영체제 키체인으로 열립니다.',
  );
  await buildSection(page).getByLabel('적용 시작일', { exact: true }).fill('2022-11-14');
  const rosterFile = join(temp.dir, 'roster-v1.json');
  await desktop.answerDialogs([rosterFile]);
  await buildSection(page)
    .getByRole('button', { name: '서명하고 명부 v1 저장', exact: true })
    .click();
  await expect(buildSection(page).getByRole('status')).toBeVisible({ timeout: 20_000 });
  const stored = latestRoster(workspace.db)!;
  expect(stored.fileText).toBe(readFileSync(rosterFile, 'utf8'));
  await expect(page.getByTestId('roster-signers')).toHaveText('박서연 (간사)');
  await expect(page.getByTestId('roster-member').filter({ hasText: '박서연' })).toContainText(
    mine.fingerprint,
  );
  await rosterSection(page).scrollIntoViewIfNeeded();
  await screenshot(page, '66-roster-signed-with-keychain-key-ko');

  // The same key unlocks her at this machine: the keychain opens it, no passphrase asked.
  await desktop.answerDialogs([keyFile]);
  const people = page.getByTestId('people-panel');
  await people.getByRole('button', { name: '내 열쇠 열기', exact: true }).click();
  await expect(page.getByTestId('people-key-on-roster')).toHaveText(
    '명부 v1에 올라 있음: 박서연 (간사)',
  );
  await expect(people).toContainText(
    '이 컴퓨터의 운영체제 키체인으로 열립니다. 암호 문구가 필요 없습니다.',
  );
  await expect(page.getByTestId('people-passphrase')).toHaveCount(0);
  await people.getByRole('button', { name: '열기', exact: true }).click();
  await expect(page.getByTestId('people-current')).toContainText('지금 작업자: 박서연 (간사)');
  await expect(page.getByTestId('acting-badge')).toHaveText('박서연 (간사)');
  await expectDialogsOverMainWindow(desktop, 4);
});

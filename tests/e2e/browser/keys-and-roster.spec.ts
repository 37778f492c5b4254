import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../../src/main/services/context';
import { generateIdentity, readPublicKeyFile } from '../../../src/main/services/identity';
import { openWorkspace } from '../../../src/main/services/open-workspace';
import { latestRoster } from '../../../src/main/services/roster';
import { PASSPHRASE, TEST_SCRYPT } from '../../main/decision-file/council';
import { changeRosterRole } from '../../support/roster-tampering';
import { makeTempDir } from '../../support/temp-workspace';
import { testPlatform } from '../../support/test-platform';
import { screenshot } from '../support/decision-steps';
import { openRenderer, type RendererHarness } from '../support/renderer-harness';

const FINGERPRINT = /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/;
const SECRETARY_PASSPHRASE = '간사 열쇠 말 quiet lantern 42';

let temp: ReturnType<typeof makeTempDir>;
let workspace: ServiceContext;
let harness: RendererHarness;
/** What the test platform's dialogs answer, in order. */
let chosen: (string | null)[];
/** Three members' public key files, made on "their" machines by the real services. */
let memberFiles: string[];
let keysDir: string;

test.beforeEach(async ({ page }) => {
  temp = makeTempDir('review-desk-e2e-keys-');
  workspace = openWorkspace(join(temp.dir, 'workspace'), { actor: '박서연' });
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
  chosen = [];
  harness = await openRenderer(page, () => workspace, testPlatform(chosen));
});

test.afterEach(() => {
  expect(harness.blockedRequests).toEqual([]);
  expect(harness.consoleErrors).toEqual([]);
  workspace.db.close();
  temp.cleanup();
});

test('the secretary makes a key, builds and signs the roster; an altered roster is refused', async ({
  page,
}) => {
  // Real scrypt at the app's cost, twice (making the key, then signing with it).
  test.setTimeout(90_000);
  await page.getByTestId('nav-settings').click();
  const panel = page.getByTestId('signing-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('roster-none')).toBeVisible();
  // No OS keychain in the browser harness: the choice is there, disabled, and says why.
  await expect(page.getByTestId('key-protection-keychain')).toBeDisabled();

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
  chosen.push(keyFile);
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
  chosen.push(memberFiles.join('\n'));
  await page.getByTestId('roster-add-members').click();
  await expect(page.getByTestId('roster-build-member')).toHaveCount(3);
  await expect(page.getByTestId('roster-build-needs')).toBeVisible();
  await page.getByTestId('roster-add-mine').click();
  await expect(page.getByTestId('roster-build-member')).toHaveCount(4);
  await expect(page.getByTestId('roster-build-needs')).toHaveCount(0);
  chosen.push(keyFile);
  await page.getByTestId('roster-choose-signer').click();
  await expect(page.getByTestId('roster-signer')).toContainText('박서연');
  await page.getByTestId('roster-valid-from').fill('2022-11-14');
  await page.getByTestId('roster-passphrase').fill(SECRETARY_PASSPHRASE);
  await page.getByTestId('roster-build').scrollIntoViewIfNeeded();
  await screenshot(page, '61-roster-build-ready-ko');
  const rosterFile = join(temp.dir, 'roster-v1.json');
  chosen.push(rosterFile);
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
  chosen.push(memberFiles[1]!);
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
  chosen.push(altered);
  await page.getByTestId('roster-import').click();
  const refusal = page.getByTestId('roster-import-error');
  await expect(refusal).toContainText('이 명부 파일은 가져오지 않았습니다');
  await expect(refusal).toContainText('roster: the signature of 박서연 does not match its content');
  await expect(view).toHaveAttribute('data-version', '1');
  expect(latestRoster(workspace.db)?.sha256).toBe(stored.sha256);
  await page.getByTestId('roster-current').scrollIntoViewIfNeeded();
  await screenshot(page, '64-roster-altered-refused-ko');

  // The original file imports as the same roster, and the panel reads in English too.
  chosen.push(rosterFile);
  await page.getByTestId('roster-import').click();
  await expect(page.getByTestId('roster-imported')).toContainText('이미 가져온 명부');
  await page.getByTestId('locale-en').click();
  await expect(page.getByTestId('roster-signers')).toHaveText('박서연 (Secretary)');
  await expect(page.getByTestId('roster-imported')).toContainText('already imported');
  await page.getByTestId('roster-current').scrollIntoViewIfNeeded();
  await screenshot(page, '65-roster-current-en');
});

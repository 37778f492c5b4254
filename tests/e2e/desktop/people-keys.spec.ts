import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { ServiceContext } from '../../../src/main/services/context';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import { makeTempDir } from '../../helpers/temp-workspace';
import {
  CHAIR,
  closedMeetingWorkspace,
  DEFERRED_CLAIM,
  SECRETARY,
} from '../helpers/closed-meeting';
import {
  KEY_PASSPHRASE,
  makePersonKey,
  unlockAs,
  type CouncilKeys,
  type PersonKey,
} from '../helpers/council-keys';
import { claimRow, screenshot } from '../helpers/decision-steps';
import { openDesktop, type Desktop } from '../helpers/desktop';
import { expectDialogsOverMainWindow } from '../helpers/desktop-dialogs';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * People are proven by their keys (issue 14), through the app as a person starts it (built main
 * and preload under the Electron stand-in, key files chosen in main's dialog). Nobody acts
 * until someone unlocks their own key in Settings; the roster, not the person, says who they
 * are and what they may do. A wrong passphrase, a key not on the roster and a workspace with
 * no roster are each refused, and say why; an act is refused to the wrong role and to nobody.
 */

const MEMBER = '김민준';
/** A claim of the sample batch nobody has decided in the seeded meeting. */
const UNDECIDED_CLAIM = 'K-2022-000112';

let temp: ReturnType<typeof makeTempDir>;
/** The test's own connection to the workspace the app opens: seeds it, then reads (WAL). */
let workspace: ServiceContext | undefined;
/** The app, once the test has started it. */
let running: Desktop | undefined;

test.beforeEach(() => {
  // Key files with real (cheap) scrypt for a council, and an app start.
  test.setTimeout(90_000);
  temp = makeTempDir('review-desk-e2e-people-');
  workspace = undefined;
  running = undefined;
});

test.afterEach(async () => {
  try {
    if (running) await running.finish();
  } finally {
    workspace?.db.close();
    temp.cleanup();
  }
});

/** The closed meeting's workspace (helpers/closed-meeting.ts) and its council's key files. */
function seedCouncil(): { council: CouncilKeys; workspaceDir: string } {
  const seeded = closedMeetingWorkspace(temp.dir);
  workspace = seeded.ws;
  return { council: seeded.council, workspaceDir: seeded.workspaceDir };
}

async function launch(workspaceDir: string): Promise<Desktop> {
  running = await openDesktop({ workspaceDir });
  return running;
}

/** A button of the main menu (the sidebar), by its Korean name. */
function nav(page: Page, name: string): Locator {
  return page
    .getByRole('navigation', { name: '주 메뉴', exact: true })
    .getByRole('button', { name, exact: true });
}

/** Settings' "who is working here" panel. */
function peoplePanel(page: Page): Locator {
  return page.getByTestId('people-panel');
}

/** The meeting's agenda item for `claimId`: an article headed "<position>. <claim>". */
function agendaItem(page: Page, claimId: string): Locator {
  return page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`^\\d+\\. ${claimId}$`) }) });
}

async function openMeetingOne(page: Page) {
  await nav(page, '회의').click();
  await page.getByRole('button', { name: /^제1차 / }).click();
  await expect(agendaItem(page, DEFERRED_CLAIM)).toBeVisible();
}

/** Chooses a key file in the People panel (main's dialog answered with it). */
async function chooseKey(desktop: Desktop, key: PersonKey, button: string) {
  await desktop.answerDialogs([key.keyFile]);
  await peoplePanel(desktop.page).getByRole('button', { name: button, exact: true }).click();
  await expect(desktop.page.getByTestId('people-key-holder')).toContainText(key.name);
}

function decisionsOf(claimId: string) {
  return workspace!.db
    .prepare('SELECT outcome, decided_by AS decidedBy FROM decisions WHERE claim_id = ?')
    .all(claimId);
}

test('locked at start; a key not on the roster and a wrong passphrase are refused; a member unlocks and locks', async () => {
  const { council, workspaceDir } = seedCouncil();
  const stranger = makePersonKey(join(temp.dir, 'stranger'), {
    name: '홍길동',
    role: 'member',
  });
  const member = council.people[MEMBER]!;
  const desktop = await launch(workspaceDir);
  const page = desktop.page;

  // Nobody acts: the top bar says so, and takes the person to Settings.
  const badge = page.getByTestId('acting-badge');
  await expect(badge).toHaveText('서명 키 잠김');
  await expect(badge).toHaveAttribute('data-state', 'locked');
  await badge.click();
  const panel = peoplePanel(page);
  await expect(panel.getByRole('heading', { name: '이 컴퓨터의 작업자' })).toBeVisible();
  await expect(page.getByTestId('people-current')).toHaveAttribute('data-state', 'locked');
  await expect(page.getByTestId('people-current')).toContainText(
    '잠김: 아무도 열쇠를 열지 않았습니다.',
  );
  // The roster's members, read-only: no one is added or chosen here.
  await expect(panel.getByRole('heading', { name: '명부 v1의 위원 (6명)' })).toBeVisible();
  const members = page.getByTestId('people-member');
  await expect(members).toHaveCount(6);
  await expect(members.filter({ hasText: CHAIR })).toContainText('위원장');
  await expect(members.filter({ hasText: MEMBER })).toContainText(member.fingerprint);
  await expect(panel.getByRole('button', { name: '선택' })).toHaveCount(0);
  await expect(panel.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByTestId('current-actor')).toHaveText('서명 키 잠김 (열쇠를 연 사람 없음)');
  await screenshot(page, '100-people-locked-ko');

  // (c) A real key, correctly unlocked, but not on the roster: refused, and it says so.
  await chooseKey(desktop, stranger, '내 열쇠 열기');
  await expect(page.getByTestId('people-key-on-roster')).toHaveText(
    '명부 v1에 없음: 이 열쇠로는 일할 수 없습니다',
  );
  await expect(page.getByTestId('people-key-fingerprint')).toHaveText(stranger.fingerprint);
  const passphrase = panel.getByLabel('홍길동의 암호 문구', { exact: true });
  await expect(passphrase).toHaveAttribute('type', 'password');
  await passphrase.fill(KEY_PASSPHRASE);
  await panel.getByRole('button', { name: '열기', exact: true }).click();
  await expect(page.getByTestId('people-unlock-refused')).toHaveText(
    '이 열쇠는 명부 v1에 없어 열 수 없습니다. 간사가 새 명부 판에 올려 서명해야 합니다.',
  );
  await expect(page.getByTestId('people-unlock-error')).toContainText('허용되지 않았습니다');
  await expect(page.getByTestId('people-unlock-error')).toContainText('is not on roster v1');
  await expect(page.getByTestId('people-current')).toHaveAttribute('data-state', 'locked');
  await expect(badge).toHaveText('서명 키 잠김');
  await screenshot(page, '101-people-not-on-roster-ko');

  // (d) The member's own key with a wrong passphrase: refused, plainly, and the field emptied.
  await chooseKey(desktop, member, '다른 열쇠 파일 고르기');
  await expect(page.getByTestId('people-key-on-roster')).toHaveText(
    `명부 v1에 올라 있음: ${MEMBER} (위원)`,
  );
  await expect(page.getByTestId('people-unlock-refused')).toHaveCount(0);
  const memberPassphrase = panel.getByLabel(`${MEMBER}의 암호 문구`, { exact: true });
  await expect(panel.getByRole('button', { name: '열기', exact: true })).toBeDisabled();
  await memberPassphrase.fill('틀린 암호 wrong one');
  await memberPassphrase.press('Enter');
  await expect(page.getByTestId('people-unlock-refused')).toHaveText(
    '암호 문구가 맞지 않습니다. 다시 입력하세요. (맞게 입력했다면 열쇠 파일이 손상되었을 수 있습니다.)',
  );
  await expect(page.getByTestId('people-unlock-error')).toContainText(
    'the passphrase does not unlock',
  );
  await expect(memberPassphrase).toHaveValue('');
  await expect(page.getByTestId('people-current')).toHaveAttribute('data-state', 'locked');
  await screenshot(page, '102-people-wrong-passphrase-ko');

  // The right passphrase: the roster names who is working now, and the top bar too.
  await memberPassphrase.fill(KEY_PASSPHRASE);
  await panel.getByRole('button', { name: '열기', exact: true }).click();
  const current = page.getByTestId('people-current');
  await expect(current).toHaveAttribute('data-state', 'unlocked');
  await expect(current).toContainText(`지금 작업자: ${MEMBER} (위원)`);
  await expect(page.getByTestId('people-current-fingerprint')).toHaveText(member.fingerprint);
  await expect(badge).toHaveText(`${MEMBER} (위원)`);
  await expect(badge).toHaveAttribute('data-state', 'unlocked');
  await expect(members.filter({ hasText: MEMBER })).toHaveAttribute('aria-current', 'true');
  await expect(members.filter({ hasText: MEMBER })).toContainText('지금 작업자');
  await expect(page.getByTestId('current-actor')).toHaveText(MEMBER);
  await expect(page.getByTestId('people-chosen-key')).toHaveCount(0);
  await screenshot(page, '103-people-unlocked-ko');

  await page
    .getByRole('group', { name: '언어', exact: true })
    .getByRole('button', { name: 'English', exact: true })
    .click();
  await expect(current).toContainText(`Working now: ${MEMBER} (Member)`);
  await expect(badge).toHaveText(`${MEMBER} (Member)`);
  await screenshot(page, '104-people-unlocked-en');
  await page
    .getByRole('group', { name: 'Language', exact: true })
    .getByRole('button', { name: '한국어', exact: true })
    .click();

  // Locked again: nobody acts, in the panel and the top bar.
  await panel.getByRole('button', { name: '서명 키 잠그기', exact: true }).click();
  await expect(current).toHaveAttribute('data-state', 'locked');
  await expect(badge).toHaveText('서명 키 잠김');
  await expect(page.getByTestId('current-actor')).toHaveText('서명 키 잠김 (열쇠를 연 사람 없음)');
  await expectDialogsOverMainWindow(desktop, 2);
});

test('nobody unlocked: recording a decision is refused and says to unlock a key; the member’s key records it', async () => {
  const { council, workspaceDir } = seedCouncil();
  const desktop = await launch(workspaceDir);
  const page = desktop.page;

  /** Approves UNDECIDED_CLAIM for 300,000원 in the review form and saves. */
  const approve = async () => {
    await nav(page, '심사').click();
    await claimRow(page, UNDECIDED_CLAIM).click();
    const form = page.getByTestId('decision-form');
    await form.getByRole('radio', { name: '인정', exact: true }).check();
    await form.getByRole('textbox', { name: '지원 금액', exact: true }).fill('300,000');
    await form.getByRole('button', { name: '결정 저장', exact: true }).click();
  };

  // (b) No key unlocked: main refuses before anything is written, and says what to do.
  await approve();
  const refusal = page.getByTestId('save-error');
  await expect(refusal).toContainText('허용되지 않았습니다');
  await expect(refusal).toContainText('decisions:record is for a member or chair');
  await expect(refusal).toContainText('unlock your key first');
  expect(decisionsOf(UNDECIDED_CLAIM)).toEqual([]);
  await screenshot(page, '105-decision-refused-locked-ko');

  // The member unlocks their key; the same decision is recorded under their name.
  await unlockAs(desktop, council.people[MEMBER]!);
  await approve();
  await expect(
    page.getByRole('status').filter({ hasText: /^결정 #\d+을\(를\) 저장했습니다\.$/ }),
  ).toBeVisible();
  expect(decisionsOf(UNDECIDED_CLAIM)).toEqual([{ outcome: 'approve', decidedBy: MEMBER }]);
  const entry = workspace!.db
    .prepare(
      "SELECT actor, actor_kid IS NOT NULL AS keyed, signature IS NOT NULL AS signed FROM audit_log WHERE subject_id = ? AND action = 'decision.recorded'",
    )
    .get(UNDECIDED_CLAIM);
  expect(entry).toEqual({ actor: MEMBER, keyed: 1, signed: 1 });
  await expectDialogsOverMainWindow(desktop, 1);
});

test('a member’s key cannot confirm the chair’s decision; the chair’s key can', async () => {
  const { council, workspaceDir } = seedCouncil();
  const desktop = await launch(workspaceDir);
  const page = desktop.page;

  // (a) The member at the machine: the screen says only the chair confirms.
  await unlockAs(desktop, council.people[MEMBER]!);
  await openMeetingOne(page);
  const item = agendaItem(page, DEFERRED_CLAIM);
  await expect(item).toContainText('위원장만 확정할 수 있습니다.');
  await expect(item.getByRole('button', { name: '결정 확정', exact: true })).toHaveCount(0);

  // Main holds the rule, not the screen: a meeting left open on the chair's screen while the
  // member's key is unlocked underneath it (through the window's own bridge, so this screen is
  // not redrawn) offers the button, and main refuses the member, naming the chair.
  await unlockAs(desktop, council.people[CHAIR]!);
  await openMeetingOne(page);
  await expect(item.getByRole('button', { name: '결정 확정', exact: true })).toBeVisible();
  await desktop.answerDialogs([council.people[MEMBER]!.keyFile]);
  const switched = await page.evaluate(async (passphrase) => {
    await window.api.people.lock(undefined);
    const inspected = await window.api.keys.inspect({ kind: 'key-file' });
    if (!inspected.ok || !inspected.value.key) return null;
    const unlocked = await window.api.people.unlock({
      keyFile: inspected.value.key.path,
      passphrase,
    });
    return unlocked.ok ? unlocked.value.current : null;
  }, KEY_PASSPHRASE);
  expect(switched).toMatchObject({ name: MEMBER, role: 'member' });
  await item.getByRole('button', { name: '결정 확정', exact: true }).click();
  const refusal = page.getByTestId('meeting-confirm-error');
  await expect(refusal).toContainText('허용되지 않았습니다');
  await expect(refusal).toContainText('meetings:confirm is for a chair');
  await expect(refusal).toContainText('the person acting here is the member');
  expect(decisionsOf(DEFERRED_CLAIM)).toEqual([]);
  await refusal.scrollIntoViewIfNeeded();
  await screenshot(page, '106-confirm-refused-member-ko');

  // The chair unlocks their own key: the confirmation goes through, in the chair's name.
  await unlockAs(desktop, council.people[CHAIR]!);
  await openMeetingOne(page);
  await item.getByRole('button', { name: '결정 확정', exact: true }).click();
  await expect(item).toContainText('확정됨');
  expect(decisionsOf(DEFERRED_CLAIM)).toEqual([{ outcome: 'defer', decidedBy: CHAIR }]);
  await expectDialogsOverMainWindow(desktop, 4);
});

test('with no roster loaded yet, nobody can unlock, and the panel says where to load one', async () => {
  // A workspace with claims but no roster; the key is a council member's, made elsewhere.
  const workspaceDir = join(temp.dir, 'workspace');
  workspace = openTestWorkspace(workspaceDir);
  loadSampleClaims(workspace);
  const secretary = makePersonKey(join(temp.dir, 'keys'), { name: SECRETARY, role: 'secretary' });
  const desktop = await launch(workspaceDir);
  const page = desktop.page;
  await nav(page, '설정').click();
  const panel = peoplePanel(page);
  await expect(page.getByTestId('people-no-roster')).toHaveText(
    "명부를 아직 불러오지 않았습니다. 아래 '서명 키와 위원 명부'에서 협의체의 서명된 명부를 불러오세요. 신청 묶음은 명부 없이도 불러올 수 있습니다.",
  );
  await expect(page.getByTestId('people-table')).toHaveCount(0);
  await chooseKey(desktop, secretary, '내 열쇠 열기');
  await expect(page.getByTestId('people-key-on-roster')).toHaveText(
    '명부를 아직 불러오지 않아 확인할 수 없음',
  );
  await panel.getByLabel(`${SECRETARY}의 암호 문구`, { exact: true }).fill(KEY_PASSPHRASE);
  await panel.getByRole('button', { name: '열기', exact: true }).click();
  await expect(page.getByTestId('people-unlock-refused')).toHaveText(
    '명부를 아직 불러오지 않아 아무도 열쇠를 열 수 없습니다. 먼저 협의체의 서명된 명부를 불러오세요.',
  );
  await expect(page.getByTestId('people-unlock-error')).toContainText('has no roster yet');
  await expect(page.getByTestId('acting-badge')).toHaveText('서명 키 잠김');
  await screenshot(page, '107-people-no-roster-ko');
  await expectDialogsOverMainWindow(desktop, 1);
});

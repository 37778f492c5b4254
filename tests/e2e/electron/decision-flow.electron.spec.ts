import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { makeTempDir } from '../../helpers/temp-workspace';
import { makeCouncilKeys, seatCouncilKeys, unlockAs } from '../helpers/council-keys';
import {
  expectDecisionAndAuditEntry,
  loadSample,
  recordPartialDecision,
} from '../helpers/decision-steps';
import { passVaultGate } from '../helpers/desktop';
import { APP_ROOT, electronAvailability } from '../helpers/electron-availability';
import { openTestWorkspace } from '../../helpers/workspace-key';

const availability = electronAvailability();
if (!availability.ok) console.log(`electron spec skipped: ${availability.reason}`);

const MEMBER = '김민준';

/** Main's next open dialogs answer with these files, as desktop.answerDialogs does. */
async function answerDialogs(app: ElectronApplication, answers: (string | string[] | null)[]) {
  await app.evaluate(({ dialog }, queued) => {
    const store = globalThis as { dialogAnswers?: (string | string[] | null)[] };
    store.dialogAnswers = [...(store.dialogAnswers ?? []), ...queued];
    dialog.showOpenDialog = (async () => {
      const answer = store.dialogAnswers!.shift() ?? null;
      const filePaths = answer === null ? [] : Array.isArray(answer) ? answer : [answer];
      return { canceled: filePaths.length === 0, filePaths };
    }) as typeof dialog.showOpenDialog;
  }, answers);
}

test.describe('the real Electron app', () => {
  test.skip(!availability.ok, availability.ok ? '' : availability.reason);

  test('records a decision; after a restart it and its audit entry are still there', async () => {
    const userData = makeTempDir('review-desk-electron-');
    const keys = makeTempDir('review-desk-electron-keys-');
    // The council's roster in the app's workspace (its userData); the member unlocks their key
    // file in the app before recording.
    const council = makeCouncilKeys(keys.dir, [
      { name: '박서연', role: 'secretary' },
      { name: '이도윤', role: 'chair' },
      { name: MEMBER, role: 'member' },
    ]);
    const workspace = openTestWorkspace(userData.dir);
    seatCouncilKeys(workspace, council);
    workspace.db.close();
    const launch = (): Promise<ElectronApplication> =>
      electron.launch({
        executablePath: availability.ok ? availability.executable : undefined,
        // By its folder, as `electron .` starts it: app.getAppPath() is the checkout.
        args: [APP_ROOT],
        env: { ...process.env, REVIEW_DESK_USER_DATA: userData.dir },
      });
    try {
      let app = await launch();
      let page = await app.firstWindow();
      // The workspace opens at its lock screen (or by itself, where a keychain holds its key).
      await passVaultGate(page);
      // The sandboxed renderer sees window.api and nothing of Node.
      expect(
        await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
      ).toBe('undefined');
      const started = app;
      await unlockAs(
        { page, answerDialogs: (answers) => answerDialogs(started, answers) },
        council.people[MEMBER]!,
      );
      await page.getByTestId('nav-intake').click();
      await loadSample(page);
      await recordPartialDecision(page, 'electron-01');
      const actor = await page.evaluate(async () => {
        const info = await window.api.app.info(undefined);
        return info.ok ? info.value.actor : '';
      });
      expect(actor).toBe(MEMBER);
      await app.close();

      app = await launch();
      page = await app.firstWindow();
      await passVaultGate(page);
      await expectDecisionAndAuditEntry(page, actor, 'electron-02');
      await app.close();
    } finally {
      userData.cleanup();
      keys.cleanup();
    }
  });
});

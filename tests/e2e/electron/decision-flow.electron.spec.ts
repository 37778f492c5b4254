import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { makeTempDir } from '../../helpers/temp-workspace';
import {
  expectDecisionAndAuditEntry,
  loadSample,
  recordPartialDecision,
} from '../helpers/decision-steps';
import { APP_ROOT, electronAvailability } from '../helpers/electron-availability';

const availability = electronAvailability();
if (!availability.ok) console.log(`electron spec skipped: ${availability.reason}`);

test.describe('the real Electron app', () => {
  test.skip(!availability.ok, availability.ok ? '' : availability.reason);

  test('records a decision; after a restart it and its audit entry are still there', async () => {
    const userData = makeTempDir('review-desk-electron-');
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
      // The sandboxed renderer sees window.api and nothing of Node.
      expect(
        await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
      ).toBe('undefined');
      await loadSample(page);
      await recordPartialDecision(page, 'electron-01');
      const actor = await page.evaluate(async () => {
        const info = await window.api.app.info(undefined);
        return info.ok ? info.value.actor : '';
      });
      await app.close();

      app = await launch();
      page = await app.firstWindow();
      await expectDecisionAndAuditEntry(page, actor, 'electron-02');
      await app.close();
    } finally {
      userData.cleanup();
    }
  });
});

import { expect } from '@playwright/test';
import type { Desktop } from './desktop';

/**
 * Every file dialog so far opened over the app's main window (not parentless, not over some
 * other window), and there were `count` of them: each answer the test queued was asked for.
 */
export async function expectDialogsOverMainWindow(desktop: Desktop, count: number): Promise<void> {
  const mainWindow = await desktop.app.evaluate(
    ({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.id ?? null,
  );
  expect(mainWindow).not.toBeNull();
  expect(await desktop.dialogOwners()).toEqual(Array.from({ length: count }, () => mainWindow));
}

import { BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { rendererGoneDialog, rendererRecovery } from './renderer-recovery';
import { mainWindowOptions } from './window-options';

export function createMainWindow(
  preloadPath: string,
  url: string,
  options: { devTools: boolean },
): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, options));
  window.once('ready-to-show', () => window.show());
  recoverWhenRendererGone(window);
  window.loadURL(url).catch((error: unknown) => console.error(`could not load ${url}`, error));
  return window;
}

/** A crashed page reloads once on its own; again within a minute, the person is asked. */
function recoverWhenRendererGone(window: BrowserWindow): void {
  const recovery = rendererRecovery();
  let asking = false;
  window.webContents.on('render-process-gone', (_event, details) => {
    const action = recovery.onGone(details.reason, Date.now());
    console.error(`renderer gone (${details.reason}, exit code ${details.exitCode}): ${action}`);
    if (action === 'ignore' || window.isDestroyed()) return;
    if (action === 'reload') return window.webContents.reload();
    if (asking) return;
    asking = true;
    const options = rendererGoneDialog(details.reason, details.exitCode);
    // A window still hidden (the page died before its first paint) cannot carry a sheet.
    const asked = window.isVisible()
      ? dialog.showMessageBox(window, options)
      : dialog.showMessageBox(options);
    void asked.then(({ response }) => {
      asking = false;
      if (window.isDestroyed()) return;
      if (response === 0) window.webContents.reload();
      else window.close();
    });
  });
}

/** What a second start of the app does to the first one's window. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}

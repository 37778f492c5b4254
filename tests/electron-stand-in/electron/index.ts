/**
 * The stand-in for the `electron` module that the built main bundle imports when it runs
 * under Node in tests (host.ts points the specifier here). It models the part of Electron's
 * main-process API that Review Desk uses, as Electron documents it; each file says what it
 * leaves out. Not modelled at all: the isolated world of preloads (page/renderer-runtime.ts),
 * the OS keychain (safe-storage.ts), the OS's idle time and power events (power-monitor.ts), native dialogs and menus (answered as closed, kept as
 * data), GPU and process models, redirects (no will-redirect), <webview> (never attached),
 * auto-update, tray, notifications, printing and crash reporting.
 */
import { app } from './app';
import { dialog } from './dialog';
import { ipcMain } from './ipc-main';
import { startChromium } from './chromium';
import { Menu } from './menu';
import { powerMonitor } from './power-monitor';
import { runtime } from './runtime';
import { safeStorage } from './safe-storage';
import { net, protocol, session, sessionForWindows } from './session';
import { BrowserWindow } from './windows';

/** What only a test of the stand-in asks: things the real Electron does not let one read. */
export const __standIn = {
  runtime,
  startChromium,
  handledChannels: () => ipcMain.handledChannels(),
  /** Main's permission handlers, asked as Chromium would ask them for the first window. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = sessionForWindows.permissionRequest;
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, {}));
  },
  checkPermission(permission: string, origin: string): boolean {
    const handler = sessionForWindows.permissionCheck;
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    return handler ? handler(contents, permission, origin, {}) : true;
  },
  applicationMenu: () => Menu.getApplicationMenu(),
  /** What powerMonitor.getSystemIdleTime() answers from now on. */
  setIdleSeconds(seconds: number): void {
    powerMonitor.idleSeconds = seconds;
  },
  /** Whether main's webRequest hook cancels a request to this URL from the first window. */
  cancels(url: string, resourceType = 'xhr'): Promise<boolean> {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    return sessionForWindows.cancels({
      url,
      method: 'GET',
      resourceType,
      webContentsId: contents?.id,
    });
  },
};

const electron = {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  session,
};
export {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  session,
};
export default electron;
